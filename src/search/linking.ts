/**
 * Entity linking for passages, done once per Knowledge at load: which organisations of the register each
 * passage names (full names, short names, ODS codes, and lists such as "Castle Point and Rochford, Southend
 * and Thurrock CCGs"), which people it names with a role ("X, Chief Executive of Y"), which dates, and which
 * intervention cues (legal directions, financial special measures, mergers…). These are machine-read
 * mentions: surfaces show them as what a source says, never as curated facts.
 * Everything here is plain data (typed arrays, strings, Maps), so it can be cached with the other indexes; the
 * links are held column-wise (a hundred thousand passages' links in a few MB, read back from the cache in
 * milliseconds) and made into PassageLinks when asked for.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { cellsOf, type Passage } from '../knowledge/documents.ts';
import type { Precision } from '../knowledge/dates.ts';
import type { Organisation, OrganisationType } from '../knowledge/register.ts';
import { nameKey, TYPE_ORDER } from './organisations.ts';
import { NAME_WORD } from './personInLine.ts';

export interface PersonMention {
  name: string;
  /** The role as written: "Accountable Officer", "Chief Executive". */
  role: string;
  /** The organisation the role is at, when the passage names it. */
  organisation?: string;
}

export interface DateMentionInText {
  /** As written: "1 April 2020", "2018-19". */
  text: string;
  /** First day it can mean (ISO). */
  start: string;
  precision: Precision;
}

export interface PassageLinks {
  /** Codes of the organisations named, in order of first mention. */
  organisations: string[];
  people: PersonMention[];
  dates: DateMentionInText[];
  /** Intervention cues: "legal-directions", "financial-special-measures", "special-measures", "merger", "directed-to", "conditions". */
  cues: string[];
}

/** The links of every passage of the knowledge, in the same order, column-wise: read them with `linksOf`. */
export interface Links {
  /** How many passages are linked (every passage of the knowledge). */
  count: number;
  /** The organisations passage p names are codes[orgIds[j]] for j from orgStart[p] up to orgStart[p + 1]. */
  codes: string[];
  orgStart: Uint32Array;
  orgIds: Uint32Array;
  /** Its dates likewise, from dateStart[p]: each date's text and first day (ids into `strings`) and precision (into `precisions`). */
  dateStart: Uint32Array;
  dateText: Uint32Array;
  dateFirst: Uint32Array;
  datePrecision: Uint8Array;
  strings: string[];
  precisions: Precision[];
  /** People named with a role, and intervention cues, by passage position (few passages have any). */
  people: Map<number, PersonMention[]>;
  cues: Map<number, string[]>;
  /** Positions of the passages naming each organisation. */
  byOrganisation: Map<string, number[]>;
  /** The organisations each document's title and publisher name (see `organisationsOfDocument`). */
  documents: Map<string, string[]>;
}

const NONE: PassageLinks = Object.freeze({ organisations: [], people: [], dates: [], cues: [] }) as PassageLinks;

const cache = new WeakMap<Knowledge, Links>();

/** The links of every passage of a Knowledge (computed once per snapshot). */
export function passageLinks(k: Knowledge): Links {
  let links = cache.get(k);
  if (!links) cache.set(k, (links = linkPassages(k.passages, nameMatcher(k), k.documents.values())));
  return links;
}

/** Links read back from a cache (linkCache.ts) for a Knowledge, so they are not computed again. */
export function primeLinks(k: Knowledge, links: Links): void {
  cache.set(k, links);
}

const matchers = new WeakMap<Knowledge, NameMatcher>();

/** The register's name matcher for a Knowledge (built once per snapshot). */
export function nameMatcher(k: Knowledge): NameMatcher {
  let m = matchers.get(k);
  if (!m) matchers.set(k, (m = new NameMatcher(k.organisations)));
  return m;
}

const documentOrgs = new WeakMap<Knowledge, Map<string, string[]>>();

/** The organisations a document's title and publisher name: what the whole document is about or by (read with the links). */
export function organisationsOfDocument(k: Knowledge, id: string): string[] {
  const linked = cache.get(k)?.documents.get(id);
  if (linked) return linked;
  let map = documentOrgs.get(k);
  if (!map) documentOrgs.set(k, (map = new Map()));
  let codes = map.get(id);
  if (!codes) {
    const d = k.documents.get(id);
    // As linkPassages reads it, for links made without the documents.
    map.set(id, (codes = d ? nameMatcher(k).find(`${d.title}. ${d.publisher}`) : []));
  }
  return codes;
}

const documentsByOrg = new WeakMap<Knowledge, Map<string, string[]>>();

/** The documents whose title or publisher names the organisation (as `organisationsOfDocument` reads them), in document order. */
export function documentsNaming(k: Knowledge, code: string): readonly string[] {
  let map = documentsByOrg.get(k);
  if (!map) {
    map = new Map();
    for (const id of k.documents.keys()) {
      for (const c of new Set(organisationsOfDocument(k, id))) {
        const list = map.get(c);
        if (list) list.push(id);
        else map.set(c, [id]);
      }
    }
    documentsByOrg.set(k, map);
  }
  return map.get(code) ?? [];
}

/** Links each passage, and the documents' titles and publishers; the matcher is built once for the register. */
export function linkPassages(
  passages: Iterable<Passage>,
  matcher: NameMatcher,
  documents: Iterable<{ id: string; title: string; publisher: string }> = [],
): Links {
  const byOrganisation = new Map<string, number[]>();
  const codeIds = new Map<string, number>();
  const stringIds = new Map<string, number>();
  const precisionIds = new Map<Precision, number>();
  const codes: string[] = [];
  const orgStart = [0];
  const orgIds: number[] = [];
  const dateStart = [0];
  const dateText: number[] = [];
  const dateFirst: number[] = [];
  const datePrecision: number[] = [];
  const strings: string[] = [];
  const precisions: Precision[] = [];
  const people = new Map<number, PersonMention[]>();
  const cues = new Map<number, string[]>();
  const idOf = <T>(ids: Map<T, number>, table: T[], value: T) => {
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = table.push(value) - 1));
    return id;
  };
  let i = 0;
  for (const p of passages) {
    const l = linkText(p, matcher);
    for (const code of l.organisations) {
      orgIds.push(idOf(codeIds, codes, code));
      const list = byOrganisation.get(code);
      if (list) list.push(i);
      else byOrganisation.set(code, [i]);
    }
    for (const d of l.dates) {
      dateText.push(idOf(stringIds, strings, d.text));
      dateFirst.push(idOf(stringIds, strings, d.start));
      datePrecision.push(idOf(precisionIds, precisions, d.precision));
    }
    if (l.people.length) people.set(i, l.people);
    if (l.cues.length) cues.set(i, l.cues);
    orgStart.push(orgIds.length);
    dateStart.push(dateText.length);
    i++;
  }
  return {
    count: i,
    codes,
    orgStart: Uint32Array.from(orgStart),
    orgIds: Uint32Array.from(orgIds),
    dateStart: Uint32Array.from(dateStart),
    dateText: Uint32Array.from(dateText),
    dateFirst: Uint32Array.from(dateFirst),
    datePrecision: Uint8Array.from(datePrecision),
    strings,
    precisions,
    people,
    cues,
    byOrganisation,
    documents: new Map([...documents].map((d) => [d.id, matcher.find(`${d.title}. ${d.publisher}`)])),
  };
}

function linkText(p: Passage, matcher: NameMatcher): PassageLinks {
  const text = p.columns ? p.text.replace(/\t/g, ' · ') : p.text;
  const organisations = matcher.find(text);
  const people = peopleIn(p, text, matcher);
  const dates = datesIn(text);
  const cues = CUES.filter(([, re]) => re.test(text)).map(([id]) => id);
  if (!organisations.length && !people.length && !dates.length && !cues.length) return NONE;
  return { organisations, people, dates, cues };
}

// ——— Organisations ———

/** Words that say what kind of body a name is; after a name they hint at which of several bodies it means. */
const KIND_WORDS: Record<string, OrganisationType[]> = {
  ccg: ['ccg'],
  ccgs: ['ccg'],
  trust: ['trust'],
  trusts: ['trust'],
  hospital: ['trust'],
  hospitals: ['trust'],
  foundation: ['trust'],
  icb: ['icb'],
  icbs: ['icb'],
  stp: ['stp', 'stp-footprint'],
  ics: ['icb', 'stp'],
  integrated: ['icb'],
};

interface Token {
  /** Lower case, "&" as "and", possessive 's dropped; "," for a comma. */
  word: string;
  /** Starts with a capital or a digit in the text. */
  capital: boolean;
  raw: string;
}

/** Words that may stand before a name without being part of a longer one ("The Kent and Medway merger"). */
const BEFORE_NAME = new Set([
  'the',
  'in',
  'on',
  'at',
  'for',
  'from',
  'by',
  'with',
  'of',
  'and',
  'to',
  'both',
  'all',
  'each',
  'nhs',
  'former',
  'new',
  'as',
  'but',
  'while',
  'when',
  'if',
  'since',
  'across',
  'within',
  'into',
  'under',
  'between',
  'its',
  'their',
  'a',
  'an',
]);
/** Words that may follow a name as part of its formal title ("Mid Essex Clinical Commissioning Group"). */
const TITLE_WORDS = new Set([
  'nhs',
  'clinical',
  'commissioning',
  'group',
  'groups',
  'integrated',
  'care',
  'board',
  'system',
  'partnership',
  'foundation',
  'trust',
  'trusts',
  'university',
  'hospital',
  'hospitals',
  'icb',
  'icbs',
  'ccg',
  'ccgs',
  'stp',
  'ics',
  'sub',
  'health',
]);
/** Names of wide areas that name a body only after "NHS" ("NHS England", not "in England"). */
const BARE_AREAS = new Set([
  'england',
  'london',
  'midlands',
  'north',
  'south',
  'east',
  'west',
  'north west',
  'north east',
  'south west',
  'south east',
  'east of england',
]);

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isStop = (c: number) => c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 41;

/**
 * The words of a text, scanned by hand: a regex match and an object for every word made garbage collection
 * most of linking's cost at 100k passages. A word is letters and digits, with an apostrophe suffix ("Kent's").
 */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isAlnum(c)) {
      let j = i + 1;
      while (j < n && isAlnum(text.charCodeAt(j))) j++;
      let end = j;
      // "Kent's", "Kent’s": the possessive is dropped; any other suffix stays with the word.
      if (j + 1 < n && isApostrophe(text.charCodeAt(j)) && isAlnum(text.charCodeAt(j + 1))) {
        let k = j + 1;
        while (k < n && isAlnum(text.charCodeAt(k))) k++;
        const suffix = text.slice(j + 1, k);
        end = suffix === 's' ? j : k;
        j = k;
      }
      const raw = text.slice(i, end);
      out.push({ word: raw.toLowerCase(), capital: c <= 90, raw });
      i = j;
    } else {
      if (c === 38) out.push({ word: 'and', capital: false, raw: '&' });
      else if (c === 44) out.push({ word: ',', capital: false, raw: ',' });
      else if (isStop(c)) out.push({ word: '.', capital: false, raw: '.' });
      i++;
    }
  }
  return out;
}

/** Finds register names in text: longest name first at each word, a list before a plural ("… CCGs") split into its members. */
export class NameMatcher {
  /** Names by their first word, each as its words, longest first. */
  private readonly byFirst = new Map<string, { words: string[]; orgs: Organisation[] }[]>();
  private readonly codes = new Map<string, Organisation>();

  constructor(organisations: Map<string, Organisation>) {
    const byKey = new Map<string, Organisation[]>();
    for (const org of organisations.values()) {
      if (org.inRegister && /\d/.test(org.code)) this.codes.set(org.code, org);
      for (const name of new Set([org.name, ...org.names])) {
        if (/ - [A-Z0-9]{3,5}$/.test(name)) continue; // "NHS Mid and South Essex ICB - 07G" names the ICB, not the CCG
        const key = nameKey(name);
        if (!key || key.length < 3) continue;
        const list = byKey.get(key) ?? [];
        if (!list.includes(org)) list.push(org);
        byKey.set(key, list);
      }
    }
    for (const [key, orgs] of byKey) {
      const words = key.split(' ');
      const list = this.byFirst.get(words[0]) ?? [];
      list.push({ words, orgs });
      this.byFirst.set(words[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Codes of the organisations a text names, in order of first mention. */
  find(text: string): string[] {
    const ts = tokens(text);
    const found: string[] = [];
    const add = (o: Organisation) => found.includes(o.code) || found.push(o.code);
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      if (!t.capital) continue;
      const coded = /\d/.test(t.raw) && t.raw === t.raw.toUpperCase() ? this.codes.get(t.raw) : undefined;
      if (coded) {
        add(coded);
        continue;
      }
      const m = this.matchAt(ts, i);
      if (!m) continue;
      const hint = kindAfter(ts, m.end);
      // "Bedfordshire, Luton and Milton Keynes CCGs": a plural after a name that is also a list means the list's members.
      const members = hint?.plural ? this.splitList(ts, i, m.end) : null;
      for (const [orgs] of members ?? [[m.orgs]]) add(pick(orgs, hint?.types));
      i = m.end - 1;
    }
    return found;
  }

  /** The longest name starting at token i (commas inside a name are skipped), with at least one capitalised word. */
  private matchAt(ts: Token[], i: number): { end: number; orgs: Organisation[] } | null {
    const candidates = this.byFirst.get(ts[i].word);
    if (!candidates || !ts[i].capital) return null;
    for (const c of candidates) {
      let j = i;
      let ok = true;
      for (const w of c.words) {
        while (j < ts.length && ts[j].word === ',' && j > i) j++;
        if (j >= ts.length || ts[j].word !== w) {
          ok = false;
          break;
        }
        j++;
      }
      if (!ok) continue;
      // Part of a longer name the register does not hold: "Healthwatch Luton", "Cheshire East Council", "Frimley Park".
      const before = ts[i - 1];
      const after = ts[j];
      if (before?.capital && !BEFORE_NAME.has(before.word) && before.word !== '.') return null;
      if (after?.capital && !TITLE_WORDS.has(after.word) && !/\d/.test(after.raw)) return null;
      if (BARE_AREAS.has(c.words.join(' ')) && before?.word !== 'nhs') return null;
      return { end: j, orgs: c.orgs };
    }
    return null;
  }

  /** Splits tokens [from, to) into two or more names joined by commas and "and", or null. */
  private splitList(ts: Token[], from: number, to: number): [Organisation[]][] | null {
    const parse = (i: number): [Organisation[]][] | null => {
      for (const c of this.byFirst.get(ts[i]?.word) ?? []) {
        const end = i + c.words.length;
        if (end > to || !c.words.every((w, n) => ts[i + n].word === w)) continue;
        if (end === to) return [[c.orgs]];
        if (ts[end].word === ',' || ts[end].word === 'and') {
          const rest = parse(ts[end + 1]?.word === 'and' ? end + 2 : end + 1);
          if (rest) return [[c.orgs], ...rest];
        }
      }
      return null;
    };
    const parts = parse(from);
    return parts && parts.length > 1 ? parts : null;
  }
}

/** The kind word just after a name ("… CCG", "… CCGs", "… NHS Foundation Trust"), skipping "NHS". */
function kindAfter(ts: Token[], end: number): { types: OrganisationType[]; plural: boolean } | null {
  for (let j = end; j < Math.min(ts.length, end + 3); j++) {
    const w = ts[j].word;
    if (w === 'nhs') continue;
    const types = KIND_WORDS[w];
    return types ? { types, plural: w.endsWith('s') && w !== 'ics' } : null;
  }
  return null;
}

function pick(orgs: Organisation[], prefer: OrganisationType[] = []): Organisation {
  if (orgs.length === 1) return orgs[0];
  const score = (o: Organisation) => (prefer.includes(o.type) ? -100 : 0) + TYPE_ORDER.indexOf(o.type) + (o.inRegister ? 0 : 0.5);
  return [...orgs].sort((a, b) => score(a) - score(b))[0];
}

// ——— People with a role ———

const ROLE = String.raw`(?:(?:[Cc]linical |[Dd]eputy |[Ii]nterim |[Aa]cting |[Jj]oint |[Pp]lace |[Mm]edical |[Nn]ursing |[Ff]inance |[Ee]xecutive |[Mm]anaging |[Nn]on-executive |[Rr]egional )*(?:[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|[Aa]ccountable [Oo]fficer|[Cc]hief(?: [A-Za-z]+)? [Oo]fficer|[Cc]hair(?:man|woman)?|[Dd]irector(?: of [A-Z][A-Za-z]*(?: (?:and |& )?[A-Z][A-Za-z]*)*)?|[Cc]linical [Ll]ead|[Ll]ead|[Mm]anager|[Cc]hief [Oo]perating [Oo]fficer|[Ss]ecretary))`;
const NAME = String.raw`(?:(?:Dr|Professor|Prof|Sir|Dame|Mr|Mrs|Ms|Cllr) )?${NAME_WORD}(?: ${NAME_WORD}){1,2}`;
/** What people are read by, in the fingerprint of the links kept on disk (linkCache.ts): the code reading them is not all in one function. */
export const PEOPLE_PATTERNS = [ROLE, NAME];
/** "Caroline Ashdown, Accountable Officer of NHS Kent and Medway CCG," and "Lucy Brennan, the chief finance officer at …". */
const NAME_COMMA_ROLE = new RegExp(String.raw`(${NAME}), (?:the |its |their )?(${ROLE})(?: (?:of|at|for) ((?:the |NHS )?[A-Z][^,.;:()]*))?`, 'g');
/** "Chief Executive Helen Whitfield". */
const ROLE_NAME = new RegExp(String.raw`\b((?:[Cc]hief [Ee]xecutive|[Aa]ccountable [Oo]fficer|[Cc]hair|[Cc]linical [Cc]hair)) (${NAME})\b`, 'g');

function peopleIn(p: Passage, text: string, matcher: NameMatcher): PersonMention[] {
  const out: PersonMention[] = [];
  const add = (name: string, role: string, org?: string) => {
    if (!out.some((x) => x.name === name && x.role === role)) out.push({ name, role, ...(org ? { organisation: org } : {}) });
  };
  if (p.columns) {
    // A table of people: a Name column and a Role column.
    const cells = cellsOf(p.text);
    const n = p.columns.findIndex((c) => /^(name|member)$/i.test(c));
    const r = p.columns.findIndex((c) => /^(role|title|position)$/i.test(c));
    if (n >= 0 && r >= 0 && cells[n] && cells[r]) add(cells[n], cells[r]);
    return out;
  }
  if (!/[A-Z][a-z]+ [A-Z]/.test(text)) return out;
  for (const m of text.matchAll(NAME_COMMA_ROLE)) add(m[1], m[2], m[3] ? matcher.find(m[3])[0] : undefined);
  for (const m of text.matchAll(ROLE_NAME)) add(m[2], m[1]);
  return out;
}

// ——— Dates ———

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const DATE = new RegExp(String.raw`\b(?:(\d{1,2}) )?(${MONTH}) ((?:19|20)\d\d)\b|\b((?:19|20)\d\d)[-/](\d\d)\b|\b((?:19|20)\d\d)\b`, 'g');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number | string) => String(n).padStart(2, '0');

/** Dates written in a text: "1 April 2020", "April 2020", "2018-19", "2016". */
export function datesIn(text: string): DateMentionInText[] {
  if (!/(19|20)\d\d/.test(text)) return [];
  const out: DateMentionInText[] = [];
  DATE.lastIndex = 0;
  // Computed by hand rather than with parseDateInput: date-fns formatting was a third of linking's cost.
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    if (m[3]) {
      const month = pad(MONTHS.indexOf(m[2]) + 1);
      const day = m[1] ? Number(m[1]) : 0;
      if (day > 31) continue;
      out.push(
        day ? { text: m[0], start: `${m[3]}-${month}-${pad(day)}`, precision: 'day' } : { text: m[0], start: `${m[3]}-${month}-01`, precision: 'month' },
      );
    } else if (m[4]) {
      if ((Number(m[4]) + 1) % 100 === Number(m[5])) out.push({ text: m[0], start: `${m[4]}-04-01`, precision: 'financial-year' });
    } else out.push({ text: m[0], start: `${m[6]}-01-01`, precision: 'year' });
  }
  return out;
}

// ——— Intervention cues ———

const CUES: [string, RegExp][] = [
  ['legal-directions', /\blegal directions?\b|\bdirections (?:were |have been )?(?:imposed|issued|under)\b/i],
  ['financial-special-measures', /\bfinancial special measures\b/i],
  ['special-measures', /\bspecial measures\b/i],
  ['merger', /\bmerg(?:e|ed|er|ers|es|ing)\b/i],
  ['directed-to', /\bdirected to\b/i],
  ['conditions', /\b(?:subject to|with|set|under|expect(?:s|ed)?) (?:\w+ )?conditions\b|\bconditions (?:set|imposed|attached|of authorisation)\b/i],
];

/** Whether `position` is a passage the links cover. */
const covers = (links: Links, position: number) => Number.isInteger(position) && position >= 0 && position < links.count;

/** The codes of the organisations one passage names, in order of first mention. */
export function organisationsAt(links: Links, position: number): string[] {
  if (!covers(links, position)) return [];
  const out: string[] = [];
  for (let j = links.orgStart[position]; j < links.orgStart[position + 1]; j++) out.push(links.codes[links.orgIds[j]]);
  return out;
}

/** The dates one passage gives. */
export function datesAt(links: Links, position: number): DateMentionInText[] {
  if (!covers(links, position)) return [];
  const out: DateMentionInText[] = [];
  for (let j = links.dateStart[position]; j < links.dateStart[position + 1]; j++)
    out.push({ text: links.strings[links.dateText[j]], start: links.strings[links.dateFirst[j]], precision: links.precisions[links.datePrecision[j]] });
  return out;
}

/** The people one passage names with a role. */
export function peopleAt(links: Links, position: number): PersonMention[] {
  return covers(links, position) ? [...(links.people.get(position) ?? [])] : [];
}

/** The links of one passage (or none). */
export function linksOf(links: Links, position: number): PassageLinks {
  if (!covers(links, position)) return NONE;
  const organisations = organisationsAt(links, position);
  const people = peopleAt(links, position);
  const dates = datesAt(links, position);
  const cues = [...(links.cues.get(position) ?? [])];
  if (!organisations.length && !people.length && !dates.length && !cues.length) return NONE;
  return { organisations, people, dates, cues };
}
