/**
 * What changed between two fact snapshots, by stable id: facts added, facts removed, and facts
 * changed, field by field ("status: planned → did-not-happen"), never a removal plus an addition.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { sourceCitation } from './citations.ts';
import type { FactKind, FactRecord, FactSnapshot } from './snapshot.ts';
import type { DigestEntry } from './types.ts';

const KIND_LABEL: Record<FactKind, string> = {
  organisations: 'organisation', people: 'person', interventions: 'intervention', programmes: 'programme',
  events: 'event', figures: 'figure', glossary: 'glossary term',
};
const KIND_ORDER: FactKind[] = ['interventions', 'events', 'programmes', 'organisations', 'people', 'figures', 'glossary'];
const MAX_FIELD_LINES = 8;

/** Entries for every fact added, changed or removed from `before` to `after` (cited from `knowledge`, the newer one). */
export function diffSnapshots(before: FactSnapshot, after: FactSnapshot, knowledge: Knowledge): DigestEntry[] {
  if (before.knowledgeId === after.knowledgeId) return [];
  const entries: { rec: FactRecord; entry: DigestEntry }[] = [];
  const cite = (rec: FactRecord) => (rec.source ? [sourceCitation(knowledge, rec.source)] : []);
  for (const [key, now] of Object.entries(after.facts)) {
    const was = before.facts[key];
    if (!was) {
      entries.push({ rec: now, entry: entry('fact-added', key, now, `Added ${KIND_LABEL[now.kind]}: ${describe(now)}.`, cite(now)) });
    } else if (was.hash !== now.hash) {
      const changes = fieldChanges(was, now);
      const shown = changes.length ? ` — ${changes.slice(0, 3).join('; ')}${changes.length > 3 ? '; …' : ''}` : '';
      entries.push({ rec: now, entry: { ...entry('fact-changed', key, now, `Changed ${KIND_LABEL[now.kind]}: ${now.title}${shown}.`, cite(now)), changes } });
    }
  }
  for (const [key, was] of Object.entries(before.facts)) {
    if (!after.facts[key]) entries.push({ rec: was, entry: entry('fact-removed', key, was, `Removed ${KIND_LABEL[was.kind]}: ${describe(was)} (no longer in the knowledge).`, cite(was)) });
  }
  return entries
    .sort((a, b) => KIND_ORDER.indexOf(a.rec.kind) - KIND_ORDER.indexOf(b.rec.kind) || a.rec.title.localeCompare(b.rec.title) || a.entry.id.localeCompare(b.entry.id))
    .map((e) => e.entry);
}

/** "status: planned → did-not-happen" for each scalar field that differs (at most a handful, then a count). */
export function fieldChanges(was: FactRecord, now: FactRecord): string[] {
  const keys = [...new Set([...Object.keys(was.fields), ...Object.keys(now.fields)])];
  const lines = keys
    .filter((k) => was.fields[k] !== now.fields[k])
    .map((k) => `${k}: ${was.fields[k] ?? '(none)'} → ${now.fields[k] ?? '(none)'}`);
  return lines.length > MAX_FIELD_LINES ? [...lines.slice(0, MAX_FIELD_LINES), `… and ${lines.length - MAX_FIELD_LINES} more fields`] : lines;
}

function entry(kind: DigestEntry['kind'], key: string, rec: FactRecord, summary: string, citations: DigestEntry['citations']): DigestEntry {
  const prefix = kind === 'fact-added' ? 'added' : kind === 'fact-changed' ? 'changed' : 'removed';
  return { id: `${prefix}:${key}`, kind, date: rec.date ?? null, organisations: rec.organisations, summary, citations };
}

function describe(rec: FactRecord): string {
  const extra = [rec.date?.label, rec.fields.status].filter(Boolean);
  return extra.length ? `${rec.title} (${extra.join(', ')})` : rec.title;
}
