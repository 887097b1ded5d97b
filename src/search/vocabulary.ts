/**
 * The vocabulary of the knowledge, with typo correction: a word one edit away (an insertion, deletion,
 * substitution or swap) from a known word is read as that word. Deletion neighbourhoods (SymSpell) keep
 * a lookup to a few map probes however large the corpus grows.
 *
 * A large vocabulary (the passages' tens of thousands of words) comes as a `WordList`: sorted arrays
 * read straight from the index snapshot, where SymSpell's maps cost 50 MB and seconds to build at 100k
 * passages. Its deletion neighbourhoods are then enumerated at lookup instead (each candidate edit looked
 * up in the sorted list), giving the same corrections, tie-breaks and caps as the maps would.
 */
import { stem } from './text.ts';
import { TermDictionary } from './termDictionary.ts';

/** Words with their counts, sorted, and the order they were first seen in (which settles ties). */
export interface WordList {
  words: readonly string[];
  counts: Uint32Array;
  order: Uint32Array;
  /** The words' stems, sorted and unique. */
  stems: readonly string[];
}

/** The word list of counted words (in first-seen order), leaving out the `ignore`d. */
export function wordList(counts: Map<string, number>, ignore: Set<string>): WordList {
  const kept = [...counts].filter(([w]) => w && !ignore.has(w));
  const byWord = kept.map((_, i) => i).sort((a, b) => (kept[a][0] < kept[b][0] ? -1 : 1));
  return {
    words: byWord.map((i) => kept[i][0]),
    counts: Uint32Array.from(byWord, (i) => kept[i][1]),
    order: Uint32Array.from(byWord),
    stems: [...new Set(kept.map(([w]) => stem(w)))].sort(),
  };
}

/** Letters a normalised word without digits is made of. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz_';
/** Corrections kept over a base word list. */
const CORRECTIONS = 5000;
/** Words kept per deletion key (SymSpell's cap). */
const PER_KEY = 8;

export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private readonly deletes = new Map<string, string[]>();
  private readonly stems = new Set<string>();
  private readonly base?: { list: WordList; words: TermDictionary; stems: TermDictionary };
  /** With a base: the words added beyond it, in the order first added (their rank follows the base's). */
  private readonly extraOrder = new Map<string, number>();
  /** Those words sorted, made when a correction first needs them (and again after more are added). */
  private extraSorted?: TermDictionary;
  /** Corrections over the base list already made ("5 perfromance" → "performance"), until a word is added or counted. */
  private readonly corrections = new Map<string, string | null>();

  /**
   * `ignore`: words never learnt nor offered as corrections (stop words: "weather" is not "whether").
   * `base`: a large word list (already without the ignored words) the vocabulary starts from.
   */
  constructor(
    private readonly ignore: Set<string> = new Set(),
    base?: WordList,
  ) {
    if (base) this.base = { list: base, words: new TermDictionary(base.words), stems: new TermDictionary(base.stems) };
  }

  /** Adds words (already normalised) to the vocabulary. */
  add(words: Iterable<string>): void {
    for (const w of words) this.addCount(w, 1);
  }

  /** Adds a word seen `count` times (from a cached count of the passages' words, say). */
  addCount(w: string, count: number): void {
    if (!w || this.ignore.has(w)) return;
    if (this.base) {
      // Counts of base words are kept beside the base; new words are ranked after it.
      if (this.base.words.id(w) < 0 && !this.extraOrder.has(w)) {
        this.extraOrder.set(w, this.base.list.words.length + this.extraOrder.size);
        this.extraSorted = undefined;
        this.stems.add(stem(w));
      }
      // Counts settle which correction wins.
      if (this.corrections.size) this.corrections.clear();
      this.counts.set(w, (this.counts.get(w) ?? 0) + count);
      return;
    }
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
    if (this.base && (this.base.words.id(word) >= 0 || this.base.stems.id(stem(word)) >= 0)) return true;
    return this.counts.has(word) || this.stems.has(stem(word));
  }

  get size(): number {
    return this.base ? this.base.list.words.length + this.extraOrder.size : this.counts.size;
  }

  /** How often a word was seen; 0 when unknown. */
  private count(w: string): number {
    const extra = this.counts.get(w) ?? 0;
    if (!this.base) return extra;
    const id = this.base.words.id(w);
    return id < 0 ? extra : this.base.list.counts[id] + extra;
  }

  /**
   * The words SymSpell would list under the deletion key `key`: the known words of four or more letters,
   * no digits, that lose one letter to become `key`, in the order first seen, as far as the first
   * PER_KEY slots reach (a word fills one slot for each of its letters whose deletion gives the key).
   */
  private listed(key: string): string[] {
    if (key.length < 3) return [];
    const found = new Map<string, number>();
    const base = this.base!;
    const extra = (this.extraSorted ??= new TermDictionary([...this.extraOrder.keys()].sort()));
    // A word made by inserting a letter at p starts with key's first p letters: once no known word does, none
    // further on can either; and each is looked for only among the words sharing that start.
    let inBase = { from: 0, to: base.words.size };
    let inExtra = { from: 0, to: extra.size };
    for (let p = 0; p <= key.length; p++) {
      const start = key.slice(0, p);
      inBase = base.words.withPrefix(start, inBase);
      inExtra = extra.withPrefix(start, inExtra);
      if (inBase.from === inBase.to && inExtra.from === inExtra.to) break;
      const rest = key.slice(p);
      for (const ch of LETTERS) {
        const c = start + ch + rest;
        if (found.has(c)) continue;
        const id = base.words.id(c, inBase.from, inBase.to);
        const rank = id >= 0 ? base.list.order[id] : extra.id(c, inExtra.from, inExtra.to) >= 0 ? this.extraOrder.get(c)! : -1;
        if (rank >= 0) found.set(c, rank);
      }
    }
    const out: string[] = [];
    let slots = 0;
    for (const [c] of [...found].sort((a, b) => a[1] - b[1])) {
      if (slots >= PER_KEY) break;
      out.push(c);
      for (const d of deletions(c)) if (d === key) slots++;
    }
    return out;
  }

  /** `correct` over a base word list: the same candidates, in the same order, as the deletion maps give. */
  private correctFromList(word: string, minLength: number, prefer?: (candidate: string) => boolean): string | null {
    if (this.count(word) > 0) return word;
    if (word.length < minLength || /\d/.test(word)) return null;
    let best: string | null = null;
    let bestCount = 0;
    const consider = (candidate: string) => {
      const c = this.count(candidate) * likelihood(candidate, word) + (prefer?.(candidate) ? PREFERRED : 0);
      if (c > bestCount && Math.abs(candidate.length - word.length) <= 1) {
        best = candidate;
        bestCount = c;
      }
    };
    for (const c of this.listed(word)) consider(c); // the typo dropped a letter
    for (const d of deletions(word)) {
      if (this.count(d) > 0) consider(d); // the typo added a letter
      for (const c of this.listed(d)) consider(c); // substitution or swap
    }
    return best;
  }

  /**
   * The known word a typo most likely meant (most frequent among those one edit away), or null; one that `prefer`
   * accepts (it makes a name or a phrase with the words around it: "black contry" is "black country") comes first.
   * Over a large word list a correction costs a thousand lookups or more: the corrections made last are kept until
   * a word is added, and a preference is looked into only when there is a correction to prefer another to.
   */
  correct(word: string, minLength = 5, prefer?: (candidate: string) => boolean): string | null {
    if (this.base) {
      const key = `${minLength} ${word}`;
      let corrected = this.corrections.get(key);
      if (corrected === undefined) {
        corrected = this.correctFromList(word, minLength);
        if (this.corrections.size >= CORRECTIONS) this.corrections.clear();
        this.corrections.set(key, corrected);
      }
      if (!prefer || corrected === null || corrected === word || prefer(corrected)) return corrected;
      return this.correctFromList(word, minLength, prefer);
    }
    if (this.counts.has(word)) return word;
    if (word.length < minLength || /\d/.test(word)) return null;
    let best: string | null = null;
    let bestCount = 0;
    const consider = (candidate: string) => {
      const c = (this.counts.get(candidate) ?? 0) * likelihood(candidate, word) + (prefer?.(candidate) ? PREFERRED : 0);
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

/** What a preferred correction counts for beside word frequencies: more than any of them (a word list's counts run to billions). */
const PREFERRED = 2 ** 50;

/**
 * How much likelier a slip this candidate is than another one edit away: one of a doubled letter left out ("isues"
 * for "issues", "succes" for "success") is the commonest typo of all, so it outweighs a letter changed ("isles").
 */
function likelihood(candidate: string, typo: string): number {
  if (candidate.length !== typo.length + 1) return 1;
  for (let i = 1; i < candidate.length; i++)
    if (candidate[i] === candidate[i - 1] && candidate.slice(0, i) + candidate.slice(i + 1) === typo) return DOUBLED_LETTER_SLIP;
  return 1;
}
const DOUBLED_LETTER_SLIP = 8;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
