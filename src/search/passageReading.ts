/**
 * Reading a passage to answer from it: the unit it answers as (a list with the line that introduces it, a
 * table row with its column names), the sentence that answers, and the answer itself where one stands (a
 * number for "how many", a name for "who", a date for "when"). Quotes stay verbatim: only what is shown
 * around them is rearranged.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { cellsOf, type Passage } from '../knowledge/documents.ts';
import { datesAt, datesIn, type DateMentionInText, type Links } from './linking.ts';
import { contentTerms } from './text.ts';
import { asksSum } from './answerType.ts';
import { personIn, type PersonContext } from './personInLine.ts';

/** What a passage answers as: the verbatim quote, and how it reads in an answer. */
export interface PassageUnit {
  passages: Passage[];
  /** Exact text of the document. */
  quote: string;
  /** One line, or an introducing line with "• item" lines. */
  display: string;
  /** The line that answers: a sentence, a list item, a table row. */
  lines: string[];
}

/** Where a passage sits in the knowledge's passages (links are kept by position). */
export function positionOf(k: Knowledge, p: Passage): number {
  return k.passages.positionOf(p);
}

/**
 * The passages of the same document from `before` places before `p` to `after` places after it, read by position:
 * a document's passages are held column-wise, and reading all of them to find a neighbour costs a whole document.
 */
export function neighbours(k: Knowledge, p: Passage, before: number, after: number): Passage[] {
  const at = positionOf(k, p);
  if (at < 0) return [p];
  const out: Passage[] = [];
  for (let i = Math.max(0, at - before); i <= Math.min(k.passages.length - 1, at + after); i++) {
    if (i === at) out.push(p);
    else if (k.passages.documentAt(i) === p.document) out.push(k.passages.at(i)!);
  }
  return out;
}

/** The texts of the neighbours of `p` (as `neighbours` finds them), in order, without making the passages. */
export function neighbourTexts(k: Knowledge, p: Passage, before: number, after: number): string[] {
  const at = positionOf(k, p);
  if (at < 0) return [p.text];
  const texts: string[] = [];
  for (let i = Math.max(0, at - before); i <= Math.min(k.passages.length - 1, at + after); i++) {
    if (i === at) texts.push(p.text);
    else if (k.passages.documentAt(i) === p.document) texts.push(k.passages.textAt(i));
  }
  return texts;
}

/** The items of the list a passage belongs to (they stand together, around it). */
function listItems(k: Knowledge, p: Passage): Passage[] {
  const at = positionOf(k, p);
  if (at < 0) return [p];
  const ps = k.passages;
  // Read from the columns: only the items found are made into passages.
  const same = (i: number) => ps.documentAt(i) === p.document && ps.kindOf(i) === 'list-item' && ps.listStartAt(i) === p.listStart;
  let from = at;
  while (from > 0 && same(from - 1)) from--;
  let to = at;
  while (to + 1 < ps.length && same(to + 1)) to++;
  const out: Passage[] = [];
  for (let i = from; i <= to; i++) out.push(i === at ? p : ps.at(i)!);
  return out;
}

/** The unit a passage answers as. */
export function unitOf(k: Knowledge, p: Passage): PassageUnit {
  const doc = k.documents.get(p.document);
  if (p.listStart !== undefined && p.listEnd !== undefined && doc) {
    const items = listItems(k, p);
    const lines = items.map((x) => x.text);
    return {
      passages: items,
      quote: doc.text.slice(p.listStart, p.listEnd),
      display: [...(p.intro ? [p.intro] : []), ...lines.map((l) => `• ${l}`)].join('\n'),
      lines,
    };
  }
  if (p.columns) {
    const line = rowLine(p);
    return { passages: [p], quote: p.text, display: line, lines: [line] };
  }
  return { passages: [p], quote: p.text, display: p.text, lines: sentences(p.text) };
}

/** "NHS Somerset CCG — Allocation 2018-19: £787m; Forecast outturn: £13.6m deficit". */
export function rowLine(p: Passage): string {
  const cells = cellsOf(p.text);
  const cols = p.columns ?? [];
  return `${cells[0]} — ${cells
    .slice(1)
    .map((c, i) => `${cols[i + 1] ?? ''}${cols[i + 1] ? ': ' : ''}${c}`)
    .join('; ')}`;
}

/**
 * "How much did the reviews deliver?" of a row "Continuing healthcare package reviews | 950 | 1,010" under
 * "Scheme | Target £k | Delivered £k": the figure of the one column whose name speaks to the question (`speaks`
 * compares terms), written with the column's unit ("£1,010k"). Null when no column, or several, speak to it.
 */
export function cellAsked(p: Passage, speaks: (term: string) => boolean): string | null {
  const cols = p.columns ?? [];
  const cells = cellsOf(p.text);
  const offset = cols.length - cells.length;
  const asked = cols.flatMap((c, i) => (i >= offset && /\d/.test(cells[i - offset] ?? '') && contentTerms(c).some(speaks) ? [i] : []));
  if (asked.length !== 1) return null;
  const cell = cells[asked[0] - offset].trim();
  const unit = /£\s?(k|m|bn|000s?)\b/i.exec(cols[asked[0]])?.[1].toLowerCase();
  const money = unit && !/^[£$€]/.test(cell) ? `£${cell}${unit.startsWith('000') ? ',000' : unit}` : cell;
  return `${money} (${cols[asked[0]].replace(/\s*\(?£\s?\w*\)?\s*$/, '').trim()})`;
}

/** Sentences of a paragraph (a full stop, question or exclamation mark before a capital or a quote). */
export function sentences(text: string): string[] {
  // "2. Accelerate plans …": a list number at the start is not a sentence of its own, nor an initial ("A. Smith").
  return text
    .split(/(?<!^\s*(?:\d{1,3}|[ivxIVX]{1,4})\.)(?<!\b[A-Z]\.)(?<=[.!?][”"’)]?)\s+(?=[A-Z“"‘(£0-9])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The line of a unit that shares most of the terms (a word of five letters or more matching on its first four,
 * so "savings" meets "save"), a line holding the kind of answer asked for counting one and a half more; ties: the
 * earlier. A line holding the answer that shares two of the terms answers before one without it that shares more
 * (the unit as a whole holds the names asked about, so one line may repeat them without answering).
 */
export function answeringLine(unit: PassageUnit, terms: string[], prefer?: (line: string) => boolean, light: Set<string> = new Set()): string {
  const scored = unit.lines.map((line, i) => {
    // "rebranded" holds "brand", as the passage's words are held (intents/passage.ts).
    const has = new Set(contentTerms(line).flatMap((t) => (t.length >= 6 && t.startsWith('re') ? [t, t.slice(2)] : [t])));
    const prefixes = new Set([...has].filter((t) => t.length >= 3).map((t) => t.slice(0, 4)));
    const hit = (t: string) => has.has(t) || (t.length >= 5 && prefixes.has(t.slice(0, 4))) || (t.length === 4 && has.has(t.slice(0, 3)));
    // A year says when, a word says what: "its allocation for the year" answers "the budget for 2017/18" before a
    // line about something else in 2017/18; so does a `light` term (the name of the person asked after).
    const shared = terms.filter(hit).reduce((n, t) => n + (/^\d{4}(_\d\d)?$/.test(t) || light.has(t) ? 0.5 : 1), 0);
    const answers = prefer?.(line) ?? false;
    return { line, i, score: shared + (answers ? 1.5 : 0) + (answers && shared >= 2 ? 100 : 0) };
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored[0]?.line ?? unit.display;
}

export type Wanted = 'number' | 'person' | 'date' | 'duration' | 'reference' | null;

/** What kind of answer the question asks for: "how many/much" a number, "how long" a duration, "what section" a reference, "who" a person, "when" a date. */
export function wantedKind(words: string[]): Wanted {
  const w = new Set(words);
  if (w.has('how') && (w.has('many') || w.has('much'))) return 'number';
  if (w.has('how') && w.has('long') && !w.has('ago')) return 'duration';
  if ((w.has('what') || w.has('which')) && (w.has('section') || w.has('clause') || w.has('regulation'))) return 'reference';
  if (words[0] === 'what' && ['proportion', 'percentage', 'share', 'fraction'].includes(words[1] ?? '')) return 'number';
  if (asksSum(words)) return 'number';
  if (w.has('who') || w.has('whom')) return 'person';
  if (w.has('when') || w.has('deadline') || (w.has('since') && words[0] === 'since') || (w.has('date') && w.has('what'))) return 'date';
  return null;
}

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred';
/** A part of an Act or a contract by its number: "section 14Z21", "clause 4.2", "regulation 17". */
const REFERENCE = /\b(?:section|clause|regulation|paragraph|schedule)\s+\d+[A-Z]*\d*(?:\.\d+)*/i;
/** A length of time: "six months", "a two to three year programme", "18-month". */
const DURATION_PHRASE = new RegExp(
  String.raw`\b(?:\d+|${NUMBER_WORDS}|a|an)(?:\s*(?:to|-|–|or)\s*(?:\d+|${NUMBER_WORDS}))?[\s-](?:years?|months?|weeks?|days?)\b`,
  'i',
);
const FRACTIONS = String.raw`(?:two|one|a) thirds?|(?:three|one|a) quarters?|(?:one |a )?half`;
const AMOUNT = new RegExp(
  String.raw`(?:£|\$|€)\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|m|k|million|billion))?|\b\d[\d,]*(?:\.\d+)?(?:\s?(?:per cent|%|million|billion|bn|m))?(?: of (?:the )?\d[\d,]*)?|\b(?:${FRACTIONS})\b|\b(?:${NUMBER_WORDS})(?: of (?:the )?(?:${NUMBER_WORDS}))?\b`,
  'gi',
);

/**
 * The answer standing in a line, when there is exactly one of the kind asked for: an amount or count (not a
 * date or a year), a person's name (not an organisation's), a date. Null when none stands, or several do.
 */
export function extractAnswer(kind: Wanted, line: string, context: PersonContext & { questionTerms: string[]; counted?: string[] }): string | null {
  if (!kind) return null;
  if (kind === 'date') {
    // A day or a month answers before a year: "by 28 April 2017" before "the plan for 2017/18".
    const dates = datesIn(line).filter((d) => !context.questionWords.includes(d.text.toLowerCase()));
    const precise = dates.filter((d) => d.precision !== 'year' && d.precision !== 'financial-year');
    const pick = (precise.length ? precise : dates)[0];
    if (!pick) return null;
    // "announced in summer 2014": a year is said with the season or part of it the line gives.
    const before = pick.precision === 'year' ? SEASON_BEFORE.exec(line.slice(0, line.indexOf(pick.text))) : null;
    return before ? `${before[1]} ${pick.text}` : pick.text;
  }
  if (kind === 'duration') return DURATION_PHRASE.exec(line)?.[0] ?? null;
  if (kind === 'reference') return REFERENCE.exec(line)?.[0] ?? null;
  if (kind === 'number') {
    const found = amountsIn(line);
    // "97 of the 101 practices": the count and what it is out of.
    const share = found.find((m) => / of /.test(m.text));
    if (share) return share.text;
    const attached = countOf(line, found, context.counted ?? []);
    if (attached) return attached;
    // "How much did it deliver?" asks a sum ("£3.525m", not "84%" beside it, nor "6 appeals"); "what proportion", a share.
    if (context.questionWords.includes('much') || context.questionWords.some((w) => SHARE_WORDS.includes(w))) {
      const share = context.questionWords.some((w) => SHARE_WORDS.includes(w));
      const sums = found.filter((m) => (share ? PERCENT : CURRENCY).test(m.text));
      return sums.length === 1 ? sums[0].text : null;
    }
    if (found.length === 1) return found[0].text;
    // A sum of money or a percentage is the answer beside counts such as "two years".
    const money = found.filter((m) => /[£$€%]|per cent/.test(m.text));
    if (money.length === 1) return money[0].text;
    // Several: the one nearest a word of the question, when it is clearly nearest.
    const near = (at: number) =>
      Math.min(
        ...context.questionTerms.map((t) => {
          const i = line.toLowerCase().indexOf(t, at);
          return i < 0 ? Infinity : i - at;
        }),
      );
    const ranked = found.map((m) => ({ ...m, d: near(m.at) })).sort((a, b) => a.d - b.d);
    return ranked.length && ranked[0].d < 40 && (ranked.length === 1 || ranked[1].d - ranked[0].d > 15) ? ranked[0].text : null;
  }
  return personIn(line, context);
}

/** The amounts and counts in a line, with where each stands: not a date or a year. */
function amountsIn(line: string): { text: string; at: number }[] {
  const dates = datesIn(line).map((d) => [line.indexOf(d.text), line.indexOf(d.text) + d.text.length]);
  return [...line.matchAll(AMOUNT)]
    .filter((m) => !dates.some(([a, b]) => m.index! < b && m.index! + m[0].length > a))
    .map((m) => ({ text: m[0].trim(), at: m.index! }))
    .filter((m) => !/^(19|20)\d\d$/.test(m.text) && !ORDINAL_NOUN.test(line.slice(Math.max(0, m.at - 8), m.at)));
}

/** A season or part of a year said just before a year: "summer 2014", "early 2019", "the end of 2016". */
const SEASON_BEFORE = /\b((?:early|mid|late|the end of|the start of|the beginning of|spring|summer|autumn|winter)(?: of)?)\s+$/i;

/** A number that names a period or a step rather than counting: "month 10", "wave 2", "phase 1", "Q3". */
const ORDINAL_NOUN = /\b(?:month|week|wave|phase|stage|tranche|quarter|q|year|day|item|table|figure|section)\s*$/i;
/** Words asking for a share rather than a sum: "what proportion", "how much of the target in per cent". */
const SHARE_WORDS = ['proportion', 'percentage', 'percent', 'share', 'fraction'];
const CURRENCY = /^[£$€]|\b(?:million|billion|bn)$/;
const PERCENT = /%|per cent$/;

/**
 * "How many CCGs …": the one count standing right before the word counted, at most one word between ("the seven
 * CCGs in Essex", "five local authorities"). `counted` holds the counted word's terms.
 */
export function countOf(line: string, found = amountsIn(line), counted: string[] = []): string | null {
  if (!counted.length) return null;
  const before = found.filter((m) => {
    const rest = line.slice(m.at + m.text.length);
    // "two thirds of the practices": the word counted may follow "of (the)", straight after.
    const ofThe = rest.match(/^\s+of(?:\s+the)?\s+([\w’'-]+)/);
    const next = rest.match(/^\s+([\w’'-]+)(?:\s+([\w’'-]+))?/);
    const words = ofThe ? [ofThe[1]] : (next?.slice(1) ?? []);
    return words.some((w) => w !== undefined && contentTerms(w).some((t) => counted.includes(t)));
  });
  return before.length === 1 ? before[0].text : null;
}

/** Dates a unit speaks to: in its text, its heading, its column names or introducing line. */
export function unitDates(unit: PassageUnit, links: Links, k: Knowledge): DateMentionInText[] {
  const out: DateMentionInText[] = [];
  for (const p of unit.passages) {
    out.push(...datesAt(links, positionOf(k, p)));
    out.push(...datesIn([p.section, p.intro, ...(p.columns ?? [])].filter(Boolean).join(' · ')));
  }
  return out;
}

/**
 * "sarah bickerstaffe", typed in lower case: each pair of words the question has side by side that a text names
 * together as a person ("Sarah Bickerstaffe"), as [first, surname]. A passage naming the surname names that person.
 */
export function namedPairs(words: string[], text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [first, last] = [words[i], words[i + 1]];
    if (!/^[a-z'’-]{2,}$/.test(first) || !/^[a-z'’-]{3,}$/.test(last)) continue;
    if (new RegExp(`\\b${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}\\b`).test(text)) pairs.push([first, last]);
  }
  return pairs;
}

/** A reason said outright ("because", "arise from"). */
const CAUSE_WORDS = String.raw`because|due to|owing to|as a result|the reason|reasons?|driven by|in response to|aris(?:e|es|ing) from|stems? from|caused by|result(?:s|ed)? from|the result of`;
/** A purpose ("in order to", "would let us", "to improve …"). */
const PURPOSE_WORDS = String.raw`in order to|so that|so as to|aims? to|intended to|would [“"]?(?:let|allow|mean|give|enable)|to (?:help|allow|enable|reduce|improve|bring|give|make|create|deliver|achieve|ensure|address|cut|save|simplify|streamline|strengthen|support|form)`;
/** Words that give a reason (a curated "Why:" line, "because", "so that", "would let us", "to reduce …"): they answer a "why". */
export const REASON = new RegExp(String.raw`\bWhy:|\b(?:${CAUSE_WORDS}|${PURPOSE_WORDS})\b`, 'i');
/** A reason said outright, where REASON also takes a purpose ("to improve services"). */
export const CAUSE = new RegExp(String.raw`\bWhy:|\b(?:${CAUSE_WORDS})\b`, 'i');
