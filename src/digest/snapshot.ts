/**
 * A compact, storable picture of a Knowledge's facts: for each fact (by kind and stable id) a hash,
 * its title, date, organisations, its first source and its scalar fields. Enough to say later what
 * was added, what was removed and, field by field, what changed.
 */
import { createHash } from 'node:crypto';
import type { DateValue } from '../knowledge/dates.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { SourceRef } from '../knowledge/schemas.ts';
import { linksOf, passageLinks } from '../search/linking.ts';

/** The fact collections a snapshot covers, named as their files are. */
export type FactKind = 'organisations' | 'people' | 'interventions' | 'programmes' | 'events' | 'figures' | 'glossary';

/** One fact as a snapshot keeps it. */
export interface FactRecord {
  kind: FactKind;
  id: string;
  /** sha256 (16 hex) of the fact as written: equal hashes, equal facts. */
  hash: string;
  title: string;
  date?: DateValue;
  organisations: string[];
  /** The first source, so a removed fact can still be cited. */
  source?: SourceRef;
  /** Scalar fields by path ("status", "outcome.status", "required.0.text"), for field-level change lines. */
  fields: Record<string, string>;
}

/** A source document as a snapshot keeps it, so a digest can say when a new one arrived and whom it names. */
export interface DocumentRecord {
  id: string;
  title: string;
  /** As written in its front matter (2020-04-01, 2019-10, 2016). */
  published: string;
  /** Codes of the organisations it names (machine-read at load), in order of first mention. */
  organisations: string[];
  /** The first passage naming one of them, verbatim, to cite; or its first passage. */
  quote: string;
}

/** Every fact of one Knowledge, by kind and id. */
export interface FactSnapshot {
  version: 1;
  knowledgeId: string;
  /** Keyed "kind:id" (ids are unique within a facts file, not across files). */
  facts: Record<string, FactRecord>;
  /** The documents, by id. Absent from snapshots stored before documents were recorded: then no document counts as new. */
  documents?: Record<string, DocumentRecord>;
}

const DERIVED = new Set(['dateValue', 'dueValue', 'periodValue']);
const MAX_FIELD = 160;

const cache = new WeakMap<Knowledge, FactSnapshot>();

/** The snapshot of a Knowledge's facts (computed once per Knowledge). */
export function factSnapshot(knowledge: Knowledge): FactSnapshot {
  let snapshot = cache.get(knowledge);
  if (!snapshot) cache.set(knowledge, (snapshot = buildSnapshot(knowledge)));
  return snapshot;
}

const jsonCache = new WeakMap<Knowledge, string>();

/** The snapshot as the JSON the store keeps (computed once per Knowledge). */
export function factSnapshotJson(knowledge: Knowledge): string {
  let json = jsonCache.get(knowledge);
  if (json === undefined) jsonCache.set(knowledge, (json = JSON.stringify(factSnapshot(knowledge))));
  return json;
}

function buildSnapshot(knowledge: Knowledge): FactSnapshot {
  const facts: Record<string, FactRecord> = {};
  const add = (kind: FactKind, fact: { id: string }, title: string, organisations: (string | undefined)[], sources: SourceRef[], date?: DateValue) => {
    const raw = stripDerived(fact);
    facts[`${kind}:${fact.id}`] = {
      kind,
      id: fact.id,
      hash: createHash('sha256').update(stableJson(raw)).digest('hex').slice(0, 16),
      title,
      ...(date ? { date } : {}),
      organisations: [...new Set(organisations.filter((o): o is string => !!o))],
      ...(sources[0] ? { source: sources[0] } : {}),
      fields: flatten(raw),
    };
  };
  for (const o of knowledge.organisationFacts.values()) add('organisations', o, o.name ?? o.id, [o.id], o.sources);
  for (const p of knowledge.people)
    add(
      'people',
      p,
      p.name,
      p.roles.map((r) => r.organisation),
      p.roles.map((r) => r.source),
    );
  for (const iv of knowledge.interventions) add('interventions', iv, iv.title, iv.organisations, [iv.source], iv.dateValue);
  for (const p of knowledge.programmes)
    add(
      'programmes',
      p,
      p.name,
      p.members.map((m) => m.organisation),
      [p.source],
    );
  for (const e of knowledge.events) add('events', e, e.summary, e.organisations, [e.source], e.dateValue);
  for (const f of knowledge.figures) add('figures', f, f.label, f.organisations, [f.source], f.periodValue);
  for (const g of knowledge.glossary) add('glossary', g, g.term, [], [g.source]);
  return { version: 1, knowledgeId: knowledge.id, facts, documents: documentRecords(knowledge) };
}

/** The documents and the organisations each names, from the passage links made at load. */
function documentRecords(knowledge: Knowledge): Record<string, DocumentRecord> {
  const links = passageLinks(knowledge);
  const byDocument = new Map<string, { organisations: string[]; quote?: string; first?: string }>();
  [...knowledge.passages].forEach((p, i) => {
    const rec = byDocument.get(p.document) ?? { organisations: [] };
    byDocument.set(p.document, rec);
    rec.first ??= p.kind === 'heading' ? undefined : p.text;
    // National bodies and regions are the setting of most documents, not whom they are about.
    const named = linksOf(links, i).organisations.filter((c) => !SETTING.has(knowledge.organisations.get(c)?.type ?? ''));
    if (named.length && rec.quote === undefined && p.kind !== 'heading') rec.quote = p.text;
    for (const c of named) if (!rec.organisations.includes(c)) rec.organisations.push(c);
  });
  const out: Record<string, DocumentRecord> = {};
  for (const d of knowledge.documents.values()) {
    const rec = byDocument.get(d.id);
    out[d.id] = { id: d.id, title: d.title, published: d.published, organisations: rec?.organisations ?? [], quote: rec?.quote ?? rec?.first ?? d.title };
  }
  return out;
}

const SETTING = new Set(['national-body', 'region', 'regulator', 'publisher']);

/** Reads a stored snapshot; a missing, foreign or unreadable one is null (the digest then has no baseline). */
export function parseSnapshot(json: string | null | undefined): FactSnapshot | null {
  if (!json) return null;
  try {
    const s = JSON.parse(json) as FactSnapshot;
    return s && s.version === 1 && typeof s.facts === 'object' ? s : null;
  } catch {
    return null;
  }
}

function stripDerived(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDerived);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => !DERIVED.has(k) && v !== undefined)
        .map(([k, v]) => [k, stripDerived(v)]),
    );
  }
  return value;
}

/** JSON with object keys sorted, so equal facts hash equally whatever their key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Scalar leaves by dotted path; arrays of scalars joined with ", "; long values shortened. */
function flatten(value: unknown, path: string[] = [], out: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    if (path.length) out[path.join('.')] = clip(value.join(', '));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, [...path, String(i)], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!(path.length === 0 && k === 'id')) flatten(v, [...path, k], out);
  } else if (value !== undefined && path.length) {
    out[path.join('.')] = clip(String(value));
  }
  return out;
}

const clip = (s: string) => (s.length > MAX_FIELD ? `${s.slice(0, MAX_FIELD - 1)}…` : s);
