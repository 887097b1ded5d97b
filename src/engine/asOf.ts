/**
 * How recent the knowledge is, said honestly: present-tense statements are true as of the newest source
 * document, and the register's own (later) dates are stated apart. Answers, the App Home and digests
 * all say it in these words.
 */
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { formatDay } from '../knowledge/dates.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';

/** The newest document's publication month ("October 2019"), or its year when that is all it gives. */
export function newestSourceLabel(k: Knowledge): string {
  let label = sourceLabels.get(k);
  if (label === undefined) sourceLabels.set(k, (label = newestSourceOf(k)));
  return label;
}

// Every present-tense answer quotes it: worked out once per Knowledge (a snapshot never changes), not at each answer.
const sourceLabels = new WeakMap<Knowledge, string>();

function newestSourceOf(k: Knowledge): string {
  const newest = [...k.documents.values()]
    .map((d) => d.published)
    .sort()
    .at(-1);
  if (!newest) return 'no documents';
  return /^\d{4}$/.test(newest) ? newest : format(parseISO(newest.length === 7 ? `${newest}-01` : newest), 'MMMM yyyy');
}

/** The newest open or close date in the NHS organisation register ("24 July 2024"). */
export function newestRegisterLabel(k: Knowledge): string {
  const dates = [...k.organisations.values()]
    .filter((o) => o.inRegister)
    .flatMap((o) => [o.opened, o.closed])
    .filter((d): d is string => !!d);
  const newest = dates.sort().at(-1);
  return newest ? formatDay(newest) : 'no date';
}

/** "As of the newest source (October 2019).": the line under an answer that speaks of the present. */
export function asOfLine(sourcesAsOf: string): string {
  return `As of the newest source (${sourcesAsOf}).`;
}

/** "the register's dates run to 24 July 2024": the register, dated apart from the documents. */
export function registerDates(registerAsOf: string): string {
  return `the register’s dates run to ${registerAsOf}`;
}

/** "As of the newest source (October 2019); the register’s dates run to 24 July 2024.": a digest's dating, the register apart. */
export function datedApart(sourcesAsOf: string, registerAsOf: string): string {
  return `${asOfLine(sourcesAsOf).slice(0, -1)}; ${registerDates(registerAsOf)}.`;
}
