/** Dated entries in a window, over the real register (copied into the fixture) and fixture facts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesInWindow } from '../../src/digest/window.ts';
import { FilterError, resolveFilter } from '../../src/digest/filter.ts';
import { buildDigest } from '../../src/digest/build.ts';
import { digestText } from '../../src/render/digestText.ts';
import { BASE_DIR, fixture } from './helpers/fixtures.ts';

const k = fixture(BASE_DIR);

/** True when a citation quotes its source verbatim: a document's text, or a line of a register file. */
function verbatim(c: { document: string; quote: string }): boolean {
  if (c.document.startsWith('register:')) {
    return readFileSync(join(BASE_DIR, 'register', c.document.slice('register:'.length)), 'utf8')
      .split(/\r?\n/)
      .includes(c.quote);
  }
  return k.documents.get(c.document)!.text.includes(c.quote);
}

describe('changesInWindow', () => {
  it('March–April 2018 holds the BNSSG merger of 1 April 2018, citing the three register rows', () => {
    const entries = changesInWindow(k, { from: '2018-03-01', to: '2018-04-30' });
    const merger = entries.find((e) => e.id === 'merger:15C:2018-04-01');
    expect(merger).toMatchObject({ kind: 'merger', organisations: ['15C', '11H', '11T', '12A'], date: { precision: 'day', label: '1 April 2018' } });
    expect(merger!.summary).toBe(
      'NHS Bristol CCG (11H), NHS North Somerset CCG (11T) and NHS South Gloucestershire CCG (12A) merged into NHS Bristol, North Somerset and South Gloucestershire CCG (15C).',
    );
    expect(merger!.citations.map((c) => [c.document, c.quote])).toEqual([
      ['register:ods_successors.csv', '11H,15C,2018-04-01'],
      ['register:ods_successors.csv', '11T,15C,2018-04-01'],
      ['register:ods_successors.csv', '12A,15C,2018-04-01'],
    ]);
    // The predecessors' closures are explained by the merger, so they are not listed again as closures.
    expect(entries.filter((e) => e.kind === 'closed' && ['11H', '11T', '12A'].includes(e.organisations[0]))).toEqual([]);
    expect(entries.every((e) => e.date!.start <= '2018-04-30' && e.date!.end >= '2018-03-01')).toBe(true);
  });

  it('2016 holds the financial special measures of July 2016, citing the article verbatim', () => {
    const entries = changesInWindow(k, { from: '2016-01-01', to: '2016-12-31' });
    const fsm = entries.find((e) => e.id === 'intervention:fsm-2016-south-glos-north-somerset');
    expect(fsm).toMatchObject({ kind: 'intervention-imposed', organisations: ['12A', '11T'], date: { label: '21 July 2016' } });
    expect(fsm!.citations[0]).toMatchObject({
      document: 'single-commissioning-2016',
      title: "NHS England moves CCGs to 'single commissioning structures'",
      quote: 'In total nine CCGs have been placed into the financial special measures regime',
    });
  });

  it('every citation in a busy window is verbatim', () => {
    const entries = changesInWindow(k, { from: '2013-01-01', to: '2022-12-31' });
    expect(entries.length).toBeGreaterThan(300);
    const bad = entries.flatMap((e) => e.citations).filter((c) => !verbatim(c));
    expect(bad).toEqual([]);
  });

  it('a month, a financial year and a vague year count when they overlap the window, and keep their precision', () => {
    const mid = changesInWindow(k, { from: '2016-07-10', to: '2016-07-12' });
    expect(mid.find((e) => e.id === 'intervention:east-surrey-review-2016')?.date).toMatchObject({ precision: 'month', label: 'July 2016' });
    expect(mid.find((e) => e.id === 'event:legal-directions-2016-17')?.date).toMatchObject({ precision: 'financial-year', label: '2016-17' });
    const due = changesInWindow(k, { from: '2018-03-01', to: '2018-03-31' }).find((e) => e.id === 'due:essex-joint-commissioning-plan-2017');
    expect(due).toMatchObject({ kind: 'plan-due', date: { label: '2017-18' } });
    const vague = changesInWindow(k, { from: '2017-11-01', to: '2017-11-30' }).find((e) => e.id === 'event:essex-acute-consultation-2017');
    expect(vague?.date?.label).toBe('later in 2017');
    expect(changesInWindow(k, { from: '2016-06-01', to: '2016-06-30' }).some((e) => e.id === 'intervention:east-surrey-review-2016')).toBe(false);
  });

  it('"start" counts an imprecise date only in the window holding its first day (no daily repeats)', () => {
    const ids = (from: string, to: string) => changesInWindow(k, { from, to, imprecise: 'start' }).map((e) => e.id);
    expect(ids('2016-07-01', '2016-07-01')).toContain('intervention:east-surrey-review-2016');
    expect(ids('2016-07-02', '2016-07-02')).not.toContain('intervention:east-surrey-review-2016');
    expect(ids('2016-04-01', '2016-04-01')).toContain('event:legal-directions-2016-17');
  });

  it('CCG openings and closures without a successor are listed', () => {
    const opened = changesInWindow(k, { from: '2013-04-01', to: '2013-04-01' }).filter((e) => e.kind === 'opened');
    expect(opened.length).toBeGreaterThan(200);
    expect(opened.find((e) => e.organisations[0] === '07G')?.citations[0].quote).toMatch(/^"07G","NHS MID AND SOUTH ESSEX ICB - 07G","Y61"/);
  });
});

describe('filters', () => {
  const ids = (filter: string, from = '2016-01-01', to = '2018-12-31') => changesInWindow(k, { from, to, filter }).map((e) => e.id);

  it('a region by name or code covers its organisations only', () => {
    expect(ids('South West')).toContain('merger:15C:2018-04-01');
    expect(ids('Y58')).toEqual(ids('South West'));
    expect(ids('South West')).not.toContain('merger:15F:2018-04-01'); // Leeds
    expect(ids('East of England')).toContain('intervention:essex-directions-2017');
    expect(ids('East of England')).not.toContain('merger:15C:2018-04-01');
  });

  it('an STP/ICB covers its member CCGs and the CCGs they succeeded', () => {
    expect(resolveFilter(k, 'QUY')).toMatchObject({ kind: 'stp', codes: expect.any(Set) });
    expect([...resolveFilter(k, 'QUY').codes]).toEqual(expect.arrayContaining(['15C', '11H', '11T', '12A']));
    expect(ids('QUY')).toEqual(expect.arrayContaining(['merger:15C:2018-04-01', 'intervention:fsm-2016-south-glos-north-somerset']));
    expect(ids('Mid and South Essex')).toEqual(expect.arrayContaining(['intervention:essex-directions-2017', 'event:essex-acute-consultation-2017']));
  });

  it('an organisation by name or code', () => {
    expect(ids('Thurrock CCG')).toEqual(ids('07G'));
    expect(ids('07G')).toEqual([
      'event:essex-acute-consultation-2017',
      'intervention:essex-directions-2017',
      'intervention:essex-joint-commissioning-plan-2017',
      'due:essex-joint-commissioning-plan-2017',
    ]);
    expect(ids('North Somerset')).toContain('merger:15C:2018-04-01');
  });

  it('an unknown or ambiguous filter says what to type instead', () => {
    expect(() => resolveFilter(k, 'Narnia')).toThrow(FilterError);
    expect(() => resolveFilter(k, 'Narnia')).toThrow(/No region, STP\/ICB or organisation matches “Narnia”.*Try a region/);
    expect(() => resolveFilter(k, 'Essex')).toThrow(/could mean several organisations: .*\(06Q\).*Use the code/);
  });
});

describe('digest text', () => {
  it('groups entries by organisation, then by date, each with its quoted source', () => {
    const text = digestText(k, buildDigest(k, { from: '2017-01-01', to: '2017-12-31', filter: 'QH8' }));
    const lines = text.split('\n');
    const mid = lines.indexOf('NHS Mid Essex CCG (06Q)');
    const castle = lines.indexOf('NHS Castle Point and Rochford CCG (99F)');
    expect(mid).toBeGreaterThan(0);
    expect(castle).toBeGreaterThan(mid);
    const castleLines = lines.slice(castle + 1).filter((l) => l.startsWith('  • '));
    expect(castleLines.map((l) => l.split(' · ')[0].trim())).toEqual(['• 31 March 2017', '• 31 March 2017', '• 2017-18']);
    expect(text).toContain('“have been imposed on Castle Point and Rochford, Southend and Thurrock CCGs”');
  });
});
