/**
 * Reading the groups a question is about: the kinds of body asked for ("CCGs", "trusts", "ICBs",
 * "STPs", "regions") and the area they are narrowed to: an STP or ICB, a region, London, or a county
 * or city name as the register's own CCG and ICB names spell it ("Surrey", "Leeds").
 */
import type { Organisation } from '../knowledge/register.ts';
import { SUB_ICB_NAME, type AreaFilter, type SetKind } from '../knowledge/registerQueries.ts';
import type { OrganisationIndex, OrgMention } from './organisations.ts';
import { STOP_WORDS, words as toWords } from './text.ts';

export interface AreaMention {
  filter: AreaFilter;
  /** As a person reads it: "NHS England London (Y56)", "Surrey". */
  label: string;
  /** The STP, ICB or region, when the area is one. */
  org?: Organisation;
  from: number;
  to: number;
}

/** Words naming a kind of body, singular and plural; phrases are matched on consecutive words. */
const TYPE_WORDS: [string[], SetKind][] = [
  // Sub-ICB locations are the CCGs' codes living on under the ICBs: a set of them is a set of CCGs.
  [['sub', 'icb', 'location'], 'ccg'],
  [['sub', 'icb', 'locations'], 'ccg'],
  [['ccg'], 'ccg'],
  [['ccgs'], 'ccg'],
  [['clinical', 'commissioning', 'group'], 'ccg'],
  [['clinical', 'commissioning', 'groups'], 'ccg'],
  [['trust'], 'trust'],
  [['trusts'], 'trust'],
  [['icb'], 'icb'],
  [['icbs'], 'icb'],
  [['integrated', 'care', 'board'], 'icb'],
  [['integrated', 'care', 'boards'], 'icb'],
  [['stp'], 'stp'],
  [['stps'], 'stp'],
  [['footprint'], 'stp'],
  [['footprints'], 'stp'],
  [['sustainability', 'and', 'transformation', 'partnership'], 'stp'],
  [['sustainability', 'and', 'transformation', 'partnerships'], 'stp'],
  [['region'], 'region'],
  [['regions'], 'region'],
];
const SINGULAR_TYPES: Record<string, string[]> = { ccg: ['ccg'], trust: ['trust'], icb: ['icb'], stp: ['stp', 'stp-footprint', 'icb'], region: ['region'] };
const AREA_TYPES = new Set(['region', 'stp', 'icb', 'stp-footprint']);

/** Region names people use without the "NHS England" ("in London", "the midlands"). */
const REGION_WORDS: [string[], string][] = [
  [['north', 'east', 'and', 'yorkshire'], 'Y63'],
  [['east', 'of', 'england'], 'Y61'],
  [['north', 'west'], 'Y62'],
  [['south', 'east'], 'Y59'],
  [['south', 'west'], 'Y58'],
  [['midlands'], 'Y60'],
  [['london'], 'Y56'],
];

/** Words of CCG and ICB names that are not places ("North", "City", "Health"). */
const NOT_PLACES = new Set([
  'nhs',
  'ccg',
  'icb',
  'stp',
  'integrated',
  'care',
  'board',
  'clinical',
  'commissioning',
  'group',
  'partnership',
  'health',
  'and',
  'of',
  'the',
  'on',
  'upon',
  'in',
  'with',
  'under',
  'by',
  'north',
  'south',
  'east',
  'west',
  'mid',
  'central',
  'inner',
  'outer',
  'greater',
  'city',
  'district',
  'borough',
  'county',
  'coast',
  'coastal',
  'rural',
  'vale',
  'valley',
  'valleys',
  'high',
  'great',
  'new',
  'royal',
  'heartlands',
  'downs',
  'forest',
  'heath',
  'sub',
  'location',
  'westminster',
  'shire',
  'cross',
  // An ICB's record also carries its STP's and footprint's names.
  'footprint',
  'sustainability',
  'transformation',
  'plan',
  'system',
  'systems',
  'healthier',
  'together',
  'alliance',
  'programme',
  'better',
  'lives',
  'your',
]);

const placeCache = new WeakMap<OrganisationIndex, Set<string>>();

/** The place words of the register: every word of a CCG's or ICB's name that is not a generic or compass word. */
function placeWords(index: OrganisationIndex): Set<string> {
  let places = placeCache.get(index);
  if (places) return places;
  places = new Set<string>();
  for (const o of index.all()) {
    if (!o.inRegister || !['ccg', 'icb'].includes(o.type)) continue;
    for (const name of o.names) {
      if (SUB_ICB_NAME.test(name)) continue;
      for (const w of toWords(name)) if (w.length >= 4 && !NOT_PLACES.has(w) && !STOP_WORDS.has(w) && !/\d/.test(w)) places.add(w);
    }
  }
  placeCache.set(index, places);
  return places;
}

const matchAt = (words: string[], i: number, phrase: string[]) => phrase.every((p, j) => words[i + j] === p);

/**
 * The kinds of body the question asks for. A singular type word inside a mention of that kind of body
 * ("Thurrock CCG") names the body, not a set; a plural always asks for a set ("London CCGs").
 */
export function readOrgTypes(words: string[], orgs: OrgMention[]): SetKind[] {
  const kinds: SetKind[] = [];
  for (let i = 0; i < words.length; i++) {
    const found = TYPE_WORDS.find(([phrase]) => matchAt(words, i, phrase));
    if (!found) continue;
    const [phrase, kind] = found;
    // The lexicon reads "sub-ICB locations" whole but may leave it singular; it names a set either way.
    const plural = phrase.at(-1)!.endsWith('s') || phrase[0] === 'sub';
    const inOwnMention = orgs.some((m) => m.from <= i && i < m.to && SINGULAR_TYPES[kind].includes(m.org.type));
    if ((plural || !inOwnMention) && !kinds.includes(kind)) kinds.push(kind);
    i += phrase.length - 1;
  }
  return kinds;
}

/** The areas a question names: STPs/ICBs and regions it mentions, region names, and register place names. */
export function readAreas(words: string[], orgs: OrgMention[], index: OrganisationIndex): AreaMention[] {
  const areas: AreaMention[] = [];
  const taken = new Array(words.length).fill(false);
  const places = placeWords(index);
  for (const m of orgs) {
    const area = [m.org, ...m.alternatives].find((o) => AREA_TYPES.has(o.type) && o.inRegister);
    const nameWords = words.slice(m.from, m.to).filter((w) => places.has(w));
    if (area) areas.push({ filter: { code: area.code }, label: `${area.name} (${area.code})`, org: area, from: m.from, to: m.to });
    // "Leeds CCGs": a CCG's name used for the place it is named after.
    else if (nameWords.length && m.org.inRegister)
      areas.push({ filter: { place: nameWords.join(' ') }, label: capitalised(nameWords), from: m.from, to: m.to });
    else continue;
    for (let i = m.from; i < m.to; i++) taken[i] = true;
  }
  for (let i = 0; i < words.length; i++) {
    if (taken[i]) continue;
    const region = REGION_WORDS.find(([phrase]) => matchAt(words, i, phrase) && phrase.every((_, j) => !taken[i + j]));
    if (region) {
      const org = index.all().find((o) => o.code === region[1]);
      const [phrase] = region;
      if (org) areas.push({ filter: { code: org.code }, label: `${org.name} (${org.code})`, org, from: i, to: i + phrase.length });
      for (let j = 0; j < phrase.length; j++) taken[i + j] = true;
      i += phrase.length - 1;
      continue;
    }
    if (!places.has(words[i])) continue;
    let to = i + 1;
    while (to < words.length && !taken[to] && places.has(words[to])) to++;
    areas.push({ filter: { place: words.slice(i, to).join(' ') }, label: capitalised(words.slice(i, to)), from: i, to });
    for (let j = i; j < to; j++) taken[j] = true;
    i = to - 1;
  }
  return areas.sort((a, b) => a.from - b.from);
}

const capitalised = (ws: string[]) => ws.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
