/** Date phrases in questions: "2017", "April 2018", "31 March 2017", "2016-17". */
import type { DateValue } from '../knowledge/dates.ts';
import { financialYearValue, monthValue, parseDateInput } from '../knowledge/dates.ts';

export interface DateMention {
  value: DateValue;
  from: number;
  to: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SHORT = MONTHS.map((m) => m.slice(0, 3));
const monthOf = (w: string) => {
  const i = MONTHS.indexOf(w);
  return i >= 0 ? i + 1 : SHORT.indexOf(w) >= 0 && w !== 'may' ? SHORT.indexOf(w) + 1 : 0;
};
const pad = (n: number) => String(n).padStart(2, '0');

/** Finds dates in normalised words (financial years arrive as "2016_17"). */
export function findDates(words: string[]): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const fy = /^(\d{4})_(\d{2})$/.exec(w);
    const value = (input: string) => {
      const v = parseDateInput(input);
      return typeof v === 'string' ? null : v;
    };
    if (fy) {
      // In a question "2011-12" is read as the financial year (people write months in words); "2018-04" is April 2018.
      const year = Number(fy[1]);
      const second = Number(fy[2]);
      const v = second === (year + 1) % 100 ? financialYearValue(year) : second >= 1 && second <= 12 ? monthValue(year, second) : null;
      if (v) out.push({ value: v, from: i, to: i + 1 });
      continue;
    }
    if (!/^(19|20)\d\d$/.test(w)) continue;
    const m = i > 0 ? monthOf(words[i - 1]) : 0;
    const day = i > 1 && m ? Number(words[i - 2]) : 0;
    if (m && day >= 1 && day <= 31) {
      const v = value(`${w}-${pad(m)}-${pad(day)}`);
      if (v) out.push({ value: v, from: i - 2, to: i + 1 });
    } else if (m) {
      const v = value(`${w}-${pad(m)}`);
      if (v) out.push({ value: v, from: i - 1, to: i + 1 });
    } else {
      const v = value(w);
      if (v) out.push({ value: v, from: i, to: i + 1 });
    }
  }
  return out;
}
