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
      const part = edge ? null : partOfMonth(words, i - 1, year, m);
      const v = part ?? (edge ? value(`${w}-${pad(m)}-${pad(edge.edge === 'end' ? lastDay(year, m) : 1)}`) : value(`${w}-${pad(m)}`));
      if (v) out.push({ value: v, from: i - 1 - (edge?.words ?? (part ? 1 : 0)), to: i + 1 });
    } else {
      const part = partOfYear(words, i, year);
      const v = part?.value ?? value(w);
      if (v) out.push({ value: v, from: i - (part?.words ?? 0), to: i + 1 });
    }
  }
  return out;
}

/** The months of a season ("the summer of 2018"); winter, which spans two years, is left unread. */
const SEASONS: Record<string, [from: number, to: number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11] };
/** The months of a part of a year ("early 2016") and the days of a part of a month ("early March 2016"). */
const PARTS: Record<string, { months: [number, number]; days: [number, number] }> = {
  early: { months: [1, 4], days: [1, 10] },
  mid: { months: [5, 8], days: [11, 20] },
  late: { months: [9, 12], days: [21, 31] },
};

/** A span of days read as a person means it: `label` as "summer 2018". */
function span(from: string, to: string, label: string): DateValue {
  return { precision: 'vague', start: from, end: to, label, value: label };
}

/**
 * "The start of 2015" is 1 January 2015, "the end of 2015" 31 December; "the summer of 2018", "early 2016" and
 * "late 2019" are the months they cover. The words before the year that say so, and how many they take.
 */
function partOfYear(words: string[], at: number, year: number): { value: DateValue; words: number } | null {
  const edge = edgeOfMonth(words, at);
  if (edge) {
    const day = edge.edge === 'start' ? `${year}-01-01` : `${year}-12-31`;
    return { value: parseDateInput(day) as DateValue, words: edge.words };
  }
  const of = words[at - 1] === 'of' ? 1 : 0;
  const word = words[at - 1 - of];
  const season = SEASONS[word ?? ''];
  const part = PARTS[word ?? ''];
  const months = season ?? part?.months;
  if (!months) return null;
  const the = words[at - 2 - of] === 'the' ? 1 : 0;
  const value = span(`${year}-${pad(months[0])}-01`, `${year}-${pad(months[1])}-${pad(lastDay(year, months[1]))}`, `${word} ${year}`);
  return { value, words: 1 + of + the };
}

/** "Early March 2016" is 1 to 10 March, "late March" 21 to 31: the word before a month, when it says which part. */
function partOfMonth(words: string[], at: number, year: number, month: number): DateValue | null {
  const part = PARTS[words[at - 1] ?? ''];
  if (!part) return null;
  const last = Math.min(part.days[1], lastDay(year, month));
  return span(
    `${year}-${pad(month)}-${pad(part.days[0])}`,
    `${year}-${pad(month)}-${pad(last)}`,
    `${words[at - 1]} ${MONTH_NAMES[month - 1].replace(/^./, (c) => c.toUpperCase())} ${year}`,
  );
}
