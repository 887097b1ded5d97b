/**
 * The vocabulary of the knowledge, with typo correction: a word one edit away (an insertion, deletion,
 * substitution or swap) from a known word is read as that word. Deletion neighbourhoods (SymSpell) keep
 * a lookup to a few map probes however large the corpus grows.
 */
import { stem } from './text.ts';

export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private readonly deletes = new Map<string, string[]>();
  private readonly stems = new Set<string>();

  /** `ignore`: words never learnt nor offered as corrections (stop words: "weather" is not "whether"). */
  constructor(private readonly ignore: Set<string> = new Set()) {}

  /** Adds words (already normalised) to the vocabulary. */
  add(words: Iterable<string>): void {
    for (const w of words) this.addCount(w, 1);
  }

  /** Adds a word seen `count` times (from a cached count of the passages' words, say). */
  addCount(w: string, count: number): void {
    if (!w || this.ignore.has(w)) return;
    const seen = this.counts.get(w);
    this.counts.set(w, (seen ?? 0) + count);
    if (seen !== undefined) return;
    // Once per distinct word: stemming every occurrence cost a second at 100k passages.
    this.stems.add(stem(w));
    if (w.length >= 4 && !/\d/.test(w)) {
      for (const d of deletions(w)) {
        const list = this.deletes.get(d);
        if (!list) this.deletes.set(d, [w]);
        else if (list.length < 8) list.push(w);
      }
    }
  }

  /** Known as it stands, or as another form of a known word ("debt" for "debts"). */
  has(word: string): boolean {
    return this.counts.has(word) || this.stems.has(stem(word));
  }

  get size(): number {
    return this.counts.size;
  }

  /** The known word a typo most likely meant (most frequent among those one edit away), or null. */
  correct(word: string, minLength = 5): string | null {
    if (this.counts.has(word)) return word;
    if (word.length < minLength || /\d/.test(word)) return null;
    let best: string | null = null;
    let bestCount = 0;
    const consider = (candidate: string) => {
      const c = this.counts.get(candidate) ?? 0;
      if (c > bestCount && Math.abs(candidate.length - word.length) <= 1) {
        best = candidate;
        bestCount = c;
      }
    };
    for (const c of this.deletes.get(word) ?? []) consider(c); // the typo dropped a letter
    for (const d of deletions(word)) {
      if (this.counts.has(d)) consider(d); // the typo added a letter
      for (const c of this.deletes.get(d) ?? []) consider(c); // substitution or swap
    }
    return best;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
