/**
 * A sorted term dictionary: the terms of an index in code-unit order, so a term's id is its rank. A
 * sorted array is an implicit trie (the terms sharing a prefix form one run of it), which serves exact,
 * prefix and fuzzy lookups without building MiniSearch's radix tree of Maps at every start.
 */

/** Terms in sorted order; ids are positions. */
export class TermDictionary {
  constructor(readonly terms: readonly string[]) {}

  get size(): number {
    return this.terms.length;
  }

  /** The id of `term`, or -1 when the dictionary does not hold it; with `from` and `to`, looking only among those ids. */
  id(term: string, from = 0, to = this.terms.length): number {
    const i = this.lowerBound(term, from, to);
    return i < to && this.terms[i] === term ? i : -1;
  }

  /**
   * Ids of every term starting with `prefix` (the term itself included), in sorted order; with `within`, a run
   * already known to hold them all (the run of a shorter prefix), searched instead of the whole dictionary.
   */
  withPrefix(prefix: string, within: { from: number; to: number } = { from: 0, to: this.terms.length }): { from: number; to: number } {
    const from = this.lowerBound(prefix, within.from, within.to);
    let to = from;
    // The run of terms sharing the prefix ends where the prefix sorts before the term's own start.
    let hi = within.to;
    while (to < hi) {
      const mid = (to + hi) >>> 1;
      if (this.terms[mid].startsWith(prefix)) to = mid + 1;
      else hi = mid;
    }
    return { from, to };
  }

  /**
   * Every term within `maxDistance` edits (Levenshtein: insertions, deletions, substitutions) of `query`,
   * with its distance, as MiniSearch's fuzzy search finds them: a walk down the implicit trie keeping one
   * row of the edit-distance matrix per depth, abandoning a branch once its row's minimum exceeds the limit.
   */
  fuzzy(query: string, maxDistance: number): Map<number, number> {
    const found = new Map<number, number>();
    const n = query.length + 1;
    const maxDepth = query.length + maxDistance;
    const rows = new Uint16Array((maxDepth + 1) * n);
    for (let j = 0; j < n; j++) rows[j] = j;
    const walk = (lo: number, hi: number, depth: number) => {
      let i = lo;
      // Sorted order puts the term that is exactly the prefix first in its run.
      if (this.terms[i].length === depth) {
        const distance = rows[depth * n + n - 1];
        if (distance <= maxDistance) found.set(i, distance);
        i++;
      }
      if (depth >= maxDepth) return;
      while (i < hi) {
        const c = this.terms[i].charCodeAt(depth);
        const end = this.runEnd(i, hi, depth, c);
        const prev = depth * n;
        const row = prev + n;
        rows[row] = depth + 1;
        let min = rows[row];
        for (let j = 1; j < n; j++) {
          const d = Math.min(rows[prev + j - 1] + (query.charCodeAt(j - 1) === c ? 0 : 1), rows[prev + j] + 1, rows[row + j - 1] + 1);
          rows[row + j] = d;
          if (d < min) min = d;
        }
        if (min <= maxDistance) walk(i, end, depth + 1);
        i = end;
      }
    };
    if (this.terms.length) walk(0, this.terms.length, 0);
    return found;
  }

  /** First position in [lo, hi) whose term does not sort before `term`. */
  private lowerBound(term: string, lo: number, hi: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid] < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** End of the run from `i` (within [i, hi), every term longer than `depth`) whose character at `depth` is `c`. */
  private runEnd(i: number, hi: number, depth: number, c: number): number {
    let lo = i + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid].charCodeAt(depth) <= c) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
