/** Document titles by term: the documents a question's words name, found by lookup as a scan of every title would. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/knowledge.ts';
import { contentTerms } from '../../src/search/text.ts';
import { TitleIndex } from '../../src/search/titleIndex.ts';

const dir = mkdtempSync(join(tmpdir(), 'titles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the passage answer did before: read every title for every question. */
function scanTitles(k: Knowledge, terms: string[]): { id: string; terms: string[] }[] {
  const titles = [...k.documents.values()].map((d) => ({ id: d.id, terms: new Set(contentTerms(`${d.title} ${d.publisher}`)) }));
  const telling = terms.filter((t) => titles.filter((d) => d.terms.has(t)).length <= 3);
  return titles
    .map((d) => ({ id: d.id, terms: telling.filter((t) => d.terms.has(t)) }))
    .filter((d) => d.terms.length > 0)
    .slice(0, 3);
}

describe('TitleIndex', () => {
  it('finds the document a question names by its title or publisher', () => {
    const k = loadKnowledge();
    const titles = new TitleIndex(k.documents.values());
    const [hit] = titles.documentsWith(contentTerms('what does the Commissioner newsletter say about STPs'));
    expect(hit.id).toBe('commissioner-newsletter-2016');
    expect(titles.documentsWith(contentTerms('weather in Leeds'))).toEqual([]);
  });

  it('gives what a scan of every title gives, on a corpus of hundreds of documents', () => {
    const k = loadKnowledge(generateCorpus(join(dir, 'corpus'), 6000, 5).dir);
    const titles = new TitleIndex(k.documents.values());
    const names = [...k.documents.values()].slice(0, 40).map((d) => d.title);
    let found = 0;
    for (const question of [
      ...names,
      'what does the Health Service Journal say',
      'directions letter section 14Z21',
      'frailty briefing',
      'newsletter commissioner stp',
    ]) {
      const terms = contentTerms(question);
      const hits = titles.documentsWith(terms);
      expect(hits, question).toEqual(scanTitles(k, terms));
      if (hits.length) found++;
    }
    expect(found).toBeGreaterThan(5);
  });
});
