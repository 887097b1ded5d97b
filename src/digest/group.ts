/** Digest entries grouped the way people read them: by organisation, then by date. */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { formatDay } from '../knowledge/dates.ts';
import { orgLabel } from './registerEvents.ts';
import type { DigestEntry } from './types.ts';
import { byDateThenOrganisation } from './window.ts';

/** The entries filed under one organisation. */
export interface EntryGroup {
  /** The organisation code the entries are filed under ("" for entries about no organisation). */
  code: string;
  label: string;
  entries: DigestEntry[];
}

/** Groups entries under their first organisation; groups ordered by their earliest entry, entries by date. */
export function groupByOrganisation(knowledge: Knowledge, entries: DigestEntry[]): EntryGroup[] {
  const groups = new Map<string, EntryGroup>();
  for (const e of entries) {
    const code = e.organisations[0] ?? '';
    let g = groups.get(code);
    if (!g) groups.set(code, (g = { code, label: code ? orgLabel(knowledge, code) : 'General', entries: [] }));
    g.entries.push(e);
  }
  const list = [...groups.values()];
  for (const g of list) g.entries.sort(byDateThenOrganisation);
  return list.sort((a, b) => byDateThenOrganisation(a.entries[0], b.entries[0]) || a.label.localeCompare(b.label));
}

/** What each kind of entry is called in a digest line. */
export const KIND_NAMES: Record<DigestEntry['kind'], string> = {
  'intervention-imposed': 'intervention',
  'intervention-announced': 'intervention announced',
  'intervention-lifted': 'intervention lifted',
  'plan-due': 'due',
  event: 'event',
  merger: 'merger',
  succession: 'succession',
  opened: 'opened',
  closed: 'closed',
  'fact-added': 'added',
  'fact-changed': 'changed',
  'fact-removed': 'removed',
  'document-added': 'added',
};

/** The window as a person reads it: "1 March 2018 to 30 April 2018", or one day. */
export function windowLabel(from: string, to: string): string {
  return from === to ? formatDay(from) : `${formatDay(from)} to ${formatDay(to)}`;
}
