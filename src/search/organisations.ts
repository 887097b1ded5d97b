/**
 * Finding organisations by name or ODS code, forgivingly: "NHS Thurrock CCG", "thurrock", "07G",
 * "Castle Point & Rochford", initialisms such as BNSSG, and typos. Also finds organisation mentions
 * inside a question.
 */
import MiniSearch from 'minisearch';
import type { Organisation, OrganisationType } from '../knowledge/register.ts';
import { normalise } from './text.ts';
import { Vocabulary } from './vocabulary.ts';

/** Words that say what kind of body a name is, not which one. */
const GENERIC = new Set([
  'nhs',
  'ccg',
  'ccgs',
  'clinical',
  'commissioning',
  'group',
  'icb',
  'integrated',
  'care',
  'board',
  'stp',
  'foundation',
  'trust',
  'the',
  'sub',
  'reporting',
  'entity',
  'footprint',
  'partnership',
  'sustainability',
  'transformation',
  'plan',
  'ics',
  'system',
]);
/** Generic words that are also what a question asks about when they follow a name. */
const ORDINARY_AFTER_NAME = new Set(['plan', 'system', 'partnership']);
/** Kinds preferred when one name fits several bodies ("Southend" is the CCG before the hospital). */
export const TYPE_ORDER: OrganisationType[] = [
  'ccg',
  'icb',
  'stp',
  'stp-footprint',
  'trust',
  'provider',
  'national-body',
  'regulator',
  'local-authority',
  'healthwatch',
  'region',
  'commissioning-hub',
  'sub-icb-reporting-entity',
  'think-tank',
  'publisher',
  'other',
];
/** Single-word names that are also ordinary words: they count only when capitalised. */
const ORDINARY_WORDS = new Set(['provide', 'monitor', 'london', 'south', 'north', 'midlands']);

/** "NHS Mid and South Essex ICB - 07G": the name a CCG's code carries as a sub-ICB location. */
const SUB_ICB_NAME = / - [A-Z0-9]{3,5}$/;

export type OrgLookup =
  | { kind: 'found'; org: Organisation }
  | { kind: 'ambiguous'; candidates: Organisation[] }
  | { kind: 'none'; suggestions: Organisation[] };

export interface OrgMention {
  org: Organisation;
  /** Positions in the question's word list. */
  from: number;
  to: number;
  text: string;
  /** Other organisations the same words could mean. */
  alternatives: Organisation[];
}

/** A name with the generic words taken out: "NHS Castle Point & Rochford CCG" → "castle point and rochford". */
export function nameKey(name: string): string {
  const w = normalise(name)
    .split(' ')
    .filter((x) => x && !GENERIC.has(x));
  return w.join(' ');
}

/**
 * "BOB" for "Buckinghamshire, Oxfordshire and Berkshire West": the first letters of the places a system's name
 * lists (three or more, apart by commas and "and").
 */
function placesInitialism(name: string): string | null {
  const places = name
    .replace(/\b(?:NHS|STP|ICS|ICB|Integrated Care (?:Board|System)|Health and Care Partnership|Partnership|footprint)\b/gi, ' ')
    .split(/,|\band\b|&/)
    .map((p) => normalise(p))
    .filter(Boolean);
  return places.length >= 3 ? places.map((p) => p[0]).join('') : null;
}

function initialism(name: string): string | null {
  const w = normalise(name)
    .split(' ')
    .filter((x) => x && !GENERIC.has(x) && !['and', 'of', 'on', 'upon', 'the'].includes(x));
  return w.length >= 3 ? w.map((x) => x[0]).join('') : null;
}

export class OrganisationIndex {
  private readonly byKey = new Map<string, Organisation[]>();
  /** Every name key for fuzzy search, indexed when a lookup first needs it (most never get past the exact keys). */
  private readonly keyed: { id: number; code: string; key: string }[] = [];
  private fuzzyIndex?: MiniSearch<{ id: number; code: string; key: string }>;
  private readonly maxKeyWords: number;
  /** The words of every name, to correct typos (including swapped letters) before fuzzy search. */
  private readonly nameWords = new Vocabulary();
  /** The first and last words of the keys. */
  private readonly keyFirsts = new Set<string>();
  private readonly keyLasts = new Set<string>();
  /** "ccg chiltern": each type of body with the last word of its names' keys. */
  private readonly typedLasts = new Set<string>();

  /** Neighbouring words of every name ("black country"), to pick the correction a typo in a name meant. */
  private readonly namePairs = new Set<string>();

  /** Initialisms of the places a system's name lists ("bob"): read as the system only in capitals or before its kind ("bob stp"). */
  private readonly shortInitialisms = new Set<string>();

  /** ONS codes (E54… STPs, footprints and ICBs; E38… CCGs) to the organisation carrying them. */
  private readonly byOns = new Map<string, Organisation>();

  constructor(private readonly orgs: Map<string, Organisation>) {
    let id = 0;
    for (const org of orgs.values()) for (const o of org.ons ?? []) if (!this.byOns.has(o.code)) this.byOns.set(o.code, org);
    const docs = this.keyed;
    for (const org of orgs.values()) {
      const keys = new Set<string>();
      for (const name of [org.name, ...org.names]) {
        if (SUB_ICB_NAME.test(name)) continue; // "NHS Mid and South Essex ICB - 07G" names the ICB, not the CCG
        const key = nameKey(name);
        if (key) keys.add(key);
        const init = initialism(name);
        if (init && init.length >= 4) keys.add(init);
        const places = SYSTEM_TYPES.has(org.type) ? placesInitialism(name) : null;
        if (places && !keys.has(places)) {
          keys.add(places);
          this.shortInitialisms.add(places);
        }
      }
      // A CCG formed after 2020 is known only by its sub-ICB name ("NHS Black Country ICB - D2P2L"): its place is its name.
      if (!keys.size && org.type === 'ccg') {
        const key = nameKey(org.name.replace(SUB_ICB_NAME, ''));
        if (key) keys.add(key);
      }
      for (const key of keys) {
        this.typedLasts.add(`${org.type} ${key.split(' ').at(-1)}`);
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(org)) list.push(org);
        this.byKey.set(key, list);
        docs.push({ id: id++, code: org.code, key });
      }
    }
    for (const key of this.byKey.keys()) {
      const words = key.split(' ');
      this.nameWords.add(words);
      for (let i = 1; i < words.length; i++) this.namePairs.add(`${words[i - 1]} ${words[i]}`);
      this.keyFirsts.add(words[0]);
      this.keyLasts.add(words[words.length - 1]);
    }
    this.maxKeyWords = Math.max(...[...this.byKey.keys()].map((k) => k.split(' ').length));
  }

  private get fuzzy(): MiniSearch<{ id: number; code: string; key: string }> {
    if (!this.fuzzyIndex) {
      this.fuzzyIndex = new MiniSearch({ fields: ['key'], storeFields: ['code', 'key'], searchOptions: { fuzzy: 0.25, prefix: true } });
      this.fuzzyIndex.addAll(this.keyed);
    }
    return this.fuzzyIndex;
  }

  /** Whether a word alone names a body, so names a place when no body of the kind asked is called it ("lancashire"). */
  isPlaceName(word: string): boolean {
    return this.byKey.has(word) && !GENERIC.has(word) && !ORDINARY_WORDS.has(word);
  }

  /** Whether two words stand side by side in an organisation's name. */
  hasNamePair(a: string, b: string): boolean {
    return this.namePairs.has(`${a} ${b}`);
  }

  /** Whether a word begins some organisation's name ("greater" of "NHS Greater Manchester ICB"). */
  beginsName(w: string): boolean {
    return this.keyFirsts.has(w);
  }

  /** Whether a word ends the name of a body of this type ("chiltern" of "NHS Chiltern CCG"). */
  endsNameOf(w: string, type: OrganisationType): boolean {
    return this.typedLasts.has(`${type} ${w}`);
  }

  /** Looks up a name or code as typed after `/commissioning org`. */
  lookup(query: string): OrgLookup {
    const q = query.trim();
    const code = this.orgs.get(q.toUpperCase()) ?? this.orgs.get(q) ?? this.byOns.get(q.toUpperCase());
    if (code) return { kind: 'found', org: code };
    const key = nameKey(q)
      .split(' ')
      .map((w) => this.nameWords.correct(w) ?? w)
      .join(' ');
    if (!key) return { kind: 'none', suggestions: [] };
    const exact = this.byKey.get(key);
    if (exact) return this.decide(exact, normalise(q));
    // A short name ("essex", "surrey"): every body whose name has those words, the ones people mean first.
    const byWords = this.withWords(key.split(' '));
    if (byWords.length === 1) return { kind: 'found', org: byWords[0] };
    if (byWords.length > 1) return this.decide(byWords, normalise(q), true);
    const hits = this.fuzzy.search(key, { combineWith: 'AND' });
    const queryWords = key.split(' ');
    if (hits.length) {
      const top = hits.filter((h) => h.score >= hits[0].score * 0.98);
      const orgs = unique(top.map((h) => this.orgs.get(h.code)!));
      const covers =
        queryWords.length === (hits[0].key as string).split(' ').length ||
        queryWords.every((w) => (hits[0].terms as string[]).some((t) => t.startsWith(w.slice(0, 4))));
      if (covers) return this.decide(orgs, normalise(q));
    }
    const loose = this.fuzzy.search(key, { combineWith: 'OR' });
    return { kind: 'none', suggestions: unique(loose.map((h) => this.orgs.get(h.code)!)).slice(0, 5) };
  }

  /**
   * One organisation when the name picks it: a single match, a type word that only one match has ("Surrey
   * Heartlands ICB"), or (for a whole name) a kind people mean before the others ("Southend": the CCG, not the
   * hospital). Otherwise the candidates, the ones people mean first.
   */
  private decide(orgs: Organisation[], query: string, partial = false): OrgLookup {
    const ranked = rankByHint(orgs, query, partial);
    if (ranked.length === 1) return { kind: 'found', org: ranked[0] };
    const hinted = hintedTypes(query);
    const ofHintedType = ranked.filter((o) => hinted.includes(o.type));
    if (ofHintedType.length === 1) return { kind: 'found', org: ofHintedType[0] };
    if (!partial && TYPE_ORDER.indexOf(ranked[0].type) < TYPE_ORDER.indexOf(ranked[1].type)) return { kind: 'found', org: ranked[0] };
    return { kind: 'ambiguous', candidates: ranked };
  }

  /** Organisations with every one of these words in one of their names (whole words). */
  private withWords(queryWords: string[]): Organisation[] {
    if (!queryWords.length || queryWords.some((w) => w.length < 3)) return [];
    const found: Organisation[] = [];
    for (const [key, orgs] of this.byKey) {
      const keyWords = key.split(' ');
      if (queryWords.every((w) => keyWords.includes(w))) for (const o of orgs) if (!found.includes(o)) found.push(o);
    }
    return found;
  }

  /** Organisation mentions in a question's words (longest first, not overlapping). */
  mentions(wordsOfQuestion: string[], raw: string): OrgMention[] {
    const found: OrgMention[] = [];
    const taken = new Array(wordsOfQuestion.length).fill(false);
    const hint = wordsOfQuestion.join(' ');
    for (let len = Math.min(this.maxKeyWords + 2, wordsOfQuestion.length); len >= 1; len--) {
      for (let i = 0; i + len <= wordsOfQuestion.length; i++) {
        // A name's key starts and ends with the span's first and last words (generic words never start or end one):
        // spans of several words that no key starts and ends with are passed over before anything is made of them.
        const span = wordsOfQuestion.slice(i, i + len);
        // "southends deficit", "nhs englands view": a possessive typed without its apostrophe names the body.
        const last = span[len - 1];
        if (last.length > 4 && last.endsWith('s') && !this.keyLasts.has(last) && this.keyLasts.has(last.slice(0, -1))) span[len - 1] = last.slice(0, -1);
        if (len > 1 && (!this.keyFirsts.has(span[0]) || !this.keyLasts.has(span[len - 1]))) continue;
        if (taken.slice(i, i + len).some(Boolean)) continue;
        if (GENERIC.has(span[0]) || GENERIC.has(span[len - 1])) continue;
        const key = span.filter((w) => !GENERIC.has(w)).join(' ');
        const orgs = this.byKey.get(key) ?? (len === 1 ? this.byCode(key, raw) : undefined);
        if (!orgs) continue;
        if (len === 1 && ORDINARY_WORDS.has(key) && !new RegExp(`\\b${key[0].toUpperCase()}${key.slice(1)}\\b`).test(raw)) continue;
        if (
          len === 1 &&
          this.shortInitialisms.has(key) &&
          !new RegExp(`\\b${key.toUpperCase()}\\b`).test(raw) &&
          !SYSTEM_WORDS.has(wordsOfQuestion[i + 1] ?? '')
        )
          continue;
        const ranked = rankByHint(orgs, hint);
        // "NHS Thurrock CCG": the generic words around a name belong to the mention.
        let from = i;
        let to = i + len;
        while (from > 0 && !taken[from - 1] && GENERIC.has(wordsOfQuestion[from - 1]) && wordsOfQuestion[from - 1] !== 'the') from--;
        // "Hammersmith and Fulham CCG plan": a plan or system after a name is what is asked about, not part of the name.
        const extends_ = (w: string, prev: string) =>
          GENERIC.has(w) && w !== 'the' && (!ORDINARY_AFTER_NAME.has(w) || prev === 'transformation' || prev === 'care');
        while (to < wordsOfQuestion.length && !taken[to] && extends_(wordsOfQuestion[to], wordsOfQuestion[to - 1])) to++;
        // "the eight lancashire ccgs": a kind of body written after the name that none of its bodies is (a trust, where
        // commissioners are asked for) makes the name a place, not that body. The BLMK CCGs and ICB share an area.
        const kind = hintedTypes(wordsOfQuestion.slice(i + len, to).join(' '));
        const sameKind = (o: Organisation) => (kind.includes('trust') ? !AREA_TYPES.has(o.type) : AREA_TYPES.has(o.type));
        if (kind.length && !orgs.some(sameKind)) continue;
        found.push({ org: ranked[0], from, to, text: wordsOfQuestion.slice(from, to).join(' '), alternatives: ranked.slice(1) });
        for (let k = from; k < to; k++) taken[k] = true;
      }
    }
    return found.sort((a, b) => a.from - b.from);
  }

  /** An ODS code typed as a word: one with a digit ("07g", "y61"), or written in capitals ("RAJ"). */
  private byCode(word: string, raw: string): Organisation[] | undefined {
    const org = this.orgs.get(word.toUpperCase()) ?? this.byOns.get(word.toUpperCase());
    if (!org?.inRegister) return undefined;
    return /\d/.test(word) || new RegExp(`\\b${word.toUpperCase()}\\b`).test(raw) ? [org] : undefined;
  }

  /** Every ODS and ONS code, lower case (codes are words the knowledge knows). */
  codes(): string[] {
    return [...[...this.orgs.values()].filter((o) => o.inRegister).map((o) => o.code), ...this.byOns.keys()].map((c) => c.toLowerCase());
  }

  /** Every organisation indexed (the register's and those the documents name). */
  all(): Organisation[] {
    return [...this.orgs.values()];
  }

  /** Every key a name is indexed under (for the vocabulary). */
  keys(): string[] {
    return [...this.byKey.keys()];
  }
}

/** Kinds of body named for the places of a system, and the words for them. */
const SYSTEM_TYPES = new Set<OrganisationType>(['stp', 'stp-footprint', 'icb']);
const SYSTEM_WORDS = new Set(['stp', 'stps', 'icb', 'ics', 'footprint', 'system', 'partnership']);

/** Bodies that stand for an area: a question may name one kind where it means another of the same place. */
const AREA_TYPES = new Set<OrganisationType>(['ccg', 'icb', 'stp', 'stp-footprint', 'sub-icb-reporting-entity', 'region']);

/** The kinds of body a query's words ask for ("trust", "ICB", "CCG"). */
function hintedTypes(query: string): OrganisationType[] {
  return /\b(trust|hospital|hospitals|ft)\b/.test(query)
    ? ['trust']
    : /\b(stp|icb|ics|footprint|integrated care|partnership)\b/.test(query)
      ? ['icb', 'stp', 'stp-footprint']
      : /\bccgs?\b/.test(query)
        ? ['ccg']
        : [];
}

/** For a short name, the bodies people mean first: ICBs, then CCGs, STPs and trusts, then the rest; the closest names first. */
const MEANT_ORDER: OrganisationType[] = [
  'icb',
  'ccg',
  'stp',
  'stp-footprint',
  'region',
  'trust',
  'provider',
  'national-body',
  'regulator',
  'local-authority',
  'healthwatch',
  'commissioning-hub',
  'sub-icb-reporting-entity',
  'think-tank',
  'publisher',
  'other',
];

function rankByHint(orgs: Organisation[], query: string, partial = false): Organisation[] {
  const prefer = hintedTypes(query);
  const order = partial ? MEANT_ORDER : TYPE_ORDER;
  const queryWords = nameKey(query).split(' ');
  // The closest of its names that holds the words: "Surrey Heartlands" is nearer "surrey" than "Sussex and East Surrey".
  const closeness = (o: Organisation) =>
    Math.min(
      60,
      ...o.names
        .map(nameKey)
        .filter((k) => queryWords.every((w) => k.split(' ').includes(w)))
        .map((k) => k.length),
    ) / 100;
  // A CCG known only by its sub-ICB name ("NHS Frimley ICB - D4U1Y") is meant only when a CCG is asked for: "Frimley" is the ICB.
  const subIcbOnly = (o: Organisation) => (o.type === 'ccg' && o.names.every((n) => SUB_ICB_NAME.test(n)) ? 50 : 0);
  const score = (o: Organisation) =>
    (prefer.includes(o.type) ? -100 : 0) + order.indexOf(o.type) + (o.inRegister ? 0 : 0.5) + (partial ? closeness(o) : 0) + subIcbOnly(o);
  return unique(orgs).sort((a, b) => score(a) - score(b));
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
