/**
 * Dated entries in a window: what the engine calls to answer "what changed in April 2018?", and
 * the first half of every digest. An entry dated to a month, year or financial year falls in a
 * window when its range overlaps the window, and keeps its own precision ("April 2020", "2016-17").
 */
import { overlaps, type DateValue } from '../knowledge/dates.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { factEntries } from './factEvents.ts';
import { fileUnderFilter, matchesFilter, resolveFilter, type DigestFilter } from './filter.ts';
import { registerEntries } from './registerEvents.ts';
import type { DigestEntry } from './types.ts';

/** The window, filter and date rule for changesInWindow(). */
export interface WindowOptions {
  /** First and last day of the window, ISO yyyy-mm-dd, inclusive. */
  from: string;
  to: string;
  /** A filter as typed ("East of England", "QH8", "Thurrock CCG") or already resolved. */
  filter?: string | DigestFilter | null;
  /**
   * "overlap" (default): an imprecise date counts in every window it overlaps (right for a question
   * about a period). "start": only in the window holding its first day, so a daily digest does not
   * repeat "2020" on every day of the year.
   */
  imprecise?: 'overlap' | 'start';
}

const cache = new WeakMap<Knowledge, DigestEntry[]>();

/** Every dated entry of the knowledge (register changes and facts), computed once per snapshot. */
export function allDatedEntries(knowledge: Knowledge): DigestEntry[] {
  let entries = cache.get(knowledge);
  if (!entries) cache.set(knowledge, (entries = [...registerEntries(knowledge), ...factEntries(knowledge)]));
  return entries;
}

/** Dated entries in the window that match the filter, ordered by date then organisation. Throws FilterError for an unknown filter. */
export function changesInWindow(knowledge: Knowledge, options: WindowOptions): DigestEntry[] {
  const filter = typeof options.filter === 'string' ? resolveFilter(knowledge, options.filter) : (options.filter ?? null);
  const window = { start: options.from, end: options.to };
  const inWindow = (d: DateValue) => (options.imprecise === 'start' ? d.start >= window.start && d.start <= window.end : overlaps(d, window));
  return allDatedEntries(knowledge)
    .filter((e) => e.date && inWindow(e.date) && matchesFilter(e, filter))
    .map((e) => fileUnderFilter(e, filter))
    .sort(byDateThenOrganisation);
}

/** Orders entries by their date's first day, then the precise before the vague, then organisation and id. */
export function byDateThenOrganisation(a: DigestEntry, b: DigestEntry): number {
  return (
    (a.date?.start ?? '').localeCompare(b.date?.start ?? '') ||
    (a.date?.end ?? '').localeCompare(b.date?.end ?? '') ||
    (a.organisations[0] ?? '').localeCompare(b.organisations[0] ?? '') ||
    a.id.localeCompare(b.id)
  );
}
