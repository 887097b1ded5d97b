/** Plain-text rendering for the terminal: the answer, then numbered sources with their verbatim quotes. */
import type { Answer, Citation } from '../engine/answer.ts';
import type { OrgCard } from '../engine/orgCard.ts';
import { statusLabel, typeLabel } from '../engine/describe.ts';
import { formatDay } from '../knowledge/dates.ts';
import { groupSources, markers, registerSourceName } from './citations.ts';
import { statusLines, summarySources } from './orgSummary.ts';

const source = (c: Citation, i: number) =>
  `  [${i + 1}] ${c.title}${c.publisher ? ` — ${c.publisher}` : ''}${c.published ? `, ${c.published}` : ''}${c.url ? `\n      ${c.url}` : ''}\n      “${c.quote.replace(/\s+/g, ' ')}”`;

/** An answer as a person reads it in a terminal. */
export function answerToText(a: Answer): string {
  const parts = [a.text];
  if (a.citations.length) parts.push(`Sources:\n${a.citations.map(source).join('\n')}`);
  if (a.suggestions.length) parts.push(`${a.answered ? 'You could also ask' : 'Try'}: ${a.suggestions.map((s) => `“${s}”`).join(' · ')}`);
  return parts.join('\n\n');
}

/** An organisation card as a person reads it in a terminal. */
export function orgCardToText(card: OrgCard): string {
  if (!card.found || !card.organisation) {
    const list = card.candidates ?? card.suggestions ?? [];
    return [card.status, ...list.map((o) => `  ${o.code}  ${o.name} (${o.type}${o.dates ? `, ${o.dates}` : ''})`)].join('\n');
  }
  const o = card.organisation;
  const n = card.citations.length;
  const refs = (xs: { code: string; name: string; date?: string }[]) => xs.map((x) => `${x.name} (${x.code})${x.date ? ` ${x.date}` : ''}`).join('; ') || '—';
  // The card's top as in Slack: at most five cited status lines, then the sources they rest on.
  const lines = [
    `${o.name} (${o.code})`,
    ...statusLines(card),
    ...summarySourceLines(card),
    '',
    `  type         ${typeLabel(o.type)}`,
    `  region       ${o.region ? `${o.region.name} (${o.region.code})` : '—'}`,
    `  parent       ${o.parent ? `${o.parent.name} (${o.parent.code})` : '—'}`,
    ...(o.parents.length ? [`  parents      ${o.parents.map((p) => `${p.name} (${p.code}, ${p.period})`).join('; ')}`] : []),
    `  opened       ${o.opened ? formatDay(o.opened) : '—'}`,
    `  closed       ${o.closed ? formatDay(o.closed) : 'still open'}`,
    `  predecessors ${refs(o.predecessors)}`,
    `  successors   ${refs(o.successors)}`,
    ...(o.finalSuccessors.length && o.finalSuccessors.some((f) => !o.successors.some((s) => s.code === f.code))
      ? [`  now part of  ${refs(o.finalSuccessors)}`]
      : []),
    ...(o.members.length ? [`  members      ${refs(o.members)}`] : []),
    ...(o.names.length > 1 ? [`  also known as ${o.names.slice(1).join('; ')}`] : []),
  ];
  if (card.interventions.length)
    lines.push(
      '',
      'Interventions:',
      ...card.interventions.map(
        (i) =>
          `  • ${i.title} — ${statusLabel(i.status)}, ${i.date}${markers(i.cites ?? [], n)}${i.outcome ? `. ${i.outcome}${markers(i.outcomeCites ?? [], n)}` : ''}`,
      ),
    );
  if (card.people.length)
    lines.push('', 'People:', ...card.people.map((p) => `  • ${p.name}: ${p.title}${p.date ? ` (${p.date})` : ''}${markers(p.cites ?? [], n)}`));
  if (card.inDocuments?.length)
    lines.push(
      '',
      'In the documents (read from the sources, not curated facts):',
      ...card.inDocuments.map((m) => `  • ${m.title}, ${m.published}: the source says “${m.quote.replace(/\t/g, ' · ').replace(/\s+/g, ' ')}”`),
    );
  // Every source with its verbatim quote, as the card's Sources button gives them in Slack.
  if (card.citations.length) lines.push('', 'Quotes:', ...card.citations.map(source));
  return lines.join('\n');
}

/** "Sources:" and one line a source of the status lines: "  [2] [4] Title · Publisher · April 2017", the register's rows as one. */
function summarySourceLines(card: OrgCard): string[] {
  const groups = groupSources(summarySources(card));
  if (groups.length === 0) return [];
  return [
    'Sources:',
    ...groups.map((g) => {
      const numbers = g.numbers.map((k) => `[${k}]`).join(' ');
      const c = g.citation;
      const label = g.register ? registerSourceName(g.numbers.length) : [c.title || c.document, c.publisher, c.published].filter(Boolean).join(' · ');
      return `  ${numbers} ${label}`;
    }),
  ];
}
