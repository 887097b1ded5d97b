import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { successorChain } from '../../src/knowledge/register.ts';
import { OrganisationIndex } from '../../src/search/organisations.ts';

const k = loadKnowledge();
const index = new OrganisationIndex(k.organisations);
const found = (q: string) => {
  const r = index.lookup(q);
  return r.kind === 'found' ? r.org.code : r.kind;
};

describe('the organisation register', () => {
  it('holds every CCG that ever existed, with dates and parents', () => {
    const thurrock = k.organisations.get('07G')!;
    expect(thurrock).toMatchObject({ name: 'NHS Thurrock CCG', type: 'ccg', region: 'Y61', parent: 'QH8', opened: '2013-04-01', closed: null });
    expect(thurrock.parents.map((p) => p.period)).toEqual(expect.arrayContaining(['April 2019', 'April 2020', '2016 footprint']));
  });

  it('records successors and predecessors', () => {
    const northSomerset = k.organisations.get('11T')!;
    expect(northSomerset.closed).toBe('2018-03-31');
    expect(northSomerset.successors.map((s) => [s.code, s.date])).toEqual([['15C', '2018-04-01']]);
    expect(
      k.organisations
        .get('15C')!
        .predecessors.map((p) => p.code)
        .sort(),
    ).toEqual(['11H', '11T', '12A']);
  });

  it('follows successor chains to the organisation that carries on now', () => {
    // A CCG that merged in one year whose successor merged again later ends at the last one.
    const twoStep = [...k.organisations.values()].find((o) => o.type === 'ccg' && o.successors.some((s) => k.organisations.get(s.code)?.successors.length));
    if (!twoStep) throw new Error('the register holds no CCG whose successor was succeeded in turn');
    const { chain, finals } = successorChain(k.organisations, twoStep.code);
    expect(chain.length).toBeGreaterThanOrEqual(2);
    expect(k.organisations.get(finals[0])!.successors).toHaveLength(0);
  });

  it('holds STPs, ICBs, regions and trusts', () => {
    expect(k.organisations.get('QH8')).toMatchObject({ type: 'icb', name: 'NHS Mid and South Essex Integrated Care Board' });
    expect(k.organisations.get('QH8')!.members.sort()).toEqual(['06Q', '07G', '99E', '99F', '99G']);
    expect(k.organisations.get('RAJ')).toMatchObject({ type: 'trust' });
    expect(k.organisations.get('Y61')).toMatchObject({ type: 'region' });
  });
});

describe('matching names forgivingly', () => {
  it.each([
    ['07G', '07G'],
    ['thurrock', '07G'],
    ['NHS Thurrock CCG', '07G'],
    ['Castle Point & Rochford', '99F'],
    ['castle point and rochford ccg', '99F'],
    ['east surrey', '09L'],
    ['Vale of York', '03Q'],
    ['NHS North Somerset CCG', '11T'],
    ['BNSSG', '15C'],
    ['RAJ', 'RAJ'],
    ['qh8', 'QH8'],
    ['thurock', '07G'],
    ['Vale of Yorkk', '03Q'],
    ['Castle Piont and Rochford', '99F'],
  ])('%s → %s', (query, code) => {
    expect(found(query)).toBe(code);
  });

  it('says nothing matches, with suggestions, for a name it does not hold', () => {
    const r = index.lookup('Wessex Downs');
    expect(r.kind).toBe('none');
    if (r.kind === 'none') expect(r.suggestions.length).toBeGreaterThan(0);
  });
});

describe('names pick the organisation people mean', () => {
  it('picks one body when a type word says which', () => {
    expect(found('Surrey Heartlands ICB')).toBe('QXU');
    expect(found('Surrey Heartlands CCG')).toBe('92A');
  });

  it('ranks a short name’s ICBs and CCGs before trusts and Healthwatch', () => {
    const r = index.lookup('essex');
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    const types = r.candidates.map((o) => o.type);
    expect(types[0]).toBe('icb');
    expect(types.indexOf('ccg')).toBeLessThan(types.indexOf('trust'));
    const healthwatch = r.candidates.findIndex((o) => o.code === 'healthwatch-essex');
    expect(healthwatch === -1 || healthwatch > types.lastIndexOf('ccg')).toBe(true);
    expect(r.candidates[0].code).toBe('QH8');
  });

  it('finds a body by its ONS code', () => {
    expect(found('E54000008')).toBe('QYG');
    expect(found('E38000185')).toBe('07G');
  });
});
