/** Sources and verbatim quotes in Block Kit: the numbered Sources context and the "Show quotes" blocks. */
import type { Citation } from '../engine/answer.ts';
import type { KnownBlock } from './slackTypes.ts';
import { contexts, LIMITS, sections, splitText } from './blockLimits.ts';
import { escapeSlack, link } from './escape.ts';

/** "[1] Title · Publisher · April 2017" (or "[1] [4] …" for several citations of one source), the title linked when there is a URL. */
export function sourceLine(citation: Citation, n: number | number[]): string {
  const parts = [link(citation.url, citation.title || citation.document)];
  if (citation.publisher) parts.push(escapeSlack(citation.publisher));
  if (citation.published) parts.push(escapeSlack(citation.published));
  const numbers = (Array.isArray(n) ? n : [n]).map((k) => `[${k}]`).join(' ');
  return `*${numbers}* ${parts.join(' · ')}`;
}

/**
 * The compact numbered Sources context: a "Sources" label, then one element per source, with the
 * numbers of all its citations ("[2] [3] [7] Title · Publisher · date"); at most ten elements a block.
 */
export function sourcesBlocks(citations: Citation[]): KnownBlock[] {
  if (citations.length === 0) return [];
  const groups = new Map<string, { citation: Citation; numbers: number[] }>();
  citations.forEach((c, i) => {
    const key = JSON.stringify([c.document, c.title, c.url ?? null]);
    const group = groups.get(key) ?? { citation: c, numbers: [] };
    group.numbers.push(i + 1);
    groups.set(key, group);
  });
  const lines = [...groups.values()].map(({ citation, numbers }) => sourceLine(citation, numbers));
  return contexts(['*Sources*', ...lines]);
}

/** Citation markers for a statement: " [1][3]" (1-based, matching the Sources list). */
export function markers(cites: number[], citationCount: number): string {
  const valid = [...new Set(cites)].filter((c) => Number.isInteger(c) && c >= 0 && c < citationCount).sort((a, b) => a - b);
  return valid.length === 0 ? '' : ' ' + valid.map((c) => `[${c + 1}]`).join('');
}

/** One citation's verbatim passage as quoted sections: a heading line, then the passage (split, never cut). */
export function quoteBlocks(citation: Citation, n: number): KnownBlock[] {
  const heading = sourceLine(citation, n);
  const quoted = splitText(escapeSlack(citation.quote), LIMITS.sectionText - 400).map(asBlockquote);
  const [first, ...rest] = quoted;
  return [...sections(`${heading}\n${first ?? ''}`), ...rest.flatMap((piece) => sections(piece))];
}

function asBlockquote(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}
