/** Sources and verbatim quotes in Block Kit: the numbered Sources context and the "Show quotes" blocks. */
import type { Citation } from '../engine/answer.ts';
import type { KnownBlock } from './slackTypes.ts';
import { contexts, LIMITS, sections, splitText } from './blockLimits.ts';
import { escapeSlack, link, mrkdwn, truncate } from './escape.ts';
import { isRegisterCitation, registerFields, registerPlace, registerRowAbout, REGISTER_SOURCE_NAME } from './registerRows.ts';

/** "[1] Title · Publisher · April 2017" (or "[1] [4] …" for several citations of one source), the title linked when there is a URL. */
export function sourceLine(citation: Citation, n: number | number[]): string {
  const numbers = (Array.isArray(n) ? n : [n]).map((k) => `[${k}]`).join(' ');
  return `*${numbers}* ${sourceLabel(citation)}`;
}

/** "Title · Publisher · April 2017", the title linked when there is a URL: a document as a person reads it. */
export function sourceLabel(citation: Citation): string {
  const parts = [link(citation.url, citation.title || citation.document)];
  if (citation.publisher) parts.push(escapeSlack(citation.publisher));
  if (citation.published) parts.push(escapeSlack(citation.published));
  return parts.join(' · ');
}

/** "NHS organisation register (ODS), 3 rows": the one line a list of register rows collapses into. */
export function registerSourceName(rows: number): string {
  return `${REGISTER_SOURCE_NAME}, ${rows} row${rows === 1 ? '' : 's'}`;
}

/**
 * The compact numbered Sources context: a "Sources" label, then one element per document ("[2] [3]
 * Title · Publisher · date", linked), and the register's rows as one element ("[1] [4] NHS
 * organisation register (ODS), 2 rows"); at most ten elements a block. `first` numbers the first
 * citation (pages of a long answer number on from the answer's own).
 */
export function sourcesBlocks(citations: Citation[], first = 1): KnownBlock[] {
  return contexts(sourceLines(citations, first));
}

/** The Sources label and lines, for sourcesBlocks and for renderers that lay them out themselves. */
export function sourceLines(citations: Citation[], first = 1): string[] {
  return numberedSourceLines(citations.map((citation, i) => ({ citation, n: i + first })));
}

/** A source as a person reads it: a document once with every number citing it, or the register's rows together. */
export interface SourceGroup {
  numbers: number[];
  /** The document (its first citation), or the first register row. */
  citation: Citation;
  register: boolean;
}

/**
 * Citations that keep their numbers from a longer list (a page of a long answer, a section of a card)
 * grouped as sources: each document once with all its numbers, the register rows as one source, in the
 * order of their first number. Slack and the terminal each lay the groups out.
 */
export function groupSources(numbered: { citation: Citation; n: number }[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const { citation: c, n } of numbered) {
    const register = isRegisterCitation(c);
    const key = register ? 'register' : JSON.stringify([c.document, c.title, c.url ?? null]);
    const group = groups.get(key) ?? { numbers: [], citation: c, register };
    group.numbers.push(n);
    groups.set(key, group);
  }
  // In the order of their first number, so [1] comes first whichever kind of source it is.
  return [...groups.values()].sort((a, b) => a.numbers[0]! - b.numbers[0]!);
}

/** The Sources label and one line a source ("*[2] [3]* Title · Publisher · date", "*[1]* NHS organisation register (ODS), 2 rows"). */
export function numberedSourceLines(numbered: { citation: Citation; n: number }[]): string[] {
  if (numbered.length === 0) return [];
  const lines = groupSources(numbered).map((g) =>
    g.register ? `*${g.numbers.map((k) => `[${k}]`).join(' ')}* ${registerSourceName(g.numbers.length)}` : sourceLine(g.citation, g.numbers),
  );
  return ['*Sources*', ...lines];
}

/** Citation markers for a statement: " [1][3]" (1-based, matching the Sources list). */
export function markers(cites: number[], citationCount: number): string {
  const valid = [...new Set(cites)].filter((c) => Number.isInteger(c) && c >= 0 && c < citationCount).sort((a, b) => a - b);
  return valid.length === 0 ? '' : ' ' + valid.map((c) => `[${c + 1}]`).join('');
}

/**
 * One citation's verbatim passage as quoted sections: a heading line, then the passage (split,
 * never cut). A register row shows as labelled fields, with the row as it stands in its CSV below.
 */
export function quoteBlocks(citation: Citation, n: number): KnownBlock[] {
  if (isRegisterCitation(citation)) return registerQuoteBlocks(citation, n);
  const heading = sourceLine(citation, n);
  const quoted = splitText(escapeSlack(citation.quote), LIMITS.sectionText - 400).map(asBlockquote);
  const [first, ...rest] = quoted;
  return [...sections(`${heading}\n${first ?? ''}`), ...rest.flatMap((piece) => sections(piece))];
}

function registerQuoteBlocks(citation: Citation, n: number): KnownBlock[] {
  const fields = registerFields(citation).slice(0, LIMITS.sectionFields);
  // What the row shows (the organisation's name and code, the field and its date), when its citation says.
  const about = registerRowAbout(citation);
  const heading = `*[${n}]* ${REGISTER_SOURCE_NAME} · ${escapeSlack(registerPlace(citation))}${about ? `\n${escapeSlack(about)}` : ''}`;
  return [
    ...sections(heading),
    ...(fields.length > 0
      ? [{ type: 'section', fields: fields.map((f) => mrkdwn(truncate(`*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`, LIMITS.fieldText))) } as KnownBlock]
      : []),
    ...contexts([`Row as published: \`${escapeSlack(citation.quote).replace(/`/g, "'")}\``]),
  ];
}

function asBlockquote(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}
