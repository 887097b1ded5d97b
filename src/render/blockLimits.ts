/**
 * Block Kit limits, and the helpers that keep every message within them by construction: long
 * text becomes several sections, many blocks become several messages (never a silent cut).
 */
import type { ContextBlock, KnownBlock, MrkdwnElement, SectionBlock } from './slackTypes.ts';
import { mrkdwn } from './escape.ts';

/** Slack's published limits (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerHomeView: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  /** Fallback `text` of a message: Slack truncates beyond 40,000; keep notifications short. */
  fallbackText: 3000,
} as const;

/** Our own budget of text characters per message, so a message stays readable and well under Slack's size caps. */
export const MESSAGE_TEXT_BUDGET = 12_000;

/** A message as the Web API takes it: blocks plus the plain fallback text. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Splits text into pieces of at most `max` characters, preferring paragraph, line, sentence and
 * word boundaries, in that order. Joining the pieces with whitespace gives back all the words.
 */
export function splitText(text: string, max: number = LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = lastBoundary(window, /\n\s*\n/g, max);
    if (cut < max / 3) cut = lastBoundary(window, /\n/g, max);
    if (cut < max / 3) cut = lastBoundary(window, /[.;:!?]\s/g, max, 1);
    if (cut < max / 3) cut = lastBoundary(window, /\s/g, max);
    if (cut < max / 3) cut = max;
    // Never split an escape entity (&amp; &lt; &gt;) in two.
    const entity = /&[a-z]{0,3}$/.exec(rest.slice(0, cut));
    if (entity && cut - entity[0].length > 0) cut -= entity[0].length;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

function lastBoundary(window: string, pattern: RegExp, max: number, keep = 0): number {
  let best = -1;
  for (const m of window.matchAll(pattern)) {
    const end = (m.index ?? 0) + keep;
    if (end <= max) best = end;
  }
  return best;
}

/** One or more section blocks holding all of `text` (already escaped mrkdwn). */
export function sections(text: string): SectionBlock[] {
  return splitText(text, LIMITS.sectionText).map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
}

/** Context blocks holding the given mrkdwn elements, at most ten elements a block. */
export function contexts(elements: string[]): ContextBlock[] {
  const blocks: ContextBlock[] = [];
  const texts = elements.flatMap((e) => splitText(e, LIMITS.contextText));
  for (let i = 0; i < texts.length; i += LIMITS.contextElements) {
    const chunk: MrkdwnElement[] = texts.slice(i, i + LIMITS.contextElements).map((t) => mrkdwn(t));
    blocks.push({ type: 'context', elements: chunk });
  }
  return blocks;
}

/** A single-element context block, for short notes. */
export function note(text: string): ContextBlock {
  return { type: 'context', elements: [mrkdwn(text.slice(0, LIMITS.contextText))] };
}

/** Rough count of the text characters a block carries (used for the per-message budget). */
export function blockTextSize(block: KnownBlock): number {
  return JSON.stringify(block).length;
}

/** How packMessages lays out a long reply. */
export interface PackOptions {
  /** Blocks that must stay on the first message (buttons), placed after its body. */
  pinned?: KnownBlock[];
  /** Fallback text for the first message (escaped). */
  fallback: string;
  /** Where the rest goes: "thread" (a channel reply thread) or "below" (further ephemeral messages). */
  continuation: 'thread' | 'below';
}

/**
 * Packs blocks into as many messages as the limits need. The first message carries the start of
 * the body plus the pinned blocks and says where the rest continues; the others are numbered.
 */
export function packMessages(body: KnownBlock[], options: PackOptions): SlackMessage[] {
  const pinned = options.pinned ?? [];
  const pinnedSize = pinned.reduce((n, b) => n + blockTextSize(b), 0);
  const bodySize = body.reduce((n, b) => n + blockTextSize(b), 0);
  const fallback = clipFallback(options.fallback);
  if (body.length + pinned.length <= LIMITS.blocksPerMessage && bodySize + pinnedSize <= MESSAGE_TEXT_BUDGET) {
    return [{ text: fallback, blocks: [...body, ...pinned] }];
  }
  const chunks: KnownBlock[][] = [];
  let current: KnownBlock[] = [];
  let size = pinnedSize;
  let capacity = LIMITS.blocksPerMessage - 1 - pinned.length;
  for (const block of body) {
    const s = blockTextSize(block);
    if (current.length > 0 && (current.length + 1 > capacity || size + s > MESSAGE_TEXT_BUDGET)) {
      chunks.push(current);
      current = [];
      size = 0;
      capacity = LIMITS.blocksPerMessage - 1;
    }
    current.push(block);
    size += s;
  }
  if (current.length > 0) chunks.push(current);
  const total = chunks.length;
  return chunks.map((blocks, i) => {
    if (i === 0) {
      const where = options.continuation === 'thread' ? 'Continued in the thread' : 'Continued below';
      return { text: fallback, blocks: [...blocks, ...pinned, note(`_${where} (${total} parts)._`)] };
    }
    return {
      text: clipFallback(`(continued, part ${i + 1} of ${total})`),
      blocks: [note(`_Continued, part ${i + 1} of ${total}._`), ...blocks],
    };
  });
}

/** Fallback text within its limit (it only feeds notifications; the blocks carry everything). */
export function clipFallback(text: string): string {
  if (text.length <= LIMITS.fallbackText) return text;
  return text.slice(0, LIMITS.fallbackText - 1).replace(/&[a-z]{0,3}$/, '') + '…';
}
