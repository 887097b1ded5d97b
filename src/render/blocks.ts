/**
 * Block Kit rendering of engine answers: the direct answer, its statements with citation markers,
 * a numbered Sources context, the answer's buttons, and "Did you mean" choices. All Slack limits
 * and escaping are applied here (see blockLimits.ts and escape.ts); long answers become several
 * messages, never a cut one. Organisation cards, help and the App Home live in sibling modules.
 */
import type { KnownBlock } from './slackTypes.ts';
import type { Answer, Citation, Overflow, Statement } from '../engine/answer.ts';
import { ACTIONS, encodeRef, type QuestionRef } from './actions.ts';
import { clipFallback, contexts, note, packMessages, sections, type SlackMessage } from './blockLimits.ts';
import { actionsRow, answerButtons, button, choiceButtons, VOTE_NOTES } from './buttons.ts';
import { markers, numberedSourceLines, quoteBlocks, sourcesBlocks } from './citations.ts';
import { escapeAndTruncate, escapeSlack, isSlackUserId } from './escape.ts';

export type { SlackMessage } from './blockLimits.ts';
export { renderOrgCard, renderOrgSection } from './orgBlocks.ts';
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
  /** This person's vote on the answer, shown on its button (a private copy re-rendered after a vote). */
  vote?: 'up' | 'down';
}

/** Renders an Answer as one or more messages (the first carries the answer and its buttons). */
export function renderAnswer(answer: Answer, ctx: RenderContext): SlackMessage[] {
  const ref: QuestionRef = { k: 'ask', q: ctx.question, i: answer.intent };
  const n = answer.citations.length;
  // A two-part answer reads as its two answers, each with its own Show all under it.
  const parts = answer.parts?.length ? answer.parts.map((p, i) => ({ shown: p, part: i as number | undefined })) : [{ shown: answer, part: undefined }];
  const body: KnownBlock[] = [
    ...echo(ctx),
    ...parts.flatMap(({ shown, part }) => [...answerBody(shown, n), ...showAllRow(shown, ref, part)]),
    ...suggestionBlocks(answer),
    ...sourcesBlocks(answer.citations),
    ...asOfNote(answer),
  ];
  const pinned = [
    ...answerButtons({
      ref,
      quotes: answer.citations.length > 0,
      share: ctx.surface === 'ephemeral' && answer.answered,
      feedback: true,
      vote: ctx.vote,
    }),
    ...(ctx.vote ? [note(VOTE_NOTES[ctx.vote])] : []),
  ];
  return packMessages(body, {
    pinned,
    fallback: escapeSlack(answer.text || 'No answer.'),
    continuation: ctx.surface === 'channel' ? 'thread' : 'below',
  });
}

/** What a surface shows of an answer, or of one part of a two-part answer: its text, statements and rest. */
interface Shown {
  text: string;
  statements: Statement[];
  more?: Overflow;
}

/** How many items a long answer (or part) has in all: its statements and the rest, less an uncited lead line ("18 found:"). */
export function listLength(answer: Shown): number {
  const lead = answer.statements[0] && answer.statements[0].cites.length === 0 ? 1 : 0;
  return answer.statements.length + (answer.more?.statements.length ?? 0) - lead;
}

/** Items a page of the rest holds at most; fewer when they are long (see MORE_PAGE_CHARS). */
export const MORE_PAGE_ITEMS = 20;
const MORE_PAGE_CHARS = 8000;

/**
 * One page of the rest of a long answer (Show all), posted privately: the items the answer had no
 * room for, numbered on from the answer's, their sources, and a "Next" button while more remain.
 * `part` picks one part of a two-part answer (its heading names that part of the question).
 */
export function renderMore(answer: Answer, question: string, page = 1, part?: number): SlackMessage {
  const shown: Shown = part === undefined ? answer : (answer.parts?.[part] ?? { text: '', statements: [] });
  const rest = shown.more?.statements ?? [];
  const all = [...answer.citations, ...(shown.more?.citations ?? [])];
  const pages = pageItems(rest.map((s) => s.text.length));
  const index = Math.min(Math.max(1, page), Math.max(1, pages.length)) - 1;
  const [start, end] = pages[index] ?? [0, 0];
  const total = listLength(shown);
  const shownBefore = total - rest.length;
  const items = rest.slice(start, end);
  const used = [...new Set(items.flatMap((s) => s.cites))].filter((c) => c >= 0 && c < all.length).sort((a, b) => a - b);
  const lines = items.map((s) => `${item(s.text)}${markers(s.cites, all.length)}`);
  const asked = part === undefined ? question : answer.parts?.[part]?.question || question;
  const heading = `Items ${shownBefore + start + 1}–${shownBefore + end} of ${total} for “${escapeAndTruncate(asked, 300)}”`;
  const next: QuestionRef = { k: 'ask', q: question, p: index + 2, ...(part === undefined ? {} : { t: part }) };
  const nextValue = encodeRef(next);
  const body: KnownBlock[] = [
    note(heading),
    ...(lines.length > 0 ? sections(lines.join('\n')) : sections('_Nothing more: the answer showed every item._')),
    ...contexts(numberedSourceLines(used.map((c) => ({ citation: all[c]!, n: c + 1 })))),
    ...(index + 1 < pages.length && nextValue
      ? actionsRow([button(`Next (${pages.length - index - 1} more page${pages.length - index - 1 === 1 ? '' : 's'})`, ACTIONS.showAll, nextValue)])
      : []),
  ];
  return { text: clipFallback(heading), blocks: body };
}

/** [start, end) of each page: at most MORE_PAGE_ITEMS items and MORE_PAGE_CHARS characters, at least one item. */
function pageItems(lengths: number[]): [number, number][] {
  const pages: [number, number][] = [];
  let start = 0;
  let size = 0;
  lengths.forEach((length, i) => {
    if (i > start && (i - start >= MORE_PAGE_ITEMS || size + length > MORE_PAGE_CHARS)) {
      pages.push([start, i]);
      start = i;
      size = 0;
    }
    size += length + 20;
  });
  if (start < lengths.length) pages.push([start, lengths.length]);
  return pages;
}

/** "Show all (32)" under an answer (or a part of one: `part`) the text could not hold whole. */
function showAllRow(shown: Shown, ref: QuestionRef, part?: number): KnownBlock[] {
  if (!shown.more?.statements.length) return [];
  const value = encodeRef({ k: 'ask', q: ref.q, p: 1, ...(part === undefined ? {} : { t: part }) });
  // Action and block ids are unique in a message: the second part's button is "show_all:1".
  const id = (base: string) => (part ? `${base}:${part}` : base);
  return value ? actionsRow([button(`Show all (${listLength(shown)})`, id(ACTIONS.showAll), value)], id('show_all')) : [];
}

/**
 * The verbatim passages behind an answer (or, `of: 'entry'`, a digest entry, `ctx.question` being its
 * summary), one quoted section per citation; a register row as labelled fields.
 */
export function renderQuotes(citations: Citation[], ctx: RenderContext, of: 'answer' | 'entry' = 'answer'): SlackMessage[] {
  const heading = note(`${of === 'entry' ? 'Sources of' : 'Quotes behind the answer to'} “${escapeAndTruncate(ctx.question, 500)}”`);
  const body: KnownBlock[] =
    citations.length === 0
      ? [heading, ...sections(of === 'entry' ? 'This entry is no longer in the knowledge.' : 'This answer rests on no quoted passage.')]
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
function answerBody(answer: Shown, n: number): KnownBlock[] {
  const lines = (answer.text || '')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !(answer.more && MORE_LINE.test(l)));
  const covered = new Set<Statement>();
  const rendered = lines.map((line) => {
    const inside = answer.statements.filter((s) => contains(line, s.text));
    inside.forEach((s) => covered.add(s));
    const marked = /\[\d+\]/.test(line)
      ? ''
      : markers(
          inside.flatMap((s) => s.cites),
          n,
        );
    return escapeSlack(line) + marked;
  });
  const extra = answer.statements.filter((s) => !covered.has(s)).map((s) => `${item(s.text)}${markers(s.cites, n)}`);
  const [direct = '_No answer text._', ...rest] = [...rendered, ...extra];
  const restText = rest.join('\n');
  return [...sections(direct), ...(restText ? sections(restText) : [])];
}

/** A statement as a list item: "• …", or "◦ …" indented under the item before when it is already one of its bullets. */
function item(text: string): string {
  const sub = /^•\s+/.exec(text);
  return sub ? `    ◦ ${escapeSlack(text.slice(sub[0].length))}` : `• ${escapeSlack(text)}`;
}

/** The CLI's "…and 9 more." line; in Slack the Show all button takes its place. */
const MORE_LINE = /^…and \d+ more\b/;

function contains(haystack: string, needle: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const n = norm(needle);
  return n.length > 0 && norm(haystack).includes(n);
}

/** The "knowledge runs to" line, unless the answer text already says it. */
function asOfNote(answer: Answer): KnownBlock[] {
  const asOf = answer.knowledgeAsOf?.trim();
  if (!asOf || (answer.text ?? '').includes(asOf)) return [];
  return [note(/^(the knowledge|as of)/i.test(asOf) ? escapeSlack(asOf) : `As of ${escapeSlack(asOf)}.`)];
}

function suggestionBlocks(answer: Answer): KnownBlock[] {
  if (answer.suggestions.length === 0) return [];
  const heading = answer.answered ? '*You could also ask*' : '*Did you mean…*';
  const list = answer.suggestions.map((s) => `• ${escapeSlack(s)}`).join('\n');
  const choices = answer.suggestions.map((s) => ({ label: s, ref: { k: 'ask', q: s } as QuestionRef }));
  return [...sections(`${heading}\n${list}`), ...choiceButtons(choices, ACTIONS.askSuggestion)];
}
