/** Sentences about organisations and interventions, shared by the org card and the intents. */
import type { Intervention, Knowledge } from '../knowledge/knowledge.ts';
import type { Organisation } from '../knowledge/register.ts';
import { REGIONS, successorChain } from '../knowledge/register.ts';
import { formatDay } from '../knowledge/dates.ts';
import type { DraftStatement, Source } from './intent.ts';

const TYPE_LABEL: Record<string, string> = {
  ccg: 'clinical commissioning group (CCG)',
  icb: 'integrated care board (ICB)',
  stp: 'sustainability and transformation partnership (STP)',
  'stp-footprint': '2016 STP footprint',
  trust: 'NHS trust',
  region: 'NHS England region',
  'commissioning-hub': 'commissioning hub',
  'sub-icb-reporting-entity': 'sub-ICB reporting entity',
  provider: 'provider',
  'national-body': 'national body',
  regulator: 'regulator',
  'local-authority': 'local authority',
  healthwatch: 'local Healthwatch',
  'think-tank': 'think tank',
  publisher: 'publisher',
  other: 'organisation',
};

export const typeLabel = (type: string) => TYPE_LABEL[type] ?? type;

/** "NHS Thurrock CCG (07G)", or just the name for bodies outside the register. */
export function orgLabel(k: Knowledge, code: string): string {
  const o = k.organisations.get(code);
  if (!o) return code;
  return o.inRegister ? `${o.name} (${o.code})` : o.name;
}

/** What an intervention type means in a sentence: "under legal directions". */
const STATE: Record<string, string> = {
  'legal-directions': 'under legal directions',
  'financial-special-measures': 'in financial special measures',
};

const STATUS_LABEL: Record<string, string> = {
  announced: 'announced',
  imposed: 'imposed',
  'in-force': 'in force',
  planned: 'planned',
  'under-discussion': 'under discussion',
  completed: 'completed',
  'did-not-happen': 'did not happen',
  lifted: 'lifted',
  unknown: 'status unknown',
};
export const statusLabel = (s: string) => STATUS_LABEL[s] ?? s;

/** How a sentence about an outcome begins: "In the end this did not happen:". */
export function outcomeLead(status: string): string {
  if (status === 'unknown') return 'Outcome not recorded';
  if (status === 'completed') return 'In the end this went ahead';
  return `In the end this ${statusLabel(status)}`;
}

/**
 * One line on an intervention as it bears on an organisation: what, since when, and how it ended.
 * `brief` gives the title instead of the full summary, for status summaries.
 */
export function interventionLine(k: Knowledge, i: Intervention, brief = false): DraftStatement {
  const state = STATE[i.type];
  const detail = brief ? i.title : i.summary;
  const head =
    state && ['imposed', 'in-force', 'announced'].includes(i.status)
      ? `${capitalise(state)} since ${i.dateValue.label}: ${detail}`
      : `${i.title} (${statusLabel(i.status)}, ${i.dateValue.label}${i.dueValue ? `, due ${i.dueValue.label}` : ''})${brief ? '' : `: ${i.summary}`}`;
  const outcome = brief && i.outcome ? ` ${outcomeLead(i.outcome.status)}: ${i.outcome.text}` : '';
  return { text: ensureStop(ensureStop(head) + outcome), sources: [i.source, ...(brief ? outcomeSources(k, i) : [])] };
}

function outcomeSources(k: Knowledge, i: Intervention): Source[] {
  const sources: Source[] = [];
  if (i.outcome?.source) sources.push(i.outcome.source);
  for (const code of i.outcome?.register ?? []) {
    const row = k.organisations.get(code)?.rows.find((r) => r.file.endsWith('eccg.csv')) ?? k.organisations.get(code)?.rows[0];
    if (row && sources.length < 2) sources.push(row);
  }
  return sources;
}

/** Where a plan met a different outcome: the plan, then what the register or a later source shows. */
export function outcomeLine(k: Knowledge, i: Intervention): DraftStatement | null {
  if (!i.outcome) return null;
  return { text: ensureStop(`${outcomeLead(i.outcome.status)}: ${i.outcome.text}`), sources: outcomeSources(k, i) };
}

/** Register facts on an organisation in a sentence or two: kind, region, parent, dates, successors. */
export function registerLines(k: Knowledge, o: Organisation): DraftStatement[] {
  if (!o.inRegister) return [];
  const row = o.rows[0];
  const parts: string[] = [`${o.name} (${o.code}) is ${article(typeLabel(o.type))} ${typeLabel(o.type)}`];
  if (o.region && REGIONS[o.region]) parts.push(`in NHS England's ${REGIONS[o.region]} region`);
  let first = parts.join(' ');
  if (o.opened) first += `, opened ${formatDay(o.opened)}`;
  const lines: DraftStatement[] = [];
  const { chain, finals } = successorChain(k.organisations, o.code);
  if (o.closed) {
    const succ = o.successors.map((s) => `${orgLabel(k, s.code)} from ${formatDay(s.date)}`).join(' and ');
    first += `. It closed on ${formatDay(o.closed)}${succ ? `; its successor is ${succ}` : ''}`;
    const further = finals.filter((f) => !o.successors.some((s) => s.code === f));
    if (further.length) first += `, now part of ${further.map((f) => orgLabel(k, f)).join(' and ')}`;
  } else if (o.type === 'ccg' && o.names.some((n) => / - [A-Z0-9]{3}$/.test(n))) {
    const parent = o.parent ? orgLabel(k, o.parent) : 'its ICB';
    first += `. The register gives it no close date: its code lives on as a sub-ICB location of ${parent}`;
  } else if (o.parent && k.organisations.get(o.parent)) {
    first += `, part of ${orgLabel(k, o.parent)}`;
  }
  lines.push({ text: ensureStop(first), sources: [...(row ? [row] : []), ...chain.slice(0, 2).map((c) => c.row)] });
  if (o.parents.length) {
    // STP membership over time: the 2016 footprint, then the STPs of 2019 and 2020.
    const byName = new Map<string, string[]>();
    for (const p of [...o.parents].sort((a, b) => periodOrder(a.period) - periodOrder(b.period))) byName.set(p.name, [...(byName.get(p.name) ?? []), p.period]);
    const parts = [...byName].map(([name, periods]) => `${name} (${periods.join(', ')})`);
    lines.push({ text: `STP: ${parts.join('; ')}.`, sources: o.parents.slice(0, 2).map((p) => p.row) });
  }
  if (o.predecessors.length) {
    lines.push({
      text: `It was formed from ${o.predecessors.map((p) => orgLabel(k, p.code)).join(', ')} (${formatDay(o.predecessors[0].date)}).`,
      sources: o.predecessors.slice(0, 3).map((p) => p.row),
    });
  }
  return lines;
}

/**
 * The core of an organisation's status, shared by the status answer and the org card: what it is
 * (a description for bodies outside the register), its register record, and its interventions, briefly.
 */
export function statusStatements(k: Knowledge, o: Organisation): DraftStatement[] {
  const statements: DraftStatement[] = [];
  const facts = k.organisationFacts.get(o.code);
  if (!o.inRegister && facts) statements.push({ text: facts.description ?? `${o.name} is named in the source documents.`, sources: facts.sources.slice(0, 2) });
  statements.push(...registerLines(k, o));
  for (const i of interventionsFor(k, o.code).slice(0, 4)) statements.push(interventionLine(k, i, true));
  return statements;
}

/** Interventions naming an organisation, or one of its predecessors: those imposed first (the most severe), then newest first. */
export function interventionsFor(k: Knowledge, code: string): Intervention[] {
  const o = k.organisations.get(code);
  const area = o && ['stp', 'icb', 'stp-footprint'].includes(o.type) ? o.members : [];
  const codes = new Set([code, ...(o?.predecessors.map((p) => p.code) ?? []), ...area]);
  const weight = (i: Intervention) => (STATE[i.type] && ['imposed', 'in-force', 'announced'].includes(i.status) ? 0 : 1);
  return k.interventions
    .filter((i) => i.organisations.some((c) => codes.has(c)))
    .sort((a, b) => weight(a) - weight(b) || b.dateValue.start.localeCompare(a.dateValue.start));
}

const periodOrder = (period: string) => (period.startsWith('2016') ? 0 : period.includes('2019') ? 1 : 2);
const article = (s: string) => (/^([aeiou]|NHS)/i.test(s) ? 'an' : 'a');
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const ensureStop = (s: string) => (/[.!?…]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
