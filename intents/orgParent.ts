/**
 * Which STP, ICB or region one organisation was in, on a day or over time, from the register: "which stp was
 * bassetlaw ccg in in 2019?", "what region is 06L in?", "which icb did chiltern end up under?". STPs come from
 * the STP list in force (2016 footprints, 2019, 2020); regions as that list files the STP (they were redrawn in
 * April 2019), else as the body's own record; ICBs from the July 2022 handover.
 */
import type { DraftStatement, Intent } from '../src/engine/intent.ts';
import { formatDay } from '../src/knowledge/dates.ts';
import type { Knowledge } from '../src/knowledge/knowledge.ts';
import type { Organisation, ParentLink, RegisterRow } from '../src/knowledge/register.ts';
import type { ParsedQuestion } from '../src/search/question.ts';
import { cite, lastDay, parentOn, regionLinkOn, STP_SNAPSHOTS, stpSnapshotOn, successionPath, type Orgs } from '../src/knowledge/registerQueries.ts';
import { askedDay, labelOf } from './_register.ts';
import { listing } from './_shared.ts';

type ParentKind = 'stp' | 'icb' | 'region';
const PARENT_KINDS = new Set<string>(['stp', 'icb', 'region']);
/** National bodies are how a question is asked ("which NHSE region"), never the body asked about. */
const NATIONAL = new Set(['national-body', 'regulator', 'publisher']);

/** The region of each STP list and of the register record, where they differ, oldest first: "North of England (Y54) in the 2016 footprint list, …". */
function regionsOverTime(orgs: Orgs, o: Organisation): DraftStatement | null {
  const seen: { periods: string[]; code: string; rows: RegisterRow[] }[] = [];
  const note = (period: string, code: string, row: RegisterRow) => {
    const last = seen.at(-1);
    if (last?.code === code) {
      last.periods.push(period);
      last.rows.push(row);
    } else seen.push({ periods: [period], code, rows: [row] });
  };
  for (const snap of STP_SNAPSHOTS) {
    const link = regionLinkOn(o, snap.from);
    if (link?.via) note(`the ${snap.period} list`, link.code, link.row);
  }
  const own = regionLinkOn(o, '9999-12-31');
  if (own) note('its own register record', own.code, own.row);
  if (seen.length < 2) return null;
  const parts = seen.map((s) => `${orgs.get(s.code)?.name ?? s.code} (${s.code}) in ${listing(s.periods)}`);
  return { text: `Over time: ${parts.join('; ')}.`, sources: seen.flatMap((s) => s.rows) };
}

/** How the answer opens, to the verb: "On 1 April 2020 NHS Bassetlaw CCG (02Q) was", "NHS Leeds CCG (15F) is". */
type Lead = string;

function regionAnswer(orgs: Orgs, o: Organisation, day: string, lead: Lead): DraftStatement[] {
  const link = regionLinkOn(o, day);
  const region = link && orgs.get(link.code);
  if (!link || !region) return [];
  const via = link.via ? `, as the ${link.via.period} STP list files ${link.via.name} (${link.via.code})` : ', as its own register record files it';
  const statements: DraftStatement[] = [{ text: `${lead} in ${labelOf(region)}${via}.`, sources: [link.row] }];
  const history = regionsOverTime(orgs, o);
  if (history) statements.push(history);
  return statements;
}

function stpAnswer(orgs: Orgs, o: Organisation, day: string, lead: Lead): DraftStatement[] {
  const period = stpSnapshotOn(day)?.period;
  const cited = (p: ParentLink) => cite(p.row, `${labelOf(o)} in ${p.name} (${p.code}), ${p.period} list`);
  // A CCG can sit in two 2016 footprints (the list gives it a row in each).
  const links = o.parents.filter((p) => p.period === period);
  const parent = links.length ? null : parentOn(orgs, o, day);
  const named = links.length ? listing(links.map((p) => `${p.name} (${p.code})`)) : parent ? `${parent.name} (${parent.code})` : null;
  if (!named) return [];
  const statements: DraftStatement[] = [
    {
      text: `${lead} in ${named}.`,
      sources: links.length ? links.map(cited) : [parent!.row],
    },
  ];
  const others = o.parents.filter((p) => p.period !== period && STP_SNAPSHOTS.some((s) => s.period === p.period));
  if (others.length)
    statements.push({
      text: `In the other STP lists: ${listing(others.map((p) => `${p.name} (${p.code}, ${p.period})`))}.`,
      sources: others.map(cited),
    });
  return statements;
}

function icbAnswer(orgs: Orgs, o: Organisation): DraftStatement[] {
  const { steps } = successionPath(orgs, o.code);
  const handover = steps.find((s) => s.kind === 'handover');
  if (!handover) return [];
  const via = handover.from === o ? '' : ` (through ${labelOf(handover.from)}, which took it over)`;
  return [
    {
      text: `On ${formatDay(handover.date)} ${labelOf(o)}${via} came under ${labelOf(handover.to)}, when ICBs took over from CCGs.`,
      sources: steps.map((s) => s.row),
    },
  ];
}

/**
 * The day asked about and how the answer opens. A date is read as the register intents read it; a day after a
 * CCG closed becomes its last day, and says so. Without a date an STP is the CCG's last one and a region the
 * one its record gives now.
 */
function dayAndLead(q: ParsedQuestion, k: Knowledge, o: Organisation, kind: ParentKind): [string, Lead] {
  const end = lastDay(o);
  const label = labelOf(o);
  if (q.dates.length) {
    const day = askedDay(q, k, kind).day;
    if (end && day > end && o.closed) return [end, `${label} closed on ${formatDay(end)}; on its last day it was`];
    if (end && day > end) return [end, `On ${formatDay(end)}, its last day as a CCG, ${label} was`];
    return [day, `On ${formatDay(day)} ${label} was`];
  }
  if (kind === 'region') return [k.asOf, o.closed ? `When it closed (${formatDay(o.closed)}) ${label} was` : `${label} is`];
  if (end) return [end, `On ${formatDay(end)}, its last day as a CCG, ${label} was`];
  return [k.asOf, `${label} is`];
}

export const intent: Intent = {
  name: 'organisation-parent',
  description: 'Say which STP, ICB or NHS England region an organisation was in, on a date or over time, from the register',
  needs: ['org'],
  examples: [
    'which stp was {org} in',
    'which stp was {org} in in {date}',
    'what region is {org} in',
    'which nhs england region was {org} in in {date}',
    'which icb is {org} in',
    'what icb did {org} go into',
    'which footprint was {org} in',
    'what region was {org} in in {date}',
    // "STP" and "ICB" are glossary terms too, so the matcher reads them as {term}.
    'which {term} is {org} in',
    'which {term} was {org} in in {date}',
    'what {term} did {org} go into',
    'what {term} is {org} part of',
  ],
  answer({ q, k }) {
    if (q.answerType === 'yes-no') return null;
    const kind = q.orgTypes.find((t) => PARENT_KINDS.has(t)) as ParentKind | undefined;
    const bodies = q.orgs.filter((m) => !NATIONAL.has(m.org.type) && m.org.inRegister);
    const o = bodies[0]?.org;
    if (!kind || bodies.length !== 1 || !o || !['ccg', 'trust'].includes(o.type) || (o.type === 'trust' && kind !== 'region')) return null;
    const [day, lead] = dayAndLead(q, k, o, kind);
    const orgs = k.organisations;
    const statements = kind === 'icb' ? icbAnswer(orgs, o) : kind === 'stp' ? stpAnswer(orgs, o, day, lead) : regionAnswer(orgs, o, day, lead);
    if (!statements.length) return null;
    return { statements, organisationCode: o.code, fit: 1 };
  },
};
