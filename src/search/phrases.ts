/** A dictionary of multi-word phrases (names, aliases, terms) found in a question's words, longest first. */
export interface PhraseMatch<T> {
  items: T[];
  from: number;
  to: number;
  text: string;
}

export class PhraseIndex<T> {
  private readonly map = new Map<string, T[]>();
  private longest = 1;
  /** The first and last words of the phrases: a run of words starting or ending otherwise is no phrase. */
  private readonly firsts = new Set<string>();
  private readonly lasts = new Set<string>();

  /** Adds a phrase (already normalised to words joined by single spaces). */
  add(phrase: string, item: T): void {
    if (!phrase) return;
    const list = this.map.get(phrase) ?? [];
    if (!list.includes(item)) list.push(item);
    this.map.set(phrase, list);
    const words = phrase.split(' ');
    this.longest = Math.max(this.longest, words.length);
    this.firsts.add(words[0]);
    this.lasts.add(words[words.length - 1]);
  }

  /** Non-overlapping matches in the words, longer phrases first; `skip` marks words already claimed. */
  find(words: string[], skip: boolean[] = []): PhraseMatch<T>[] {
    const taken = words.map((_, i) => skip[i] ?? false);
    const out: PhraseMatch<T>[] = [];
    for (let len = Math.min(this.longest, words.length); len >= 1; len--) {
      for (let i = 0; i + len <= words.length; i++) {
        if (!this.firsts.has(words[i]) || !this.lasts.has(words[i + len - 1])) continue;
        if (taken.slice(i, i + len).some(Boolean)) continue;
        const text = words.slice(i, i + len).join(' ');
        const items = this.map.get(text);
        if (!items) continue;
        out.push({ items, from: i, to: i + len, text });
        for (let k = i; k < i + len; k++) taken[k] = true;
      }
    }
    return out.sort((a, b) => a.from - b.from);
  }

  has(phrase: string): boolean {
    return this.map.has(phrase);
  }

  phrases(): IterableIterator<string> {
    return this.map.keys();
  }
}
