/**
 * Register changes as dated digest entries: mergers (several organisations into one on the same
 * day), successions (one into one), and openings and closures no succession explains. Each cites
 * the register rows it comes from.
 */
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { dayValue } from '../knowledge/dates.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Organisation, RegisterRow, SuccessionLink } from '../knowledge/register.ts';
import { toCitation } from '../engine/citations.ts';
import type { DigestEntry } from './types.ts';

/** "NHS Bristol CCG (11H)", or just the code when the register does not name it. */
export function orgLabel(knowledge: Knowledge, code: string): string {
  const org = knowledge.organisations.get(code);
  return org && org.name !== code ? `${org.name} (${code})` : code;
}

/** Joins labels as a sentence: "A", "A and B", "A, B and C". */
export function andList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Every register change as a dated entry (not yet filtered by window or organisation). */
export function registerEntries(knowledge: Knowledge): DigestEntry[] {
  const entries: DigestEntry[] = [];
  // Successions grouped by successor and date: 11H, 11T, 12A → 15C on 2018-04-01 is one merger.
  const bySuccessor = new Map<string, { to: string; date: string; links: { from: string; row: RegisterRow }[] }>();
  for (const org of knowledge.organisations.values()) {
    for (const s of org.successors) addLink(bySuccessor, org.code, s);
    for (const p of org.predecessors) addLink(bySuccessor, p.code, { code: org.code, date: p.date, row: p.row });
  }
  for (const { to, date, links } of [...bySuccessor.values()].sort((a, b) => a.date.localeCompare(b.date) || a.to.localeCompare(b.to))) {
    const from = links.map((l) => l.from).sort();
    const merger = from.length > 1;
    const summary = merger
      ? `${andList(from.map((c) => orgLabel(knowledge, c)))} merged into ${orgLabel(knowledge, to)}.`
      : `${orgLabel(knowledge, from[0])} was succeeded by ${orgLabel(knowledge, to)}.`;
    entries.push({
      id: `${merger ? 'merger' : 'succession'}:${to}:${date}`,
      kind: merger ? 'merger' : 'succession',
      date: dayValue(date),
      organisations: [to, ...from],
      summary,
      citations: links
        .sort((a, b) => a.row.line - b.row.line)
        .map((l) =>
          toCitation(knowledge, { ...l.row, about: `${orgLabel(knowledge, l.from)} succeeded by ${orgLabel(knowledge, to)} from ${dayValue(date).label}` }),
        ),
    });
  }

  for (const org of knowledge.organisations.values()) {
    if (!org.inRegister) continue;
    const row = datedRow(org);
    if (org.opened && row && !org.predecessors.some((p) => p.date === org.opened)) {
      entries.push({
        id: `opened:${org.code}:${org.opened}`,
        kind: 'opened',
        date: dayValue(org.opened),
        organisations: [org.code],
        summary: `${orgLabel(knowledge, org.code)} opened.`,
        citations: [toCitation(knowledge, { ...row, about: `${orgLabel(knowledge, org.code)}, open date ${dayValue(org.opened).label}` })],
      });
    }
    if (org.closed && row && !explainedClosure(org)) {
      entries.push({
        id: `closed:${org.code}:${org.closed}`,
        kind: 'closed',
        date: dayValue(org.closed),
        organisations: [org.code],
        summary: `${orgLabel(knowledge, org.code)} closed.`,
        citations: [toCitation(knowledge, { ...row, about: `${orgLabel(knowledge, org.code)}, close date ${dayValue(org.closed!).label}` })],
      });
    }
  }
  return entries;
}

function addLink(map: Map<string, { to: string; date: string; links: { from: string; row: RegisterRow }[] }>, from: string, s: SuccessionLink): void {
  const key = `${s.code}|${s.date}`;
  let group = map.get(key);
  if (!group) map.set(key, (group = { to: s.code, date: s.date, links: [] }));
  if (!group.links.some((l) => l.from === from)) group.links.push({ from, row: s.row });
}

/** A closure is explained when a successor takes over on (or the day after) the close date. */
function explainedClosure(org: Organisation): boolean {
  const next = format(addDays(parseISO(org.closed!), 1), 'yyyy-MM-dd');
  return org.successors.some((s) => s.date === next || s.date === org.closed);
}

/** The row that carries an organisation's open and close dates (eccg.csv for CCGs, trusts_2019.csv for trusts). */
function datedRow(org: Organisation): RegisterRow | undefined {
  return org.rows.find((r) => r.file.endsWith('eccg.csv') || r.file.endsWith('trusts_2019.csv'));
}
