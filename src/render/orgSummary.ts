/**
 * The top of an organisation card, for every surface: at most five status lines (what it is, its parent
 * now, its live interventions, its successor if closed), each with its [n] markers, and the sources those
 * lines rest on. Slack (orgBlocks.ts) and the terminal (text.ts) both draw it from here.
 */
import type { Citation } from '../engine/answer.ts';
import type { OrgCard } from '../engine/orgCard.ts';
import { markers } from './citations.ts';

/** How many of the card's citations its summary uses (they come first, so the card's numbers are 1…n). */
export function summaryCitationCount(card: OrgCard): number {
  const cites = (card.summary ?? []).flatMap((s) => s.cites);
  return cites.length === 0 ? Math.min(card.citations.length, card.summary ? 0 : 10) : Math.max(...cites) + 1;
}

/**
 * The card's status lines, each text passed through `escapeText` (Slack's escaping, or none in a terminal)
 * and ending in its markers; the status paragraph as one line when the card has no summary.
 */
export function statusLines(card: OrgCard, escapeText: (text: string) => string = (t) => t): string[] {
  const summary = card.summary ?? [];
  if (summary.length === 0) return [escapeText(card.status || card.organisation?.name || '')];
  return summary.map((s) => `${escapeText(s.text)}${markers(s.cites, card.citations.length)}`);
}

/** The sources of the status lines, numbered 1…n as the lines cite them. */
export function summarySources(card: OrgCard): { citation: Citation; n: number }[] {
  return card.citations.slice(0, summaryCitationCount(card)).map((citation, i) => ({ citation, n: i + 1 }));
}
