import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.ts';
import { parseQuestion } from '../../src/search/question.ts';
import { bundledEngine } from '../helpers/knowledge.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await bundledEngine();
});
const read = (q: string) => parseQuestion(q, engine.indexes, new Set());

describe('reading the kinds of body and areas a question asks about', () => {
  it('reads a plural type word as a set, and a type word in a name as part of the name', () => {
    expect(read('which London CCGs merged?').orgTypes).toEqual(['ccg']);
    expect(read('tell me about Thurrock CCG').orgTypes).toEqual([]);
    expect(read('how many clinical commissioning groups were there?').orgTypes).toEqual(['ccg']);
    expect(read('how many trusts and ICBs are there?').orgTypes).toEqual(['trust', 'icb']);
  });

  it('reads regions, lower case included, and STPs/ICBs as areas by code', () => {
    expect(read('which ccgs are in london').areas.map((a) => a.filter)).toEqual([{ code: 'Y56' }]);
    expect(read('CCGs in the North West').areas.map((a) => a.filter)).toEqual([{ code: 'Y62' }]);
    expect(read('CCGs in the Mid and South Essex STP').areas.map((a) => a.filter)).toEqual([{ code: 'QH8' }]);
  });

  it('reads county and city names from the register’s own names, not ordinary words', () => {
    expect(read('the Surrey CCGs').areas.map((a) => a.filter)).toEqual([{ place: 'surrey' }]);
    expect(read('trusts in Leeds').areas.map((a) => a.filter)).toEqual([{ place: 'leeds' }]);
    expect(read('how many CCGs had a footprint plan in the health system?').areas).toEqual([]);
  });
});
