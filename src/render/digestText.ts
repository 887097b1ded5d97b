/** A digest as plain text (the CLI) and as JSON (scripts and tests). */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { datedApart } from '../engine/asOf.ts';
import { orgLabel } from '../digest/registerEvents.ts';
import { citationToJson } from './json.ts';
import { groupByOrganisation, KIND_NAMES, windowLabel } from '../digest/group.ts';
import type { Digest, DigestEntry } from '../digest/types.ts';

/** One entry as JSON: date as written (precision kept: "2018-04-01", "2020-04", "2016-17"), kind, organisations, summary, citations. */
export interface DigestEntryJson {
  id: string;
  date: string | null;
  dateLabel: string | null;
  precision: string | null;
  kind: DigestEntry['kind'];
  organisations: { code: string; name: string }[];
  summary: string;
  changes?: string[];
  citations: ReturnType<typeof citationToJson>[];
}

/** The digest as one JSON object: window, filter, and `entries` (dated entries, then fact changes). */
export function digestJson(
  knowledge: Knowledge,
  digest: Digest,
): { from: string; to: string; filter: string | null; knowledgeAsOf: string; sourcesAsOf: string; registerAsOf: string; entries: DigestEntryJson[] } {
  const toJson = (e: DigestEntry): DigestEntryJson => ({
    id: e.id,
    date: e.date?.value ?? null,
    dateLabel: e.date?.label ?? null,
    precision: e.date?.precision ?? null,
    kind: e.kind,
    organisations: e.organisations.map((code) => ({ code, name: knowledge.organisations.get(code)?.name ?? code })),
    summary: e.summary,
    ...(e.changes ? { changes: e.changes } : {}),
    citations: e.citations.map(citationToJson),
  });
  return {
    from: digest.from,
    to: digest.to,
    filter: digest.filter,
    knowledgeAsOf: digest.knowledgeAsOf,
    sourcesAsOf: digest.sourcesAsOf,
    registerAsOf: digest.registerAsOf,
    entries: [...digest.events, ...digest.changes].map(toJson),
  };
}

/** The digest as text a person reads in a terminal: grouped by organisation, then date, each entry with its quoted sources. */
export function digestText(knowledge: Knowledge, digest: Digest): string {
  const lines: string[] = [];
  lines.push(`Commissioning digest: ${windowLabel(digest.from, digest.to)}${digest.filter ? ` · only ${digest.filter}` : ''}`);
  lines.push(
    `${count(digest.events.length, 'dated entry', 'dated entries')}${digest.changes.length ? `, ${count(digest.changes.length, 'change', 'changes')} to the knowledge` : ''}. ${datedApart(digest.sourcesAsOf, digest.registerAsOf)}`,
  );
  if (digest.events.length === 0 && digest.changes.length === 0) lines.push('', 'No changes in this window.');
  const section = (title: string, entries: DigestEntry[]) => {
    if (!entries.length) return;
    lines.push('', title.toUpperCase());
    for (const g of groupByOrganisation(knowledge, entries)) {
      lines.push('', g.label);
      for (const e of g.entries) {
        lines.push(`  • ${e.date ? `${e.date.label} · ` : ''}${KIND_NAMES[e.kind]}: ${e.summary}${others(knowledge, e)}`);
        if ((e.changes?.length ?? 0) > 3) for (const c of e.changes!) lines.push(`      ${c}`);
        for (const c of e.citations) lines.push(`      [${c.document}] ${c.title}${c.published ? `, ${c.published}` : ''}: “${c.quote}”`);
      }
    }
  };
  section('Dated events', digest.events);
  section('Changes to the knowledge since the last digest', digest.changes);
  return lines.join('\n');
}

/** " (also: …)" naming the other organisations of an entry when its summary does not already. */
function others(knowledge: Knowledge, e: DigestEntry): string {
  const rest = e.organisations.slice(1).filter((c) => !new RegExp(`\\b${c}\\b`).test(e.summary));
  return rest.length ? ` (also: ${rest.map((c) => orgLabel(knowledge, c)).join(', ')})` : '';
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
