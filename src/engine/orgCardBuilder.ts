/** Builds the organisation card: register record, interventions, people and a short status. */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { REGIONS, successorChain, type Organisation } from '../knowledge/register.ts';
import type { Indexes } from '../search/indexes.ts';
import { formatDay } from '../knowledge/dates.ts';
import { ICB_START, lastDay } from '../knowledge/registerQueries.ts';
import { interventionsFor, outcomeLead, statusStatements } from './describe.ts';
import { CitationList, historyLines, interventionStatements, summaryLines } from './orgCardSections.ts';
import type { OrgCard, OrgRef } from './orgCard.ts';
import { passageLinks } from '../search/linking.ts';
import { mentionsOf } from './fromDocuments.ts';

const ref = (k: Knowledge, code: string): OrgRef => {
  const o = k.organisations.get(code);
  return { code, name: o?.name ?? code, type: o?.type ?? 'unknown' };
};

/** The card for a name or ODS code: found, ambiguous (candidates) or not found (suggestions). */
export function buildOrgCard(k: Knowledge, ix: Indexes, query: string): OrgCard {
  const empty = { interventions: [], people: [], inDocuments: [], citations: [], summary: [], history: [] };
  if (!query.trim())
    return { found: false, query, status: 'Give an organisation name or ODS code, for example "Thurrock" or "07G".', ...empty, suggestions: [] };
  const hit = ix.organisations.lookup(query);
  if (hit.kind === 'ambiguous') {
    return {
      found: false,
      query,
      status: `"${query}" could be ${hit.candidates.length} organisations: say which.`,
      ...empty,
      candidates: hit.candidates.slice(0, 8).map((o) => ({ ...ref(k, o.code), ...datesOf(o) })),
    };
  }
  if (hit.kind === 'none') {
    const names = hit.suggestions.map((o) => o.name);
    return {
      found: false,
      query,
      status: `No organisation matches "${query}".${names.length ? ` Closest: ${names.join('; ')}.` : ''}`,
      ...empty,
      suggestions: hit.suggestions.map((o) => ref(k, o.code)),
    };
  }
  return cardFor(k, hit.org, query);
}

/** When a candidate was open, as the register gives it; ICBs from July 2022, when they took over from CCGs. */
function datesOf(o: Organisation): { dates?: string } {
  if (o.type === 'icb') return { dates: `since ${formatDay(ICB_START)}` };
  if (!o.opened) return {};
  const end = lastDay(o);
  return { dates: end ? `${formatDay(o.opened)} to ${formatDay(end)}` : `since ${formatDay(o.opened)}` };
}

/** The card of a known organisation. */
export function cardFor(k: Knowledge, o: Organisation, query = o.code): OrgCard {
  const status = statusStatements(k, o);
  const interventions = interventionsFor(k, o.code);
  const people = k.people.flatMap((p) =>
    p.roles.filter((r) => r.organisation === o.code).map((r) => ({ id: p.id, name: p.name, title: r.title, date: r.dateValue?.label, source: r.source })),
  );
  // Summary citations first, so the card's own [1]…[n] are small numbers; the sections number on.
  const list = new CitationList(k);
  const summary = summaryLines(k, o, interventions, list);
  const cards = interventions.map((i) => {
    const { detail, outcome } = interventionStatements(k, i, list);
    return {
      id: i.id,
      type: i.type,
      title: i.title,
      date: i.dateValue.label,
      status: i.status,
      summary: i.summary,
      cites: detail.cites,
      ...(outcome && i.outcome ? { outcome: `${outcomeLead(i.outcome.status)}: ${i.outcome.text}`, outcomeCites: outcome.cites } : {}),
    };
  });
  const cited = people.map(({ source, ...p }) => ({ ...p, cites: list.cite([source]) }));
  const history = historyLines(k, o, list);
  list.cite(status.flatMap((s) => s.sources));
  const { finals } = successorChain(k.organisations, o.code);
  return {
    found: true,
    query,
    organisation: {
      code: o.code,
      name: o.name,
      names: o.names,
      type: o.type,
      region: o.region ? { code: o.region, name: REGIONS[o.region] ?? o.region } : null,
      parent: o.parent && k.organisations.has(o.parent) ? ref(k, o.parent) : null,
      parents: o.parents.map((p) => ({ ...ref(k, p.code), name: p.name, period: p.period })),
      opened: o.opened,
      closed: o.closed,
      predecessors: o.predecessors.map((p) => ({ ...ref(k, p.code), date: p.date })),
      successors: o.successors.map((s) => ({ ...ref(k, s.code), date: s.date })),
      finalSuccessors: finals.map((c) => ref(k, c)),
      members: o.members.map((c) => ref(k, c)),
    },
    status: status.map((s) => s.text).join(' '),
    summary,
    history,
    interventions: cards,
    people: cited,
    inDocuments: mentionsOf(k, passageLinks(k), o.code, 3).map((m) => ({
      document: m.document,
      title: m.title,
      published: m.published,
      quote: m.quote,
      basis: 'machine-read' as const,
    })),
    citations: list.citations,
  };
}
