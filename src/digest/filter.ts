/**
 * Digest filters: a region ("East of England", Y61), an STP/ICB (code or name: it covers its member
 * CCGs, their predecessors and its trusts) or one organisation (code or name). Names are matched by
 * the organisation index the search layer builds, so "BNSSG", "thurrock" and "07G" all work.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Organisation } from '../knowledge/register.ts';
import { OrganisationIndex } from '../search/organisations.ts';
import type { DigestEntry } from './types.ts';

/** A resolved filter: what it is, the code it was resolved to, and every organisation code it covers. */
export interface DigestFilter {
  kind: 'region' | 'stp' | 'organisation';
  code: string;
  /** As a person reads it: "NHS England East of England (Y61)". */
  label: string;
  codes: Set<string>;
}

/** A filter that names nothing, or too many things; the message says what to type instead. */
export class FilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterError';
  }
}

const indexes = new WeakMap<Map<string, Organisation>, OrganisationIndex>();

/** Resolves what a person typed (region, STP/ICB or organisation, by code or name); throws FilterError when it cannot. */
export function resolveFilter(knowledge: Knowledge, text: string): DigestFilter {
  const query = text.trim().replace(/^["“”']+|["“”']+$/g, '');
  let index = indexes.get(knowledge.organisations);
  if (!index) indexes.set(knowledge.organisations, (index = new OrganisationIndex(knowledge.organisations)));
  const found = index.lookup(query);
  if (found.kind === 'ambiguous') {
    const options = found.candidates
      .slice(0, 6)
      .map((o) => `${o.name} (${o.code})`)
      .join(', ');
    throw new FilterError(`“${query}” could mean several organisations: ${options}. Use the code, e.g. \`${found.candidates[0].code}\`.`);
  }
  if (found.kind === 'none') {
    const near = found.suggestions.length
      ? ` Did you mean ${found.suggestions
          .slice(0, 3)
          .map((o) => `${o.name} (${o.code})`)
          .join(', ')}?`
      : '';
    throw new FilterError(
      `No region, STP/ICB or organisation matches “${query}”.${near} Try a region (East of England or Y61), an STP/ICB (QH8 or Mid and South Essex) or an organisation (Thurrock CCG or 07G).`,
    );
  }
  return filterFor(knowledge, found.org);
}

/** The filter for an organisation already known by code (as subscriptions store it). */
export function filterForCode(knowledge: Knowledge, code: string): DigestFilter {
  const org = knowledge.organisations.get(code);
  if (!org) throw new FilterError(`The digest filter ${code} is no longer in the register. Subscribe again with another filter.`);
  return filterFor(knowledge, org);
}

function filterFor(knowledge: Knowledge, org: Organisation): DigestFilter {
  const label = `${org.name} (${org.code})`;
  const orgs = [...knowledge.organisations.values()];
  if (org.type === 'region') {
    const codes = new Set([org.code]);
    for (const o of orgs) if (o.region === org.code) addWithMembers(knowledge, o, codes);
    return { kind: 'region', code: org.code, label, codes };
  }
  if (org.type === 'stp' || org.type === 'icb' || org.type === 'stp-footprint') {
    const codes = new Set<string>();
    addWithMembers(knowledge, org, codes);
    for (const o of orgs) if (o.parent === org.code || o.parents.some((p) => p.code === org.code)) addWithPredecessors(knowledge, o.code, codes);
    return { kind: 'stp', code: org.code, label, codes };
  }
  return { kind: 'organisation', code: org.code, label, codes: new Set([org.code]) };
}

function addWithMembers(knowledge: Knowledge, org: Organisation, codes: Set<string>): void {
  addWithPredecessors(knowledge, org.code, codes);
  for (const m of org.members) addWithPredecessors(knowledge, m, codes);
}

/** Adds a code and, transitively, the codes it succeeded (a merged CCG's history belongs to its area). */
function addWithPredecessors(knowledge: Knowledge, code: string, codes: Set<string>): void {
  if (codes.has(code)) return;
  codes.add(code);
  for (const p of knowledge.organisations.get(code)?.predecessors ?? []) addWithPredecessors(knowledge, p.code, codes);
}

/** True when an entry concerns one of the filter's organisations (no filter lets everything through). */
export function matchesFilter(entry: DigestEntry, filter: DigestFilter | null | undefined): boolean {
  return !filter || entry.organisations.some((c) => filter.codes.has(c));
}

/** The entry filed under an organisation the filter covers (its matching organisations first, order otherwise kept). */
export function fileUnderFilter(entry: DigestEntry, filter: DigestFilter | null | undefined): DigestEntry {
  if (!filter || filter.codes.has(entry.organisations[0] ?? '')) return entry;
  const inside = entry.organisations.filter((c) => filter.codes.has(c));
  return { ...entry, organisations: [...inside, ...entry.organisations.filter((c) => !filter.codes.has(c))] };
}
