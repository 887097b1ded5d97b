import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.ts';
import { bundledEngine } from '../helpers/knowledge.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await bundledEngine();
});

describe('organisation cards', () => {
  it.each([
    ['07G', '07G', 'ccg'],
    ['thurrock', '07G', 'ccg'],
    ['NHS North Somerset CCG', '11T', 'ccg'],
    ['east surrey', '09L', 'ccg'],
    ['Castle Point & Rochford', '99F', 'ccg'],
    ['RAJ', 'RAJ', 'trust'],
    ['QH8', 'QH8', 'icb'],
    ['Vale of York', '03Q', 'ccg'],
  ])('%s → %s', (query, code, type) => {
    const card = engine.org(query);
    expect(card.found).toBe(true);
    expect(card.organisation).toMatchObject({ code, type });
    expect(card.status.length).toBeGreaterThan(20);
    expect(card.citations.length).toBeGreaterThan(0);
  });

  it('offers the candidates of an ambiguous name with code, type and the dates each was open', () => {
    const card = engine.org('essex');
    expect(card.found).toBe(false);
    expect(card.candidates![0]).toMatchObject({ code: 'QH8', type: 'icb', dates: 'since 1 July 2022' });
    expect(card.candidates!.find((c) => c.code === '06Q')).toMatchObject({ type: 'ccg', dates: '1 April 2013 to 30 June 2022' });
  });

  it('gives North Somerset’s closure, successor and financial special measures', () => {
    const card = engine.org('NHS North Somerset CCG');
    expect(card.organisation).toMatchObject({ closed: '2018-03-31', successors: [{ code: '15C', date: '2018-04-01' }] });
    expect(card.interventions.find((i) => i.type === 'financial-special-measures')).toMatchObject({ date: '21 July 2016' });
  });

  it('keeps both the plan and the outcome for mid and south Essex', () => {
    const card = engine.org('Thurrock');
    const merger = card.interventions.find((i) => i.type === 'planned-merger')!;
    expect(merger.status).toBe('planned');
    expect(merger.outcome).toMatch(/^In the end this did not happen: /);
    expect(card.organisation!.parent).toMatchObject({ code: 'QH8' });
  });

  it('lists an ICB’s member CCGs and an east Surrey successor chain', () => {
    expect(
      engine
        .org('QH8')
        .organisation!.members.map((m) => m.code)
        .sort(),
    ).toEqual(['06Q', '07G', '99E', '99F', '99G']);
    expect(engine.org('east surrey').organisation!.finalSuccessors.length).toBeGreaterThan(0);
  });

  it('says found: false with the closest names when nothing matches', () => {
    const card = engine.org('Wessex Downs');
    expect(card.found).toBe(false);
    expect(card.suggestions!.length).toBeGreaterThan(0);
    expect(card.status).toContain('No organisation matches');
  });
});
