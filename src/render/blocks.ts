/**
 * Block Kit rendering of engine answers: the direct answer, its statements with citation markers,
 * a numbered Sources context, the answer's buttons, and "Did you mean" choices. All Slack limits
 * and escaping are applied here (see blockLimits.ts and escape.ts); long answers become several
 * messages, never a cut one. Organisation cards, help and the App Home live in sibling modules.
 */
import type { KnownBlock } from './slackTypes.ts';
import type { Answer, Citation, Statement } from '../engine/answer.ts';
import { ACTIONS, type QuestionRef } from './actions.ts';
import { clipFallback, note, packMessages, sections, type SlackMessage } from './blockLimits.ts';
import { answerButtons, choiceButtons } from './buttons.ts';
import { markers, quoteBlocks, sourcesBlocks } from './citations.ts';
import { escapeAndTruncate, escapeSlack, isSlackUserId } from './escape.ts';

export type { SlackMessage } from './blockLimits.ts';
export { renderOrgCard } from './orgBlocks.ts';
export { renderHelp } from './helpBlocks.ts';
export { renderHome, type DigestSubscriptionSummary } from './homeBlocks.ts';

/** Where a rendered answer is shown. */
export interface RenderContext {
  /** The question as the person typed it (escaped wherever it is shown). */
  question: string;
  /** "ephemeral": a slash-command reply only the asker sees (gets a Share button); "channel": a visible message. */
  surface: 'ephemeral' | 'channel';
  /** Repeat the question above the answer (slash commands and shared answers, where it is not visible). */
  echoQuestion?: boolean;
  /** Slack user id of the person who asked, named when an answer is shared. */
  askedBy?: string;
}

/** Renders an Answer as one or more messages (the first carries the answer and its buttons). */
export function renderAnswer(answer: Answer, ctx: RenderContext): SlackMessage[] {
  const ref: QuestionRef = { k: 'ask', q: ctx.question, i: answer.intent };
  const body: KnownBlock[] = [
    ...echo(ctx),
    ...answerBody(answer),
    ...suggestionBlocks(answer),
    ...sourcesBlocks(answer.citations),
    ...asOfNote(answer),
  ];
  const pinned = answerButtons({
    ref,
    quotes: answer.citations.length > 0,
    share: ctx.surface === 'ephemeral' && answer.answered,
    feedback: true,
  });
  return packMessages(body, {
    pinned,
    fallback: escapeSlack(answer.text || 'No answer.'),
    continuation: ctx.surface === 'channel' ? 'thread' : 'below',
  });
}

/** The verbatim passages behind an answer, one quoted section per citation. */
export function renderQuotes(citations: Citation[], ctx: RenderContext): SlackMessage[] {
  const heading = note(`Quotes behind the answer to “${escapeAndTruncate(ctx.question, 500)}”`);
  const body: KnownBlock[] =
    citations.length === 0
      ? [heading, ...sections('This answer rests on no quoted passage.')]
      : [heading, ...citations.flatMap((c, i) => [{ type: 'divider' } as KnownBlock, ...quoteBlocks(c, i + 1)])];
  return packMessages(body, {
    fallback: clipFallback(`Quotes for “${escapeSlack(ctx.question)}”`),
    continuation: ctx.surface === 'channel' ? 'thread' : 'below',
  });
}

/** A short message in one section (errors, confirmations); `text` must already be escaped. */
export function renderNotice(text: string): SlackMessage {
  return { text: clipFallback(text), blocks: sections(text) };
}

function echo(ctx: RenderContext): KnownBlock[] {
  if (!ctx.echoQuestion) return [];
  const who = ctx.askedBy && isSlackUserId(ctx.askedBy) ? `<@${ctx.askedBy}> asked` : 'You asked';
  return [note(`${who}: “${escapeAndTruncate(ctx.question, 2000)}”`)];
}

/**
 * The direct answer (the text's first line) in its own section, then the rest of the text. A line
 * that holds a statement but no citation markers gets the statement's markers; a statement the
 * text does not contain is added as a bullet with its markers, so nothing the engine said is lost.
 */
function answerBody(answer: Answer): KnownBlock[] {
  const n = answer.citations.length;
  const lines = (answer.text || '').split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const covered = new Set<Statement>();
  const rendered = lines.map((line) => {
    const inside = answer.statements.filter((s) => contains(line, s.text));
    inside.forEach((s) => covered.add(s));
    const marked = /\[\d+\]/.test(line) ? '' : markers(inside.flatMap((s) => s.cites), n);
    return escapeSlack(line) + marked;
  });
  const extra = answer.statements.filter((s) => !covered.has(s)).map((s) => `• ${escapeSlack(s.text)}${markers(s.cites, n)}`);
  const [direct = '_No answer text._', ...rest] = [...rendered, ...extra];
  const restText = rest.join('\n');
  return [...sections(direct), ...(restText ? sections(restText) : [])];
}

function contains(haystack: string, needle: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const n = norm(needle);
  return n.length > 0 && norm(haystack).includes(n);
}

/** The "knowledge runs to" line, unless the answer text already says it. */
function asOfNote(answer: Answer): KnownBlock[] {
  const asOf = answer.knowledgeAsOf?.trim();
  if (!asOf || (answer.text ?? '').includes(asOf)) return [];
  return [note(/^the knowledge/i.test(asOf) ? escapeSlack(asOf) : `Knowledge runs to ${escapeSlack(asOf)}.`)];
}

function suggestionBlocks(answer: Answer): KnownBlock[] {
  if (answer.suggestions.length === 0) return [];
  const heading = answer.answered ? '*You could also ask*' : '*Did you mean…*';
  const list = answer.suggestions.map((s) => `• ${escapeSlack(s)}`).join('\n');
  const choices = answer.suggestions.map((s) => ({ label: s, ref: { k: 'ask', q: s } as QuestionRef }));
  return [...sections(`${heading}\n${list}`), ...choiceButtons(choices, ACTIONS.askSuggestion)];
}
