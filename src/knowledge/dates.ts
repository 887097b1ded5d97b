/** Dates with their precision, as the sources give them: a day, a month, a year, a financial year, or vague words. */
import { endOfMonth } from 'date-fns/endOfMonth';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import type { DateInput } from './schemas.ts';

export type Precision = 'day' | 'month' | 'year' | 'financial-year' | 'vague';

export interface DateValue {
  precision: Precision;
  /** First and last day the date can mean, ISO yyyy-mm-dd (a financial year runs 1 April to 31 March). */
  start: string;
  end: string;
  /** As a person in the UK reads it: "31 March 2017", "April 2017", "2017", "2016-17", "later in 2017". */
  label: string;
  /** The value as written in the facts. */
  value: string;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** Parses a date as written in seeds/facts; returns an error message (what to write instead) when it does not parse. */
export function parseDateInput(input: DateInput): DateValue | string {
  const value = typeof input === 'string' ? input.trim() : input.value.trim();
  const parsed = parsePrecise(value);
  if (typeof parsed === 'string') return parsed;
  if (typeof input !== 'string') return { ...parsed, precision: 'vague', label: input.text };
  return parsed;
}

/** The months in order, as question and document words are normalised (lower case). */
export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A written date: 2017-03-31 (a day), 2017-03 or "March 2017" (a month), 2017 (a year), 2016-17 or
 * 2016/17 (a financial year). "2011-12" could be December 2011 or the financial year 2011-12, so it
 * is refused with both unambiguous spellings rather than read one way silently.
 */
function parsePrecise(value: string): DateValue | string {
  const slash = /^(\d{4})\/(\d{2})$/.exec(value);
  if (slash) return isFinancialYear(slash) ? financialYearValue(Number(slash[1]), value) : bad(value);
  const dashed = /^(\d{4})-(\d{2})$/.exec(value);
  if (dashed) {
    const month = Number(dashed[2]);
    const isMonth = month >= 1 && month <= 12;
    if (isFinancialYear(dashed) && isMonth) return ambiguous(value, Number(dashed[1]), month);
    if (isFinancialYear(dashed)) return financialYearValue(Number(dashed[1]), value);
    return isMonth ? monthValue(Number(dashed[1]), month, value) : bad(value);
  }
  const named = /^([A-Za-z]+) (\d{4})$/.exec(value);
  if (named && MONTH_NAMES.includes(named[1].toLowerCase())) return monthValue(Number(named[2]), MONTH_NAMES.indexOf(named[1].toLowerCase()) + 1, value);
  if (/^\d{4}$/.test(value)) return { precision: 'year', start: `${value}-01-01`, end: `${value}-12-31`, label: value, value };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = parseISO(value);
    if (!isValid(d) || iso(d) !== value) return bad(value);
    return { precision: 'day', start: value, end: value, label: format(d, 'd MMMM yyyy'), value };
  }
  return bad(value);
}

/** True when "yyyy-yy" (or "yyyy/yy") names consecutive years: 2016-17, 1999/00. */
const isFinancialYear = (m: RegExpExecArray) => Number(m[2]) === (Number(m[1]) + 1) % 100;

/** A calendar month; `value` is how it was written (default yyyy-mm). */
export function monthValue(year: number, month: number, value = `${year}-${String(month).padStart(2, '0')}`): DateValue {
  const d = parseISO(`${year}-${String(month).padStart(2, '0')}-01`);
  return { precision: 'month', start: iso(d), end: iso(endOfMonth(d)), label: format(d, 'MMMM yyyy'), value };
}

/** The NHS financial year starting 1 April of `startYear`, labelled "2016-17". */
export function financialYearValue(startYear: number, value?: string): DateValue {
  const label = `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
  return { precision: 'financial-year', start: `${startYear}-04-01`, end: `${startYear + 1}-03-31`, label, value: value ?? label };
}

const ambiguous = (value: string, year: number, month: number) =>
  `"${value}" could be ${format(parseISO(`${value}-01`), 'MMMM yyyy')} or the financial year ${year}-${String(month).padStart(2, '0')}: write "${format(parseISO(`${value}-01`), 'MMMM yyyy')}" for the month, or "${year}/${String(month).padStart(2, '0')}" for the financial year`;

const bad = (value: string) =>
  `"${value}" is not a date: write 2017-03-31 (a day), 2017-03 or March 2017 (a month), 2017 (a year), 2016-17 or 2016/17 (a financial year), or {value: "2017", text: "later in 2017"} for a vague date`;

/** A register date (YYYYMMDD) as ISO, or null when blank. */
export function registerDate(yyyymmdd: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Days whose labels are kept (the register's opening and closing dates are a few thousand). */
const DAY_LABELS = 10_000;
const dayLabels = new Map<string, string>();

/** An ISO day as a person reads it: "31 March 2017". */
export function formatDay(isoDay: string): string {
  // Answers about the register format the same few thousand days again and again: each is formatted once.
  let label = dayLabels.get(isoDay);
  if (label === undefined) {
    if (dayLabels.size >= DAY_LABELS) dayLabels.clear();
    dayLabels.set(isoDay, (label = format(parseISO(isoDay), 'd MMMM yyyy')));
  }
  return label;
}

/** A day-precision DateValue from an ISO day. */
export function dayValue(isoDay: string): DateValue {
  return { precision: 'day', start: isoDay, end: isoDay, label: formatDay(isoDay), value: isoDay };
}

/** True when two date ranges overlap (inclusive, ISO strings compare as dates). */
export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}
