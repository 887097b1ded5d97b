/** Interventions by type, area or date: "which CCGs are in financial special measures?". */
import type { Intent, DraftStatement } from '../src/engine/intent.ts';
import type { Intervention } from '../src/knowledge/knowledge.ts';
import { overlaps } from '../src/knowledge/dates.ts';
import { outcomeLead, statusLabel } from '../src/engine/describe.ts';
import { asks, listing, nameOf, orgsIn } from './_shared.ts';

export const intent: Intent = {
  name: 'interventions-list',
  description: 'List the organisations under an intervention (legal directions, financial special measures, mergers), by type, area or date',
  examples: [
    'which ccgs are under legal directions', 'which ccgs are in financial special measures', 'which ccgs were under legal directions in {date}', 'list the ccgs in special measures',
    'which organisations had interventions', 'what interventions has nhs england made', 'which ccgs have been directed', 'show all interventions', 'which ccgs are under directions in {org}',
    'which ccgs were placed in the financial special measures regime', 'interventions in {date}', 'which ccgs face single commissioning leadership structures', 'what interventions are there in {org}',
  ],
  answer({ q, k }) {
    const types = q.interventionTypes;
    if (types.length === 0 && !asks(q, 'intervention', 'interventions', 'intervened')) return null;
    if (asks(q, 'why', 'when', 'how', 'required', 'require', 'told', 'ordered')) return null;
    const area = new Set<string>();
    for (const o of orgsIn(q).filter((o) => o.inRegister)) {
      area.add(o.code);
      for (const m of o.members) area.add(m);
    }
    const matches = k.interventions.filter((i) =>
      (types.length === 0 || types.includes(i.type)) &&
      (area.size === 0 || i.organisations.some((c) => area.has(c))) &&
      q.dates.every((d) => overlaps(d.value, i.dateValue)));
    if (matches.length === 0) {
      if (!types.length || !asks(q, 'which', 'list', 'who', 'any')) return null;
      const where = [...orgsIn(q).filter((o) => o.inRegister).map((o) => o.name), ...q.dates.map((d) => d.value.label)].join(', ');
      return { statements: [{ text: `I hold no ${types[0].replace(/-/g, ' ')} interventions${where ? ` for ${where}` : ''}.`, sources: [] }], fit: 0.6 };
    }
    const statements: DraftStatement[] = [];
    const head = `${matches.length} intervention${matches.length === 1 ? '' : 's'} found${types.length ? ` (${types.map((t) => t.replace(/-/g, ' ')).join(', ')})` : ''}${q.dates.length ? ` in ${q.dates.map((d) => d.value.label).join(', ')}` : ''}:`;
    statements.push({ text: head, sources: [] });
    for (const i of sortByDate(matches)) statements.push(line(i, (c) => nameOf(k, c)));
    return { statements, fit: 1 };
  },
};

function sortByDate(xs: Intervention[]) {
  return [...xs].sort((a, b) => a.dateValue.start.localeCompare(b.dateValue.start) || a.id.localeCompare(b.id));
}

function line(i: Intervention, name: (code: string) => string): DraftStatement {
  const outcome = i.outcome ? ` ${outcomeLead(i.outcome.status)}.` : '';
  return { text: `• ${listing(i.organisations.map(name))}: ${i.title} (${statusLabel(i.status)}, ${i.dateValue.label}).${outcome}`, sources: [i.source] };
}
