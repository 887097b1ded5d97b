/**
 * Names a question asks about that the knowledge does not hold ("tell me about Wessex Downs CCG", "ods code for
 * Northfield ICB", "who is Jane Smythe?"), and the organisations a list question sets aside ("apart from X").
 */
import type { Indexes } from './indexes.ts';
import type { OrgMention } from './organisations.ts';
import type { Token } from './reading.ts';
import { isEnglish } from './reading.ts';
import { STOP_WORDS } from './text.ts';

export interface UnknownName {
  kind: 'organisation' | 'person';
  /** The name as the question wrote it (user text: escape before showing it). */
  text: string;
  /** The nearest real names, for "did you mean". */
  suggestions: string[];
}

/** Words that say what kind of body a name belongs to. */
const TYPE_WORDS = new Set([
  'ccg',
  'ccgs',
  'icb',
  'icbs',
  'stp',
  'stps',
  'trust',
  'trusts',
  'hospital',
  'hospitals',
  'ics',
  'csu',
  'board',
  'group',
  'partnership',
  'system',
  'authority',
  'council',
]);
/** Words before a type word that describe rather than name ("the struggling CCGs", "the three Essex CCGs"). */
const DESCRIBING = new Set([
  'other',
  'new',
  'merged',
  'former',
  'old',
  'local',
  'neighbouring',
  'nearby',
  'each',
  'every',
  'all',
  'many',
  'some',
  'both',
  'single',
  'successor',
  'predecessor',
  'parent',
  'member',
  'host',
  'lead',
  'acute',
  'community',
  'mental',
  'health',
  'ambulance',
  'provider',
  'providers',
  'teaching',
  'specialist',
  'foundation',
  'nhs',
  'clinical',
  'commissioning',
  'care',
  'integrated',
  'sub',
  'location',
  'locations',
  'sustainability',
  'transformation',
  'plan',
  'joint',
  'committee',
  'area',
  'london',
  'english',
  'england',
  'national',
  'regional',
  'region',
  'county',
  'city',
]);
const EXCLUDERS = [
  ['apart', 'from'],
  ['except'],
  ['except', 'for'],
  ['other', 'than'],
  ['besides'],
  ['excluding'],
  ['not', 'counting'],
  ['but', 'not'],
  ['aside', 'from'],
  ['leaving', 'out'],
  ['bar'],
  ['not', 'including'],
];

/** The excluding words ("apart from", "except") starting at word i, if any. */
const excluderAt = (words: string[], i: number) => EXCLUDERS.find((e) => e.every((w, j) => words[i + j] === w));

/**
 * "Apart from essex, where are the others?": the excluding words and the words they set aside where no organisation
 * follows them (a place, a programme), up to the next stop word, as word positions. What is set aside is not asked about.
 */
export function setAsideWords(words: string[], orgs: OrgMention[], isStop: (w: string) => boolean): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const ex = excluderAt(words, i);
    if (!ex) continue;
    for (let j = 0; j < ex.length; j++) out.add(i + j);
    for (let at = i + ex.length; at < words.length && !isStop(words[at]) && !orgs.some((m) => m.from <= at && at < m.to); at++) out.add(at);
  }
  return out;
}

/** Organisation mentions that follow "apart from", "except", "other than"… up to the next comma-less clause word. */
export function excludedSpans(words: string[], orgs: OrgMention[]): Set<OrgMention> {
  const out = new Set<OrgMention>();
  for (let i = 0; i < words.length; i++) {
    const ex = excluderAt(words, i);
    if (!ex) continue;
    // The set-aside names run on while only names, "and" and "or" come between them.
    let at = i + ex.length;
    for (const m of orgs.filter((o) => o.from >= at).sort((a, b) => a.from - b.from)) {
      const between = words.slice(at, m.from);
      if (between.some((w) => !['and', 'or', 'the', 'nhs'].includes(w))) break;
      out.add(m);
      at = m.to;
    }
  }
  return out;
}

/** The first name in the question that looks like an organisation or a person and that nothing in the knowledge is called. */
export function unknownNameIn(words: string[], tokens: Token[], linked: boolean[], lexical: boolean[], raw: string, ix: Indexes): UnknownName | null {
  for (let i = 1; i < words.length; i++) {
    if (!TYPE_WORDS.has(words[i]) || linked[i]) continue;
    let from = i;
    while (from > 0 && !linked[from - 1] && !lexical[from - 1] && isNamePart(words[from - 1], tokens[from - 1])) from--;
    if (from === i) continue;
    const name = words.slice(from, i + 1);
    if (name.slice(0, -1).every((w) => DESCRIBING.has(w))) continue;
    // "the struggling CCGs" describes; a name has a word that is no ordinary English, or is written with a capital.
    if (!name.slice(0, -1).some((w) => !isEnglish(w) || capitalised(raw, w))) continue;
    const lookup = ix.organisations.lookup(name.join(' '));
    const found = lookup.kind === 'found' ? [lookup.org] : lookup.kind === 'ambiguous' ? lookup.candidates : [];
    // A forgiving lookup finds something for nearly any name: it counts only when it holds the name's own words.
    const distinctive = name.slice(0, -1).filter((w) => !DESCRIBING.has(w));
    if (found.some((o) => distinctive.every((w) => o.names.some((n) => holdsWord(n, w))))) continue;
    const suggestions = found.length ? found : lookup.kind === 'none' ? lookup.suggestions : [];
    return { kind: 'organisation', text: original(raw, name), suggestions: suggestions.map((o) => o.name).slice(0, 3) };
  }
  // "who is jane smythe": a person's name that is no word the knowledge knows.
  if (words[0] === 'who' && ['is', 'was'].includes(words[1])) {
    const rest = words.slice(2).filter((w) => w !== 'the');
    const unlinked = rest.every((_, j) => !linked[words.indexOf(rest[j])]);
    if (
      rest.length >= 2 &&
      rest.length <= 3 &&
      unlinked &&
      rest.every((w) => /^[a-z]+$/.test(w) && !STOP_WORDS.has(w)) &&
      rest.some((w) => !ix.vocabulary.has(w))
    ) {
      const role = rest.some((w) => ix.names.find([w]).length > 0);
      if (!role) return { kind: 'person', text: original(raw, rest), suggestions: [] };
    }
  }
  return null;
}

function isNamePart(word: string, token: Token): boolean {
  if (STOP_WORDS.has(word) || /^\d+$/.test(word)) return false;
  return token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'ADJ' || token.pos === 'X';
}

/** The name has the word, or one a typo away from it (same first four letters). */
function holdsWord(name: string, word: string): boolean {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((n) => n === word || (word.length >= 5 && n.length >= 5 && n.slice(0, 4) === word.slice(0, 4)));
}

function capitalised(raw: string, word: string): boolean {
  return new RegExp(`(?<!^)\\b${word[0].toUpperCase()}${word.slice(1)}\\b`).test(raw.trim());
}

/** The words as the person typed them, when they can be found in the raw text (case kept). */
function original(raw: string, words: string[]): string {
  const pattern = new RegExp(words.map((w) => w.replace(/[^a-z0-9]/g, '')).join('[^A-Za-z0-9]+'), 'i');
  return raw.match(pattern)?.[0] ?? words.join(' ');
}
