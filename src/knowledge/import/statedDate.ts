/**
 * The date a document gives itself near its start, read from its text: a labelled date ("Date of meeting:
 * 14 February 2020", "Published 12 March 2020"), the date on a short line naming the meeting a paper is for
 * ("Governing bodies meeting in common, 6 February 2020."), a line that is only a date, or else a board paper's
 * reporting period ("Month 9 2019/20", the month it reports to). This is the document's date, where a PDF's own
 * information holds only when the file was made.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?';
/** A day-precision date, as people write them: "6 February 2020", "6th Feb 2020", "February 6, 2020", "2020-02-06", "06/02/2020". */
const DAY_DATE = new RegExp(
  `${WEEKDAY}(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4})|${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})/(\\d{1,2})/(\\d{4}))`,
  'i',
);
const MONTH_DATE = new RegExp(`${MONTH}\\s+(\\d{4})`, 'i');
const LABEL =
  /\b(?:date\s+of\s+(?:the\s+)?(?:meeting|publication|issue|report|paper|board)|meeting\s+date|publication\s+date|date\s+(?:published|issued)|report\s+date|date|dated|published|issued|(?:last\s+)?updated)(?:\s+on)?\s*[:\-–]?\s*$/i;
const MEETING = /\b(?:meeting|meets|met|committee|board|governing\s+bod(?:y|ies)|held)\b/i;
const PERIOD = /\bmonth\s+(\d{1,2})\b,?\s+(?:of\s+)?(\d{4})\s*[/-]\s*(\d{2})\b/i;

export interface StatedDate {
  /** "2020-02-06", or "2019-12" for a month. */
  date: string;
  /** The words the date was read from, as the document has them. */
  quote: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A day-precision match read as "yyyy-mm-dd" (null when it is no calendar day). */
function dayOf(m: RegExpExecArray): string | null {
  let [d, mo, y]: number[] = [];
  if (m[1]) [d, mo, y] = [Number(m[1]), monthNo(m[2]), Number(m[3])];
  else if (m[4]) [d, mo, y] = [Number(m[5]), monthNo(m[4]), Number(m[6])];
  else if (m[7]) [d, mo, y] = [Number(m[9]), Number(m[8]), Number(m[7])];
  else [d, mo, y] = [Number(m[10]), Number(m[11]), Number(m[12])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

const monthNo = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/** The date the text states near its start (its first lines), or null when it states none there. */
export function statedDate(text: string, opts: { lines?: number } = {}): StatedDate | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, opts.lines ?? 12);
  // A labelled date: the label right before the date.
  for (const line of lines) {
    for (const m of line.matchAll(new RegExp(DAY_DATE.source, 'gi'))) {
      if (!LABEL.test(line.slice(0, m.index))) continue;
      const day = dayOf(m);
      if (day) return { date: day, quote: quoteAround(line, m.index, m[0].length) };
    }
    for (const m of line.matchAll(new RegExp(MONTH_DATE.source, 'gi'))) {
      if (LABEL.test(line.slice(0, m.index)) && !DAY_DATE.test(line.slice(Math.max(0, m.index - 4), m.index + m[0].length)))
        return { date: `${m[2]}-${pad(monthNo(m[1]))}`, quote: quoteAround(line, m.index, m[0].length) };
    }
  }
  // The meeting a paper is for, on a short line of its own, or a line that is only a date.
  for (const line of lines.slice(0, 8)) {
    const m = DAY_DATE.exec(line);
    if (!m) continue;
    const only = line.replace(m[0], '').replace(/[\s.,;:–-]/g, '') === '';
    const meeting = line.length <= 120 && MEETING.test(line.slice(0, m.index)) && !/\b(?:since|from|until|by|before|after)\s*$/i.test(line.slice(0, m.index));
    const day = (only || meeting) && dayOf(m);
    if (day) return { date: day, quote: quoteAround(line, m.index, m[0].length) };
  }
  // A board paper's reporting period: month 1 is April of the financial year.
  for (const line of lines.slice(0, 8)) {
    const m = PERIOD.exec(line);
    if (!m || Number(m[3]) !== (Number(m[2]) + 1) % 100 || Number(m[1]) < 1 || Number(m[1]) > 12) continue;
    const month = Number(m[1]) + 3;
    const year = Number(m[2]) + (month > 12 ? 1 : 0);
    return { date: `${year}-${pad(month > 12 ? month - 12 : month)}`, quote: m[0] };
  }
  return null;
}

/** The clause holding the date, at most the line: what a person checks the date against. */
function quoteAround(line: string, at: number, length: number): string {
  const before = line.slice(0, at);
  const start = Math.max(before.lastIndexOf('. ') + 1, 0);
  const after = line.slice(at + length);
  const stop = after.search(/[.;](?:\s|$)/);
  return line.slice(start, at + length + (stop >= 0 ? stop : after.length)).trim();
}
