/**
 * What a person asked for, whichever way they asked (slash command, mention, DM, button), and
 * the rendered reply. No domain logic here: parse, call the engine, render.
 */
import type { ConversationContext } from '../engine/conversation.ts';
import type { Logger } from '@slack/bolt';
import type { QuestionRef } from '../render/actions.ts';
import type { SlackMessage } from '../render/blockLimits.ts';
import { renderAnswer, renderHelp, renderMore, renderNotice, renderOrgCard, renderOrgSection, renderQuotes } from '../render/blocks.ts';
import { escapeAndTruncate } from '../render/escape.ts';
import type { AnswerEngine } from './engineContract.ts';
import type { SubcommandRegistry } from './subcommands.ts';

/** A parsed request. */
export type Request =
  | { kind: 'help' /** Escaped mrkdwn saying why help is shown. */; reason?: string }
  | { kind: 'ask'; question: string }
  | { kind: 'org'; query: string }
  | { kind: 'review' }
  | { kind: 'subcommand'; name: string; args: string };

/**
 * Parses `/commissioning` text (or a mention / DM): `help`, `org <name or code>`, `ask <question>`,
 * a registered subcommand (`digest …`), or else the whole text as a question. Empty text is help.
 */
export function parseRequest(text: string, subcommands?: SubcommandRegistry): Request {
  const trimmed = text.trim();
  if (trimmed === '' || /^(help|\?|usage)$/i.test(trimmed)) return { kind: 'help' };
  const [first = '', ...restWords] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  const rest = restWords.join(' ');
  if (word === 'org' || word === 'organisation' || word === 'organization') {
    return rest ? { kind: 'org', query: rest } : { kind: 'help', reason: 'Say which organisation: `/commissioning org &lt;name or ODS code&gt;`.' };
  }
  if (word === 'review' && rest === '') return { kind: 'review' };
  if (word === 'ask') {
    return rest ? { kind: 'ask', question: rest } : { kind: 'help', reason: 'Add your question: `/commissioning ask &lt;question&gt;`.' };
  }
  if (subcommands?.has(word)) {
    return { kind: 'subcommand', name: word, args: rest };
  }
  return { kind: 'ask', question: trimmed };
}

/** How a rendered reply will be shown. */
export interface ReplyContext {
  surface: 'ephemeral' | 'channel';
  echoQuestion?: boolean;
  askedBy?: string;
  /** The person's vote, when re-rendering their private copy after they voted. */
  vote?: 'up' | 'down';
  /** The conversation's previous turn, for follow-ups; `onContext` receives this turn's. */
  conversation?: ConversationContext;
  onContext?: (context: ConversationContext | undefined) => void;
}

/** Renders the reply to a question or organisation lookup; an engine failure becomes a polite notice (and a log line). */
export function renderRef(engine: AnswerEngine, logger: Logger, ref: QuestionRef, ctx: ReplyContext): SlackMessage[] {
  if (ref.k === 'entry') return renderRefQuotes(engine, logger, ref, ctx);
  try {
    if (ref.k === 'org') return renderOrgCard(engine.org(ref.q), { query: ref.q, ...ctx });
    const answer = engine.ask(ref.q, ctx.conversation ? { context: ctx.conversation } : undefined);
    ctx.onContext?.(answer.context);
    // A follow-up is kept as the question it was read as, so its buttons (quotes, share) ask the same again.
    const question = ctx.conversation && answer.context ? answer.context.question : ref.q;
    return renderAnswer(answer, { question, ...ctx });
  } catch (error) {
    logger.error(`Engine failed on ${ref.k} "${ref.q.slice(0, 200)}": ${error instanceof Error ? error.stack : String(error)}`);
    return [engineFailureNotice(ref.q)];
  }
}

/** The verbatim passages behind the reply to `ref` (the engine is deterministic, so this is the same answer). */
export function renderRefQuotes(engine: AnswerEngine, logger: Logger, ref: QuestionRef, ctx: ReplyContext): SlackMessage[] {
  try {
    if (ref.k === 'entry') {
      // A digest entry's sources, found again by its id in the knowledge serving now.
      const entry = engine.datedEntry(ref.q);
      return renderQuotes(entry?.citations ?? [], { question: entry?.summary ?? ref.q, ...ctx }, 'entry');
    }
    const citations = ref.k === 'org' ? engine.org(ref.q).citations : engine.ask(ref.q).citations;
    return renderQuotes(citations, { question: ref.q, ...ctx });
  } catch (error) {
    logger.error(`Engine failed on quotes for "${ref.q.slice(0, 200)}": ${error instanceof Error ? error.stack : String(error)}`);
    return [engineFailureNotice(ref.q)];
  }
}

/** A page of the rest of a long answer (Show all), or a part of an org card (its section buttons). */
export function renderRefPart(engine: AnswerEngine, logger: Logger, ref: QuestionRef): SlackMessage[] {
  if (ref.k === 'entry') return renderRefQuotes(engine, logger, ref, { surface: 'ephemeral' });
  try {
    if (ref.k === 'org') return renderOrgSection(engine.org(ref.q), ref.s ?? 'history', { query: ref.q, surface: 'ephemeral' });
    return [renderMore(engine.ask(ref.q), ref.q, ref.p ?? 1, ref.t)];
  } catch (error) {
    logger.error(`Engine failed on more of "${ref.q.slice(0, 200)}": ${error instanceof Error ? error.stack : String(error)}`);
    return [engineFailureNotice(ref.q)];
  }
}

/** Renders a parsed request that the engine answers (help, ask, org); subcommands are the caller's. */
export function renderRequest(engine: AnswerEngine, logger: Logger, request: Request, ctx: ReplyContext): SlackMessage[] {
  switch (request.kind) {
    case 'help':
      return [renderHelp(request.reason)];
    case 'ask':
      return renderRef(engine, logger, { k: 'ask', q: request.question }, ctx);
    case 'org':
      return renderRef(engine, logger, { k: 'org', q: request.query }, ctx);
    case 'subcommand':
      return [renderNotice(`Use \`/commissioning ${request.name} …\` for that.`)];
    case 'review':
      return [renderNotice('The review is for admins: use `/commissioning review`.')];
  }
}

function engineFailureNotice(question: string): SlackMessage {
  return renderNotice(`Sorry, something went wrong while answering “${escapeAndTruncate(question, 300)}”. It has been logged; please try again or rephrase.`);
}
