/** Date phrases in questions: "2017", "April 2018", "31 March 2017", "2016-17". */
import type { DateValue } from '../knowledge/dates.ts';
import { financialYearValue, MONTH_NAMES, monthValue, parseDateInput } from '../knowledge/dates.ts';

export interface DateMention {
  value: DateValue;
  from: number;
  to: number;
}

const SHORT = MONTH_NAMES.map((m) => m.slice(0, 3));
const monthOf = (w: string) => {
  const i = MONTH_NAMES.indexOf(w);
  return i >= 0 ? i + 1 : SHORT.indexOf(w) >= 0 && w !== 'may' ? SHORT.indexOf(w) + 1 : 0;
};
const pad = (n: number) => String(n).padStart(2, '0');

const dayOf = (w: string | undefined) => {
  const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(w ?? '');
  const n = m ? Number(m[1]) : 0;
  return n >= 1 && n <= 31 ? n : 0;
};
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * "the end of March 2020" is 31 March 2020 and "the start of April 2020" 1 April 2020: the words before a month
 * that pick its first or last day, and how many words they take.
 */
function edgeOfMonth(words: string[], at: number): { edge: 'start' | 'end'; words: number } | null {
  const before = words.slice(Math.max(0, at - 3), at);
  const edge = (w: string | undefined) => (w === 'end' ? 'end' : w === 'start' || w === 'beginning' ? 'start' : null);
  const last = before.at(-1);
  const e = last === 'of' ? edge(before.at(-2)) : null;
  if (!e) return null;
  return { edge: e, words: before.at(-3) === 'the' ? 3 : 2 };
}

/** Finds dates in normalised words (financial years arrive as "2016_17"). */
export function findDates(words: string[]): DateMention[] {
  const out: DateMention[] = [];
  const value = (input: string) => {
    const v = parseDateInput(input);
    return typeof v === 'string' ? null : v;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const fy = /^(\d{4})_(\d{2})$/.exec(w);
    if (fy) {
      // In a question "2011-12" is read as the financial year (people write months in words); "2018-04" is April 2018.
      const year = Number(fy[1]);
      const second = Number(fy[2]);
      const v = second === (year + 1) % 100 ? financialYearValue(year) : second >= 1 && second <= 12 ? monthValue(year, second) : null;
      if (v) out.push({ value: v, from: i, to: i + 1 });
      continue;
    }
    if (!/^(19|20)\d\d$/.test(w)) continue;
    const year = Number(w);
    // "31/03/2020" arrives as 31 03 2020: day and month as numbers, British order.
    const numericMonth = i > 1 && /^\d{1,2}$/.test(words[i - 1]) ? Number(words[i - 1]) : 0;
    if (numericMonth >= 1 && numericMonth <= 12 && dayOf(words[i - 2]) && !monthOf(words[i - 3] ?? '')) {
      const v = value(`${w}-${pad(numericMonth)}-${pad(dayOf(words[i - 2]))}`);
      if (v) out.push({ value: v, from: i - 2, to: i + 1 });
      continue;
    }
    // "March 31st 2020" as well as "31 March 2020".
    const monthDay = i > 1 && dayOf(words[i - 1]) ? monthOf(words[i - 2]) : 0;
    if (monthDay) {
      const v = value(`${w}-${pad(monthDay)}-${pad(dayOf(words[i - 1]))}`);
      if (v) out.push({ value: v, from: i - 2, to: i + 1 });
      continue;
    }
    const m = i > 0 ? monthOf(words[i - 1]) : 0;
    const day = i > 1 && m ? dayOf(words[i - 2]) : 0;
    if (m && day) {
      const v = value(`${w}-${pad(m)}-${pad(day)}`);
      if (v) out.push({ value: v, from: i - 2, to: i + 1 });
    } else if (m) {
      const edge = edgeOfMonth(words, i - 1);
      const v = edge ? value(`${w}-${pad(m)}-${pad(edge.edge === 'end' ? lastDay(year, m) : 1)}`) : value(`${w}-${pad(m)}`);
      if (v) out.push({ value: v, from: i - 1 - (edge?.words ?? 0), to: i + 1 });
    } else {
      const v = value(w);
      if (v) out.push({ value: v, from: i, to: i + 1 });
    }
  }
  return out;
}
