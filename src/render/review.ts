/**
 * The review of what the bot missed, three ways: a terminal table (`npm run review`), CSV
 * (`npm run review -- --csv`) and Block Kit (`/commissioning review`). The store builds the report.
 */
import type { KnownBlock } from './slackTypes.ts';
import { LIMITS, note, packMessages, sections, type SlackMessage } from './blockLimits.ts';
import { escapeAndTruncate, escapeSlack, plainText } from './escape.ts';

/** One question in the review, as the renderers show it (the store builds the report: src/store/review.ts). */
export interface ReviewItem {
  question: string;
  /** The intent it came near (unanswered) or was answered under (👎). */
  intent: string | null;
  count: number;
  /** ISO instants of the first and the latest time. */
  first: string;
  last: string;
  /** Why it was declined (unanswered), or what people said was wrong (👎: "wrong ×2, out-of-date"). */
  reasons: string[];
  /** Notes people left in the 👎 modal, newest first. */
  notes: string[];
  /** Documents the 👎 answers cited. */
  documents: string[];
}

/** Both lists, most frequent first. */
export interface ReviewReport {
  since: string | null;
  unanswered: ReviewItem[];
  downvoted: ReviewItem[];
}

const day = (iso: string) => iso.slice(0, 10);
const dates = (i: ReviewItem) => (day(i.first) === day(i.last) ? day(i.last) : `${day(i.first)} to ${day(i.last)}`);

/** The review as a person reads it in a terminal. */
export function reviewToText(r: ReviewReport): string {
  const block = (title: string, items: ReviewItem[], empty: string) => {
    if (items.length === 0) return `${title}\n  ${empty}`;
    return [
      title,
      ...items.map((i) => {
        const extra = [i.intent ? `intent ${i.intent}` : '', i.reasons.join(', '), ...i.notes.slice(0, 2).map((n) => `“${n}”`)].filter(Boolean).join(' · ');
        return `  ${String(i.count).padStart(4)}×  ${i.question}\n         ${dates(i)}${extra ? ` · ${extra}` : ''}`;
      }),
    ].join('\n');
  };
  return [
    `Review${r.since ? ` since ${day(r.since)}` : ''}: what the bot could not answer, and answers marked 👎 (most frequent first).`,
    block('Unanswered questions', r.unanswered, 'none recorded'),
    block('Answers marked 👎 Not helpful', r.downvoted, 'none recorded'),
  ].join('\n\n');
}

const CSV_COLUMNS = ['list', 'question', 'count', 'first', 'last', 'intent', 'reasons', 'notes', 'documents'] as const;

/** Both lists as one CSV (RFC 4180), a `list` column saying which; cells are guarded against spreadsheet formulas. */
export function reviewToCsv(r: ReviewReport): string {
  const rows = [...r.unanswered.map((i) => ['unanswered', i] as const), ...r.downvoted.map((i) => ['not-helpful', i] as const)].map(([list, i]) => [
    list,
    i.question,
    String(i.count),
    i.first,
    i.last,
    i.intent ?? '',
    i.reasons.join('; '),
    i.notes.join(' | '),
    i.documents.join('; '),
  ]);
  return [CSV_COLUMNS.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** A CSV cell: quoted when needed; a leading = + - @ is prefixed with ' so a spreadsheet never runs it. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** How many questions of each list Slack shows; the CSV has them all. */
export const REVIEW_SLACK_ITEMS = 10;

/** The review as private messages for an admin. */
export function renderReview(r: ReviewReport): SlackMessage[] {
  const list = (title: string, items: ReviewItem[]) => {
    if (items.length === 0) return sections(`*${title}*\n_None recorded._`);
    const lines = items.slice(0, REVIEW_SLACK_ITEMS).map((i) => {
      const extra = [
        i.intent ? `_${escapeSlack(i.intent)}_` : '',
        escapeSlack(i.reasons.join(', ')),
        ...i.notes.slice(0, 1).map((n) => `“${escapeAndTruncate(n, 200)}”`),
      ]
        .filter(Boolean)
        .join(' · ');
      return `• *${i.count}×* ${escapeAndTruncate(i.question, 300)}\n   ${dates(i)}${extra ? ` · ${extra}` : ''}`;
    });
    const more = items.length > REVIEW_SLACK_ITEMS ? [note(`…and ${items.length - REVIEW_SLACK_ITEMS} more in the CSV.`)] : [];
    return [...sections(`*${title}*\n${lines.join('\n')}`), ...more];
  };
  const body: KnownBlock[] = [
    { type: 'header', text: plainText('What the bot missed') },
    note(`Most frequent first${r.since ? `, since ${day(r.since)}` : ''}. For everything as CSV, run \`npm run review -- --csv\` where the app runs.`),
    ...list('Unanswered questions', r.unanswered),
    { type: 'divider' },
    ...list('Answers marked 👎 Not helpful', r.downvoted),
  ];
  return packMessages(body, { fallback: 'What the bot missed: unanswered questions and answers marked not helpful', continuation: 'below' }).map((m) => ({
    ...m,
    blocks: m.blocks.slice(0, LIMITS.blocksPerMessage),
  }));
}
