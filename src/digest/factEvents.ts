/**
 * Dated entries from the curated facts: interventions imposed, announced or lifted (on their date),
 * plans and requirements falling due (on their due date), and events.
 */
import type { Intervention, Knowledge } from '../knowledge/knowledge.ts';
import { toCitation } from '../engine/citations.ts';
import { uniqueCitations } from './citations.ts';
import type { DigestEntry, EntryKind } from './types.ts';

const IMPOSED = new Set(['imposed', 'in-force', 'completed']);

/** The kind of entry an intervention's own date makes, from its status. */
export function interventionKind(iv: Intervention): EntryKind {
  if (iv.status === 'lifted') return 'intervention-lifted';
  return IMPOSED.has(iv.status) ? 'intervention-imposed' : 'intervention-announced';
}

/** The intervention's type in words ("legal directions"), unless its title already says it. */
function typeUnlessNamed(iv: Intervention): string {
  const type = iv.type.replace(/-/g, ' ');
  return iv.type === 'other' || iv.title.toLowerCase().includes(type) ? '' : type;
}

/** Every dated entry the facts give (not yet filtered by window or organisation). */
export function factEntries(knowledge: Knowledge): DigestEntry[] {
  const entries: DigestEntry[] = [];
  for (const iv of knowledge.interventions) {
    const outcome = iv.outcome ? ` Outcome: ${iv.outcome.status} — ${iv.outcome.text}` : '';
    entries.push({
      id: `intervention:${iv.id}`,
      kind: interventionKind(iv),
      date: iv.dateValue,
      organisations: [...iv.organisations],
      summary: `${iv.title} (${[typeUnlessNamed(iv), iv.status].filter(Boolean).join(', ')}): ${iv.summary}${outcome}`,
      citations: uniqueCitations([toCitation(knowledge, iv.source), ...(iv.outcome?.source ? [toCitation(knowledge, iv.outcome.source)] : [])]),
    });
    if (iv.dueValue) {
      const required = iv.required.map((r) => r.text);
      entries.push({
        id: `due:${iv.id}`,
        kind: 'plan-due',
        date: iv.dueValue,
        organisations: [...iv.organisations],
        summary: `Due under “${iv.title}”: ${required.length ? required.join('; ') : iv.summary}`,
        citations: uniqueCitations([...iv.required.map((r) => toCitation(knowledge, r.source)), toCitation(knowledge, iv.source)]),
      });
    }
  }
  for (const e of knowledge.events) {
    entries.push({
      id: `event:${e.id}`,
      kind: 'event',
      date: e.dateValue,
      organisations: [...e.organisations],
      summary: `${e.summary} (${e.kind})`,
      citations: [toCitation(knowledge, e.source)],
    });
  }
  return entries;
}
