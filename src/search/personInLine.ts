/**
 * The person a line answers a "who" with: the one name it holds (not of a body, a committee, a place, nor the
 * person the question names), or, when the question asks after a role, the name standing beside that role.
 */
import type { Organisation } from '../knowledge/register.ts';
import { contentTerms } from './text.ts';

/** A word of a name: "Stevens", "O’Sullivan", "McAllister", "Smith-Jones". */
export const NAME_WORD = String.raw`[A-Z](?:[a-z]|['’-][A-Za-z]|(?<=[a-z])[A-Z](?=[a-z]))+`;
const PERSON = new RegExp(String.raw`\b(?:(?:Dr|Professor|Sir|Dame|Cllr) )?${NAME_WORD}(?: ${NAME_WORD}){1,2}\b`, 'g');

export interface PersonContext {
  orgs: Organisation[];
  /** People the linking read with a role the question asks after: the first in the line answers. */
  peopleRoles?: { name: string }[];
  questionWords: string[];
  /** The role words a "who" asks after ("chair" of "who chairs …"): the name must stand beside one. */
  roles?: string[];
  /** Whether two lower-case words stand side by side in an organisation's name ("milton keynes"): a place, not a person. */
  inOrganisationName?: (a: string, b: string) => boolean;
}

/** The person of a line, or null when none stands, or several do and the question does not say which. */
export function personIn(line: string, context: PersonContext): string | null {
  const roles = context.roles ?? [];
  // "Who took over from Margaret Ellery?": the person asked about is not the answer.
  const asked = new Set(context.questionWords);
  const isAsked = (name: string) => name.split(' ').some((w) => w.length > 2 && !TITLES.has(w) && asked.has(w.toLowerCase()));
  const named = context.peopleRoles?.[0]?.name;
  if (named && line.includes(named) && !roles.length && !isAsked(named)) return named;
  const orgWords = new Set(context.orgs.flatMap((o) => o.names.flatMap((n) => n.toLowerCase().split(/\W+/))));
  const people = [...line.matchAll(PERSON)]
    .filter(
      (m) => !m[0].split(' ').some((w) => orgWords.has(w.toLowerCase()) || INSTITUTION_WORDS.has(w)) && !NOT_A_NAME.test(m[0]) && !placeName(m[0], context),
    )
    .filter((m) => !isAsked(m[0]))
    .map((m) => ({ name: m[0], at: m.index! }))
    // "Claire Whitworth, Chief Executive. Ms Whitworth has been …": one person, named twice.
    .filter((p, i, all) => !all.some((o, j) => j !== i && o.name.length > p.name.length && o.name.endsWith(` ${p.name.split(' ').at(-1)}`)));
  if (!roles.length) return people.length === 1 ? people[0].name : null;
  return nearestToRole(line, people, roles, orgWords, context.questionWords);
}

/** "Milton Keynes", "Castle Point": a name whose words stand together in an organisation's name is a place's. */
function placeName(name: string, context: PersonContext): boolean {
  const ws = name.toLowerCase().split(' ');
  return !!context.inOrganisationName && ws.length >= 2 && ws.every((w, i) => i === 0 || context.inOrganisationName!(ws[i - 1], w));
}

const TITLES = new Set(['Dr', 'Mr', 'Mrs', 'Ms', 'Sir', 'Dame', 'Professor', 'Cllr']);

/** Capitalised words that start no person's name: a sentence's first word, a body, a point of the compass. */
const NOT_A_NAME = /^(The|NHS|This|These|Each|From|On|In|North|South|East|West|Central|Greater|Mid)\b/;

/** Words of the names of bodies, committees and roles, never of a person's ("Primary Care Commissioning Committee"). */
const INSTITUTION_WORDS = new Set(
  'Committee Board Council Trust Group Commissioning Care Health Hospital Hospitals Partnership Authority Team Service Services Foundation Integrated Clinical University Governing Body Primary Community Region Regional Director Officer Chair Executive Chief Accountable Report Annual England Improvement Act Medical Nursing Finance Public Practice Practices System Programme Plan Strategy Framework Review Policy Agreement Guidance Regime Fund Contract Forum Network Alliance Agency Office Department Unit Centre Institute Association College Bulletin Journal'.split(
    ' ',
  ),
);

/** How many words apart a name and its role may stand ("Jennifer Oldroyd, the ICB's chair designate"). */
const ROLE_REACH = 4;

/**
 * The one name standing nearest a role word asked after, within ROLE_REACH words either side: "a panel chaired by
 * Jennifer Oldroyd, the ICB's chair designate" answers "who chairs"; the chief executive named in the same
 * sentence does not. Null when none stands that near, or two stand equally near.
 */
function nearestToRole(line: string, people: { name: string; at: number }[], roles: string[], orgWords: Set<string>, questionWords: string[]): string | null {
  const words = [...line.matchAll(/[\w’'-]+/g)].map((m) => ({ at: m.index!, text: m[0], terms: contentTerms(m[0]) }));
  const isRole = (w: { terms: string[] }) => w.terms.some((t) => roles.includes(t) || roles.some((r) => r.length >= 6 && t.startsWith(r.slice(0, 6))));
  const pastAsked = questionWords.some((w) => PAST_ROLE.has(w));
  // The word before a role's first word: "a former chief executive".
  const before = (i: number) => {
    let j = i;
    while (j > 0 && isRole(words[j - 1])) j--;
    return words[j - 1]?.text.toLowerCase() ?? '';
  };
  const roleAt = words.flatMap((w, i) => (isRole(w) && !elsewhere(words, i, isRole, orgWords) && (pastAsked || !PAST_ROLE.has(before(i))) ? [i] : []));
  if (!roleAt.length) return null;
  const wordIndex = (at: number) => words.findIndex((w) => w.at >= at);
  // "Who is the CFO?": "Caroline Redfern is currently chief officer" has two of its words, but not the one that says
  // which chief officer. The words telling a role apart ("finance", "executive", "chair") must stand beside the name.
  const telling = roles.filter((r) => !GENERIC_ROLE_WORDS.has(r));
  const holds = (i: number, r: string) => words[i].terms.some((t) => t === r || (r.length >= 6 && t.startsWith(r.slice(0, 6))));
  const scored = people
    .map((p) => {
      const from = wordIndex(p.at);
      const to = from + p.name.split(' ').length - 1;
      const distance = (r: number) => (r < from ? from - r - 1 : r > to ? r - to - 1 : Infinity);
      const gap = Math.min(...roleAt.map(distance));
      const near = roleAt.filter((r) => distance(r) <= ROLE_REACH);
      return { name: p.name, gap, told: telling.every((t) => near.some((r) => holds(r, t))) };
    })
    .filter((p) => p.gap <= ROLE_REACH && p.told)
    .sort((a, b) => a.gap - b.gap);
  // "Andrew Fairhurst, who has led the trust since 2017, was confirmed … as chief executive designate", "Dr Alison
  // Pemberton, who had been …, is the accountable officer": the one person of the line, when the role is said to be
  // theirs ("as …", "is the …"), however far apart.
  const theirs = (r: number) => [words[r - 1]?.text, words[r - 2]?.text].some((w) => /^(as|is|was|becomes|became)$/i.test(w ?? ''));
  const toldInLine = telling.every((t) => roleAt.some((r) => holds(r, t)));
  if (!scored.length) return people.length === 1 && toldInLine && roleAt.some(theirs) ? people[0].name : null;
  return scored.length === 1 || scored[1].gap > scored[0].gap ? scored[0].name : null;
}

/** Role words shared by many roles ("chief", "officer", "director"): they say a post is senior, not which post. */
const GENERIC_ROLE_WORDS = new Set(['chief', 'officer', 'director', 'lead', 'deputy', 'interim', 'manager'].map((w) => contentTerms(w)[0]));

/** "a former chief executive": a role someone held before, which answers only a question asking after the past. */
const PAST_ROLE = new Set(['former', 'previous', 'ex', 'outgoing']);

/**
 * A role of another body: "chief executive of Blackburn with Darwen Borough Council", when the question asks
 * after a body whose name has none of those words.
 */
function elsewhere(words: { text: string }[], i: number, isRole: (w: { terms: string[] }) => boolean, orgWords: Set<string>): boolean {
  if (!orgWords.size) return false;
  let j = i;
  while (j + 1 < words.length && (isRole(words[j + 1] as { text: string; terms: string[] }) || /^(designate|interim|acting)$/i.test(words[j + 1].text))) j++;
  if (!/^(of|at|for)$/.test(words[j + 1]?.text ?? '')) return false;
  // "Chief Executive of Birmingham and Solihull Mental Health NHS Foundation Trust" is of a trust, not the ICB whose name
  // shares two of its words: a word of the body's name the asked body's names lack (initials aside) makes it another.
  const named = words.slice(j + 2, j + 7).filter((w) => /^[A-Z][a-z]/.test(w.text) && w.text !== 'The');
  return named.length > 0 && named.some((w) => !orgWords.has(w.text.toLowerCase()));
}
