/**
 * What changed between two fact snapshots, by stable id: facts added, facts removed, and facts
 * changed, field by field ("status: planned → did-not-happen"), never a removal plus an addition.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { parseDateInput } from '../knowledge/dates.ts';
import { toCitation } from '../engine/citations.ts';
import type { FactKind, FactRecord, FactSnapshot } from './snapshot.ts';
import type { DigestEntry } from './types.ts';

const KIND_LABEL: Record<FactKind, string> = {
  organisations: 'organisation',
  people: 'person',
  interventions: 'intervention',
  programmes: 'programme',
  events: 'event',
  figures: 'figure',
  glossary: 'glossary term',
};
const KIND_ORDER: FactKind[] = ['interventions', 'events', 'programmes', 'organisations', 'people', 'figures', 'glossary'];
const MAX_FIELD_LINES = 8;

/** Entries for every fact added, changed or removed from `before` to `after` (cited from `knowledge`, the newer one). */
export function diffSnapshots(before: FactSnapshot, after: FactSnapshot, knowledge: Knowledge): DigestEntry[] {
  if (before.knowledgeId === after.knowledgeId) return [];
  const entries: { rec: FactRecord; entry: DigestEntry }[] = [];
  const cite = (rec: FactRecord) => (rec.source ? [toCitation(knowledge, rec.source)] : []);
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
    if (!after.facts[key])
      entries.push({
        rec: was,
        entry: entry('fact-removed', key, was, `Removed ${KIND_LABEL[was.kind]}: ${describe(was)} (no longer in the knowledge).`, cite(was)),
      });
  }
  const documents = newDocuments(before, after, knowledge);
  return [
    ...documents,
    ...entries
      .sort(
        (a, b) =>
          KIND_ORDER.indexOf(a.rec.kind) - KIND_ORDER.indexOf(b.rec.kind) || a.rec.title.localeCompare(b.rec.title) || a.entry.id.localeCompare(b.entry.id),
      )
      .map((e) => e.entry),
  ];
}

const MAX_NAMED = 6;

/**
 * "New source: <title>, <date>: mentions X, Y": one entry for each document the newer snapshot holds and the
 * older does not, filed under the organisations it names. An older snapshot that recorded no documents has no
 * baseline, so nothing counts as new against it.
 */
export function newDocuments(before: FactSnapshot, after: FactSnapshot, knowledge: Knowledge): DigestEntry[] {
  if (!before.documents || !after.documents) return [];
  const out: DigestEntry[] = [];
  for (const doc of Object.values(after.documents)) {
    if (before.documents[doc.id]) continue;
    const date = parseDateInput(doc.published);
    const names = doc.organisations.map((c) => knowledge.organisations.get(c)?.name ?? c);
    const mentions = names.length
      ? `: mentions ${names.slice(0, MAX_NAMED).join(', ')}${names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : ''}`
      : '';
    out.push({
      id: `added:documents:${doc.id}`,
      kind: 'document-added',
      date: typeof date === 'string' ? null : date,
      organisations: doc.organisations,
      summary: `New source: ${doc.title}, ${typeof date === 'string' ? doc.published : date.label}${mentions}.`,
      citations: [toCitation(knowledge, { document: doc.id, quote: doc.quote })],
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** "status: planned → did-not-happen" for each scalar field that differs (at most a handful, then a count). */
export function fieldChanges(was: FactRecord, now: FactRecord): string[] {
  const keys = [...new Set([...Object.keys(was.fields), ...Object.keys(now.fields)])];
  const lines = keys.filter((k) => was.fields[k] !== now.fields[k]).map((k) => `${k}: ${was.fields[k] ?? '(none)'} → ${now.fields[k] ?? '(none)'}`);
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
