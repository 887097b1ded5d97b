/**
 * What the register intents share: the day a question asks about, the words for each kind of body,
 * the rule a count follows, and listing a set within the answer's limits (cite a few rows, say how many).
 */
import type { DraftStatement, IntentContext } from '../src/engine/intent.ts';
import { formatDay } from '../src/knowledge/dates.ts';
import type { Knowledge } from '../src/knowledge/knowledge.ts';
import type { Organisation } from '../src/knowledge/register.ts';
import {
  everInArea,
  ICB_START,
  LAST_CCG_DAY,
  STP_SNAPSHOTS,
  stpSnapshotOn,
  type AreaFilter,
  type Member,
  type SetKind,
} from '../src/knowledge/registerQueries.ts';
import type { AreaMention } from '../src/search/areas.ts';
import type { ParsedQuestion } from '../src/search/question.ts';
import { asks } from './_shared.ts';
import { capitalise } from '../src/engine/describe.ts';

/** The day a set question is about, and how it was read from the question. */
export interface AskedDay {
  day: string;
  /** "1 April 2020", or "now (24 July 2024)". */
  label: string;
  now: boolean;
  /** Why this day: "a year is counted on its 1 April, when register changes take effect". */
  rule?: string;
}

const START_WORDS = ['started', 'start', 'began', 'begin', 'beginning', 'first', 'originally', 'launched', 'created', 'established'];

/** The first day a kind of body existed, as the register shows it. */
export function firstDay(k: Knowledge, kind: SetKind): string {
  if (kind === 'icb') return ICB_START;
  if (kind === 'stp') return STP_SNAPSHOTS[0].from;
  const days = [...k.organisations.values()].filter((o) => o.type === (kind === 'region' ? 'ccg' : kind) && o.opened).map((o) => o.opened!);
  return days.sort()[0] ?? k.asOf;
}

/**
 * The day asked about: a day as given; a month's first day; a year's or financial year's 1 April (the
 * day register changes take effect); "when they started" the first day of the kind; otherwise now.
 */
export function askedDay(q: ParsedQuestion, k: Knowledge, kind: SetKind): AskedDay {
  const d = q.dates[0]?.value;
  if (d) {
    if (d.precision === 'day') return { day: d.start, label: formatDay(d.start), now: false };
    if (d.precision === 'month') return { day: d.start, label: formatDay(d.start), now: false };
    if (d.precision === 'vague')
      return { day: d.start, label: formatDay(d.start), now: false, rule: `${d.label} is counted on its first day, ${formatDay(d.start)}` };
    const day = d.precision === 'financial-year' ? d.start : `${d.start.slice(0, 4)}-04-01`;
    return { day, label: formatDay(day), now: false, rule: `${d.label} is counted on ${formatDay(day)}, the day register changes take effect` };
  }
  if (asks(q, ...START_WORDS) && !asks(q, 'now', 'today', 'currently')) {
    const day = firstDay(k, kind);
    return { day, label: formatDay(day), now: false, rule: `"when they started" is read as ${formatDay(day)}, the earliest open date the register gives` };
  }
  // CCGs and STPs ended in June 2022: with no date, a question about them means their last day.
  if ((kind === 'ccg' || kind === 'stp') && k.asOf > LAST_CCG_DAY && !asks(q, 'now', 'today', 'currently', 'present')) {
    return {
      day: LAST_CCG_DAY,
      label: formatDay(LAST_CCG_DAY),
      now: false,
      rule: `with no date given, ${kind === 'ccg' ? 'CCGs' : 'STPs'} are counted on their last day, before ICBs took over on 1 July 2022`,
    };
  }
  return { day: k.asOf, label: `now (the knowledge runs to ${formatDay(k.asOf)})`, now: true };
}

/** Words that ask what changed rather than what stood: these questions are the changes intent's. */
export const CHANGE_WORDS = new Set([
  'merged',
  'merge',
  'merging',
  'merger',
  'mergers',
  'close',
  'closed',
  'closing',
  'closure',
  'closures',
  'abolished',
  'opened',
  'opening',
  'openings',
  'formed',
  'created',
  'established',
  'replaced',
  'succeeded',
  'dissolved',
  'changed',
  'changes',
  'happen',
  'happened',
  // "How many new CCGs were there in 2018?" counts the openings.
  'new',
]);

/**
 * True when the question asks what an organisation it names was formed from or went into ("how many CCGs merged to
 * make Kent and Medway?" reads "merged to make" as predecessor): the successors intent's, not a set in an area.
 */
export const asksSuccessionOf = (q: ParsedQuestion): boolean =>
  q.words.some((w) => SUCCESSION_WORDS.has(w)) && q.orgs.some(({ org }) => org.predecessors.length > 0 || org.successors.length > 0);
const SUCCESSION_WORDS = new Set(['predecessor', 'predecessors', 'successor', 'successors', 'into']);

/** True when the question asks what changed (compared exactly: "open" is a state, "opened" a change). */
export const asksChange = (q: ParsedQuestion): boolean => q.words.some((w) => CHANGE_WORDS.has(w));

const NOUNS: Record<SetKind, [string, string]> = {
  ccg: ['CCG', 'CCGs'],
  stp: ['STP', 'STPs'],
  icb: ['ICB', 'ICBs'],
  trust: ['NHS trust', 'NHS trusts'],
  region: ['NHS England region', 'NHS England regions'],
};

/** "CCG"/"CCGs"; STPs before April 2019 are the 2016 footprints. */
export function noun(kind: SetKind, n: number, day?: string): string {
  if (kind === 'stp' && day && stpSnapshotOn(day)?.period === '2016 footprint') return n === 1 ? 'STP footprint' : 'STP footprints';
  return NOUNS[kind][n === 1 ? 0 : 1];
}

/** The rule a count follows, in a sentence a person can check against the files. */
export function countRule(kind: SetKind, day: string): string {
  const snap = stpSnapshotOn(day);
  switch (kind) {
    case 'ccg':
      return 'CCGs whose open date is on or before the day and whose close date is blank or not before it (eccg.csv, columns 11 and 12); CCGs still open on 30 June 2022 became sub-ICB locations of the ICBs on 1 July 2022';
    case 'trust':
      return 'trusts whose open date is on or before the day and whose close date is blank or not before it (trusts_2019.csv, open_date and close_date; the list is of 2019, so later trusts are not in it)';
    case 'stp':
      return snap ? `the STPs the ${snap.period} list (${snap.file}) names as CCGs' STPs` : 'the STP lists of 2016, 2019 and 2020';
    case 'icb':
      return 'the ICBs of the ONS list (icb_names_2024.csv); ICBs took over from CCGs on 1 July 2022';
    case 'region':
      return snap
        ? `the NHS England regions the ${snap.period} STP list (${snap.file}) files STPs under`
        : 'the regions the register files sub-ICB locations under (eccg.csv, column 3)';
  }
}

/** "in NHS England London (Y56)", or for a place, how it was matched. */
export function areaPhrase(area: AreaMention | undefined): string {
  if (!area) return '';
  return 'place' in area.filter ? ` in ${area.label}` : ` in ${area.org?.name ?? area.label} (${(area.filter as { code: string }).code})`;
}

/** How a place name was matched, for the answer's rule line. */
export function placeRule(area: AreaMention | undefined): string | null {
  if (!area || !('place' in area.filter)) return null;
  return `"${area.label}" means the organisations whose name includes it, and the CCGs of an STP or ICB whose name begins with it`;
}

/** The area asked about: the first one the question names that is not the organisation type's own word. */
export function areaOf(q: ParsedQuestion): AreaMention | undefined {
  return q.areas[0];
}

export const filterOf = (a: AreaMention | undefined): AreaFilter | null => a?.filter ?? null;

/** "NHS Brent CCG (07P)". */
export const labelOf = (o: Organisation) => `${o.name} (${o.code})`;

/**
 * Names as many members as fit in `budget` characters, citing the first `cited` rows; says how many
 * more there are. The full set stays countable from the rule line.
 */
export function memberLines(members: Member[], budget = 900, cited = 6): DraftStatement[] {
  const names: string[] = [];
  let used = 0;
  for (const m of members) {
    const label = labelOf(m.org);
    if (used + label.length + 2 > budget) break;
    names.push(label);
    used += label.length + 2;
  }
  const rest = members.length - names.length;
  if (!names.length) return [];
  return [{ text: `${names.join('; ')}${rest ? `; and ${rest} more` : ''}.`, sources: members.slice(0, cited).map((m) => m.row) }];
}

/** Glossary terms that only name a kind of body: "how many CCGs…" is about CCGs, not the definition of one. */
const KIND_TERMS = new Set(['ccg', 'stp', 'stp-footprint', 'icb', 'ics', 'nhs-trust', 'foundation-trust', 'sub-icb-location']);
/** Words of the kinds' names: "commissioning" inside "clinical commissioning groups" names the kind, not a topic. */
const KIND_WORDS = new Set([
  'clinical',
  'commissioning',
  'group',
  'groups',
  'ccg',
  'ccgs',
  'trust',
  'trusts',
  'nhs',
  'integrated',
  'care',
  'board',
  'boards',
  'icb',
  'icbs',
  'stp',
  'stps',
  'footprint',
  'footprints',
  'sub',
  'location',
  'locations',
]);

/** Words that make a merger a plan ("which CCGs are planning to merge?"), the interventions' business. */
const PLAN_WORDS = ['plan', 'planned', 'planning', 'plans', 'proposed', 'propose', 'will', 'going', 'considering', 'due'];

/**
 * True when the question is one a set intent should leave to others: interventions (past mergers are
 * the register's, planned ones are not), programmes, people, terms other than the kinds of body, quotes.
 */
export function aboutSomethingElse(q: ParsedQuestion): boolean {
  const interventions = q.interventionTypes.filter((t) => t !== 'planned-merger' || q.words.some((w) => PLAN_WORDS.includes(w)));
  const names = q.names.filter(
    (n) => !n.items.every((i) => i.kind === 'term' && KIND_TERMS.has(i.entry.id)) && !n.text.split(' ').every((w) => KIND_WORDS.has(w)),
  );
  return interventions.length > 0 || names.length > 0 || q.quoting;
}

export type { IntentContext };

/** Why a set is empty on a day, when the register explains it (CCGs after June 2022, ICBs before July 2022…). */
function emptyReason(kind: SetKind, day: string, area: AreaMention | undefined): string | null {
  if (kind === 'ccg' && day >= ICB_START)
    return 'CCGs were abolished on 1 July 2022: the ICBs took over, and the CCGs still open then live on as sub-ICB locations under their old codes';
  if (kind === 'icb' && day < ICB_START)
    return `ICBs began on 1 July 2022; before that the same codes were STPs (ask "how many STPs were there on ${formatDay(day)}?")`;
  if (kind === 'stp' && day >= ICB_START) return 'STPs became ICBs on 1 July 2022';
  if (kind === 'stp' && day < STP_SNAPSHOTS[0].from) return 'the first STPs are the 2016 footprints';
  if (kind === 'trust' && area?.org?.type === 'region' && ['Y58', 'Y59', 'Y60', 'Y61', 'Y62', 'Y63'].includes(area.org.code)) {
    return `the trust list of 2019 files trusts under the regions before April 2019 (North of England Y54, Midlands and East of England Y55, London Y56, South of England Y57), so none under ${area.org.name}`;
  }
  if (kind === 'trust' && area?.org && area.org.type !== 'region')
    return 'the trust list does not give trusts\' STPs or ICBs; ask for trusts in a region or a place ("trusts in Leeds")';
  return null;
}

/** Counts (and, for `list`, names) the organisations of a kind open on the asked day in the asked area. */
export function setStatements(ctx: IntentContext, kind: SetKind, members: Member[], asked: AskedDay, mode: 'count' | 'list'): DraftStatement[] {
  const area = areaOf(ctx.q);
  const where = areaPhrase(area);
  const n = members.length;
  const were = asked.now ? (n === 1 ? 'is' : 'are') : n === 1 ? 'was' : 'were';
  const when = kind === 'trust' && asked.now ? 'open in the trust list of 2019' : asked.now ? `open ${asked.label}` : `open on ${asked.label}`;
  const statements: DraftStatement[] = [];
  if (n === 0) {
    const reason = emptyReason(kind, asked.day, area);
    statements.push({
      text: `No ${noun(kind, 2, asked.day)} ${asked.now ? 'are' : 'were'} ${when}${where} (NHS organisation register)${reason ? `: ${reason}` : ''}.`,
      sources: [],
    });
  } else {
    const lead = `${n.toLocaleString('en-GB')} ${noun(kind, n, asked.day)} ${were} ${when}${where} (NHS organisation register)${mode === 'list' ? ':' : '.'}`;
    statements.push({ text: lead, sources: mode === 'count' ? members.slice(0, 3).map((m) => m.row) : [] });
    if (mode === 'list') statements.push(...memberLines(members));
  }
  const rules = [`Counted: ${countRule(kind, asked.day)}`, placeRule(area), asked.rule].filter((r): r is string => !!r);
  statements.push({ text: `${rules.map(capitalise).join('. ')}.`, sources: [] });
  // "The Surrey CCGs" with no date: those of the last day, then every one the area ever had.
  if (mode === 'list' && area && !ctx.q.dates.length && (kind === 'ccg' || kind === 'trust')) {
    const ever = everInArea(ctx.k.organisations, kind, area.filter);
    if (ever.length > n) {
      statements.push({ text: `From 2013 to 2022 there were ${ever.length}${where}, by open date:`, sources: [] });
      statements.push(...memberLines(ever, 500, 3));
    }
  }
  if (mode === 'count' && n > 0)
    statements.push({ text: `They include ${memberLines(members, 360, 0)[0].text}`, sources: members.slice(3, 8).map((m) => m.row) });
  return statements;
}

export const PLURALS = new Set(['ccgs', 'icbs', 'stps', 'trusts', 'regions', 'footprints']);
/**
 * Which way a question points when the organisation's place in it decides: "which CCGs went into Black Country
 * CCG?" (a set asked for, the organisation after "into") and "which CCGs did Cheshire and Merseyside ICB replace?"
 * (the organisation the subject of "replace", read as successor) both ask what it was formed from; "what did
 * Wirral CCG go into?" and "what replaced East Surrey CCG?" ask for its successor.
 */
export function asksWhatWentIntoIt(q: ParsedQuestion, orgFrom: number): boolean {
  const into = q.words.indexOf('into');
  // "Which CCGs …", "how many CCGs …", "which of the 2019 STP's CCGs …": a set asked for before the "into".
  const opens = ['which', 'what'].includes(q.words[0] ?? '') || (q.words[0] === 'how' && q.words[1] === 'many');
  const asksSet = q.orgTypes.length > 0 && opens && q.words.slice(0, Math.max(into, 0)).some((w) => PLURALS.has(w));
  if (into >= 0 && asksSet && orgFrom > into) return true;
  const replaced = q.words.findIndex((w) => w === 'successor' || w === 'successors');
  const subject = q.words.slice(0, orgFrom).some((w) => w === 'did' || w === 'does' || w === 'do');
  return replaced > orgFrom && subject;
}

/** The body a set of others went into ("which of the Cheshire and Merseyside CCGs went into Cheshire CCG?"), when the question asks that. */
export function wentIntoMention(q: ParsedQuestion): ParsedQuestion['orgs'][number] | undefined {
  const into = q.words.indexOf('into');
  const after = into >= 0 ? q.orgs.find((m) => m.from > into && m.org.inRegister) : undefined;
  return after && asksWhatWentIntoIt(q, after.from) ? after : undefined;
}

/** A kind of body in the plural, as a sentence writes it: "CCGs", "ICBs", "STPs", but "trusts" and "regions". */
export const kindPlural = (kind: string) => (/^(ccg|icb|stp)$/.test(kind) ? `${kind.toUpperCase()}s` : `${kind}s`);
