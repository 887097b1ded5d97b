/** Window digests over the bundled seeds: the real register and the curated facts. */
import { describe, expect, it } from 'vitest';
import { changesInWindow } from '../../src/digest/window.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';

const k = loadKnowledge();

describe('digests over the bundled knowledge', () => {
  it('April 2018 holds the BNSSG merger, citing the register rows as they stand in ods_successors.csv', () => {
    const merger = changesInWindow(k, { from: '2018-04-01', to: '2018-04-30' }).find((e) => e.id === 'merger:15C:2018-04-01');
    expect(merger?.summary).toContain('NHS Bristol CCG (11H), NHS North Somerset CCG (11T) and NHS South Gloucestershire CCG (12A) merged into');
    expect(merger?.citations.map((c) => `${c.document} ${c.quote}`)).toEqual([
      'register:ods_successors.csv 11H,15C,2018-04-01',
      'register:ods_successors.csv 11T,15C,2018-04-01',
      'register:ods_successors.csv 12A,15C,2018-04-01',
    ]);
  });

  it('2016 holds financial special measures, each cited verbatim from its document', () => {
    const fsm = changesInWindow(k, { from: '2016-01-01', to: '2016-12-31' }).filter(
      (e) => e.kind.startsWith('intervention') && /financial special measures/i.test(e.summary),
    );
    expect(fsm.length).toBeGreaterThan(0);
    expect(fsm.flatMap((e) => e.organisations)).toEqual(expect.arrayContaining(['12A', '11T']));
    for (const c of fsm.flatMap((e) => e.citations)) expect(k.documents.get(c.document)?.text).toContain(c.quote);
  });

  it('a region filter keeps the Essex directions of March 2017 in the East of England', () => {
    const east = changesInWindow(k, { from: '2017-03-01', to: '2017-03-31', filter: 'East of England' });
    expect(east.some((e) => e.kind === 'intervention-imposed' && e.organisations.includes('07G'))).toBe(true);
    expect(east.some((e) => e.organisations.includes('15C'))).toBe(false);
  });
});
