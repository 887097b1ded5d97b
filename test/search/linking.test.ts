/** Linking passages to the register, people with roles, dates and intervention cues. */
import { beforeAll, describe, expect, it } from 'vitest';
import { NameMatcher, linkPassages, linksOf, type Links } from '../../src/search/linking.ts';
import { splitPassages } from '../../src/knowledge/documents.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { bundledEngine } from '../helpers/knowledge.ts';

let k: Knowledge;
let matcher: NameMatcher;
beforeAll(async () => {
  k = (await bundledEngine()).knowledge;
  matcher = new NameMatcher(k.organisations);
});

const names = (text: string) => matcher.find(text).map((c) => k.organisations.get(c)?.name);
const all = (links: Links) => Array.from({ length: links.count }, (_, i) => linksOf(links, i));
const link = (text: string) => all(linkPassages(splitPassages('t', text), matcher))[0];

describe('organisations in passages', () => {
  it('finds full names, short names and ODS codes', () => {
    expect(names('NHS Thurrock CCG and Southend University Hospital NHS Foundation Trust met on Tuesday.')).toEqual([
      'NHS Thurrock CCG',
      'Southend University Hospital NHS Foundation Trust',
    ]);
    expect(names('The merged body took code 91Q; West Kent was one of its predecessors.')).toEqual(['NHS Kent and Medway CCG', 'NHS West Kent CCG']);
  });

  it('splits a list of names before a plural into its members', () => {
    expect(names('Legal directions have been imposed on Castle Point and Rochford, Southend and Thurrock CCGs.')).toEqual([
      'NHS Castle Point and Rochford CCG',
      'NHS Southend CCG',
      'NHS Thurrock CCG',
    ]);
    expect(names('a single CCG for Bedfordshire, Luton and Milton Keynes CCGs')).toEqual(['NHS Bedfordshire CCG', 'NHS Luton CCG', 'NHS Milton Keynes CCG']);
  });

  it('leaves a name alone inside a longer one the register does not hold', () => {
    expect(names('Healthwatch Luton and Cheshire East Council supported it.')).toEqual([]);
    expect(names('the number of CCGs in England fell; NHS England approved it')).toEqual(['NHS England']);
  });
});

describe('people, dates and cues', () => {
  it('reads a person named with a role, and the organisation of the role', () => {
    const l = link('Caroline Ashdown, Accountable Officer of NHS Kent and Medway CCG, said the merger would help.');
    expect(l.people).toEqual([{ name: 'Caroline Ashdown', role: 'Accountable Officer', organisation: '91Q' }]);
    expect(l.cues).toContain('merger');
  });

  it('reads a table of people by its Name and Role columns', () => {
    const l = all(
      linkPassages(splitPassages('t', 'Name\tRole\tSince\nDr Anil Mehta\tChair\tJuly 2022\nHelen Whitfield\tChief Executive\tJuly 2022\n'), matcher),
    );
    expect(l.flatMap((x) => x.people)).toEqual([
      { name: 'Dr Anil Mehta', role: 'Chair' },
      { name: 'Helen Whitfield', role: 'Chief Executive' },
    ]);
  });

  it('reads dates with their precision and intervention cues', () => {
    const l = link(
      'Swale CCG had been placed in financial special measures in 2018 and was directed to agree a plan by 1 April 2020 for 2020-21, subject to conditions.',
    );
    expect(l.dates.map((d) => [d.text, d.precision, d.start])).toEqual([
      ['2018', 'year', '2018-01-01'],
      ['1 April 2020', 'day', '2020-04-01'],
      ['2020-21', 'financial-year', '2020-04-01'],
    ]);
    expect(l.cues).toEqual(['financial-special-measures', 'special-measures', 'directed-to', 'conditions']);
  });

  it('links every passage of the knowledge, and finds passages by organisation', async () => {
    const { indexes } = await bundledEngine();
    expect(indexes.links.count).toBe(k.passages.length);
    const thurrock = (indexes.links.byOrganisation.get('07G') ?? []).map((i) => k.passages.at(i)!.text);
    expect(thurrock.some((t) => t.includes('Legal directions'))).toBe(true);
  });
});
