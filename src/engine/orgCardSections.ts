/**
 * The cited parts of an organisation card: a summary of at most five lines (what it is, its parent
 * now, its live interventions, its successor if closed), and the sections its buttons open
 * (interventions, people, history). Every statement points at the card's citations.
 */
import type { Intervention, Knowledge } from '../knowledge/knowledge.ts';
import { formatDay } from '../knowledge/dates.ts';
import { REGIONS, successorChain, type Organisation } from '../knowledge/register.ts';
import type { Citation, Statement } from './answer.ts';
import { toCitation } from './citations.ts';
import { capitalise, ensureStop, interventionLine, orgLabel, outcomeLine, registerLines, statusLabel, typeLabel } from './describe.ts';
import type { DraftStatement, Source } from './intent.ts';

/** At most this many summary lines: a card is read at a glance. */
export const MAX_SUMMARY_LINES = 5;

/** Collects citations once each and hands out their indexes. */
export class CitationList {
  readonly citations: Citation[] = [];
  constructor(private readonly k: Knowledge) {}

  /** The indexes of `sources`' citations, adding the new ones. */
  cite(sources: Source[]): number[] {
    const out: number[] = [];
    for (const s of sources) {
      const c = toCitation(this.k, s);
      let at = this.citations.findIndex((x) => x.document === c.document && x.quote === c.quote);
      if (at < 0) at = this.citations.push(c) - 1;
      if (!out.includes(at)) out.push(at);
    }
    return out;
  }

  /** A draft statement as a cited statement. */
  statement(d: DraftStatement): Statement {
    return { text: d.text, cites: this.cite(d.sources) };
  }
}

/** Interventions still running: imposed, in force, announced or planned, with no outcome that ended them. */
export function isLive(i: Intervention): boolean {
  return ['imposed', 'in-force', 'announced', 'planned', 'under-discussion'].includes(i.status) && (!i.outcome || i.outcome.status === 'unknown');
}

const STATE: Record<string, string> = { 'legal-directions': 'under legal directions', 'financial-special-measures': 'in financial special measures' };

/** The summary: what it is, its parent now (or its successor, once closed), and its live interventions. */
export function summaryLines(k: Knowledge, o: Organisation, interventions: Intervention[], list: CitationList): Statement[] {
  const row = o.rows[0];
  const lines: DraftStatement[] = [];
  const facts = k.organisationFacts.get(o.code);
  if (!o.inRegister) {
    if (facts) lines.push({ text: ensureStop(facts.description ?? `${o.name} is named in the source documents`), sources: facts.sources.slice(0, 2) });
  } else {
    const region = o.region && REGIONS[o.region] ? ` in NHS England's ${REGIONS[o.region]} region` : '';
    const opened = o.opened ? `, opened ${formatDay(o.opened)}` : '';
    lines.push({ text: `${capitalise(typeLabel(o.type))}${region}${opened}.`, sources: row ? [row] : [] });
  }
  if (o.closed) {
    const { chain, finals } = successorChain(k.organisations, o.code);
    const next = o.successors.map((s) => `${orgLabel(k, s.code)} from ${formatDay(s.date)}`).join(' and ');
    const further = finals.filter((f) => !o.successors.some((s) => s.code === f));
    const now = further.length ? `, now part of ${further.map((f) => orgLabel(k, f)).join(' and ')}` : '';
    lines.push({
      text: `Closed ${formatDay(o.closed)}${next ? `; succeeded by ${next}` : ''}${now}.`,
      sources: [...(row ? [row] : []), ...chain.slice(0, 2).map((c) => c.row)],
    });
  } else if (o.parent && k.organisations.has(o.parent)) {
    const subIcb = o.type === 'ccg' && o.names.some((n) => / - [A-Z0-9]{3}$/.test(n));
    const text = subIcb
      ? `Part of ${orgLabel(k, o.parent)} today: its code lives on as a sub-ICB location (the register gives it no close date).`
      : `Part of ${orgLabel(k, o.parent)}.`;
    lines.push({ text, sources: row ? [row] : [] });
  }
  for (const i of interventions.filter(isLive)) {
    if (lines.length >= MAX_SUMMARY_LINES) break;
    lines.push(liveLine(i));
  }
  return lines.slice(0, MAX_SUMMARY_LINES).map((d) => list.statement(d));
}

/** "Under legal directions since 31 March 2017.", or "Planned: <title> (September 2019, due April 2020)." */
function liveLine(i: Intervention): DraftStatement {
  const state = STATE[i.type];
  const due = i.dueValue ? `, due ${i.dueValue.label}` : '';
  const text =
    state && i.status !== 'planned'
      ? `${capitalise(state)} since ${i.dateValue.label}.`
      : `${capitalise(statusLabel(i.status))}: ${i.title} (${i.dateValue.label}${due}).`;
  return { text, sources: [i.source] };
}

/** One intervention in full, for the Interventions section: what it required, and how it ended. */
export function interventionStatements(k: Knowledge, i: Intervention, list: CitationList): { detail: Statement; outcome?: Statement } {
  const line = interventionLine(k, i);
  const outcome = outcomeLine(k, i);
  return { detail: list.statement({ text: ensureStop(i.summary), sources: line.sources }), ...(outcome ? { outcome: list.statement(outcome) } : {}) };
}

/** The History section: register record, names and parents over time, predecessors, successors, members. */
export function historyLines(k: Knowledge, o: Organisation, list: CitationList): Statement[] {
  const lines: DraftStatement[] = [...registerLines(k, o)];
  const otherNames = o.names.filter((n) => n !== o.name);
  if (otherNames.length) lines.push({ text: `Also known as ${otherNames.join('; ')}.`, sources: o.rows.slice(0, 2) });
  if (o.successors.length && !o.closed) {
    lines.push({
      text: `Successors: ${o.successors.map((s) => `${orgLabel(k, s.code)} from ${formatDay(s.date)}`).join('; ')}.`,
      sources: o.successors.slice(0, 3).map((s) => s.row),
    });
  }
  if (o.members.length) {
    const rows = o.members.flatMap(
      (c) =>
        k.organisations
          .get(c)
          ?.parents.filter((p) => p.code === o.code)
          .map((p) => p.row) ?? [],
    );
    lines.push({ text: `Members (${o.members.length}): ${o.members.map((c) => orgLabel(k, c)).join('; ')}.`, sources: rows.slice(0, 3) });
  }
  return lines.map((d) => list.statement(d));
}
