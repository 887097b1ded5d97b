/** Fact search: a search made again gives the hits it gave, however its hits were used in between. */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { FactIndex } from '../../src/search/factIndex.ts';

describe('FactIndex.search', () => {
  const k = loadKnowledge();
  it('answers a repeated search as a fresh index does, with hits of its own', () => {
    const seasoned = new FactIndex(k);
    const searches: [string[], Parameters<FactIndex['search']>[1], number][] = [
      [['legal', 'direction'], ['intervention'], 50],
      [['qipp'], ['figure'], 10],
      [['primary', 'care', 'lead'], ['role'], 20],
      [['merger'], ['event', 'intervention'], 8],
    ];
    let found = 0;
    for (const [terms, kinds, limit] of searches) {
      const first = seasoned.search(terms, kinds, limit);
      found += first.length;
      first.forEach((h) => h.terms.push('changed by a caller'));
      expect(seasoned.search(terms, kinds, limit)).toEqual(new FactIndex(k).search(terms, kinds, limit));
    }
    expect(found).toBeGreaterThan(0);
  });
});
