/**
 * What the Slack layer needs from the engine. Listeners depend on this interface only, so the
 * Slack surface can be tested with a small fake and never reaches into knowledge or search.
 */
import type { Answer } from '../engine/answer.ts';
import type { ConversationContext } from '../engine/conversation.ts';
import type { DigestEntry } from '../digest/types.ts';
import type { OrgCard } from '../engine/orgCard.ts';
import type { Overview } from '../engine/overview.ts';

export type { Overview as EngineOverview, OverviewDocument, OverviewIntervention } from '../engine/overview.ts';

/** The engine's public surface (implemented by Engine in src/engine/engine.ts). */
export interface AnswerEngine {
  /** `context`: the previous turn of the conversation (a thread or DM), for follow-up questions. */
  ask(question: string, options?: { context?: ConversationContext }): Answer;
  org(query: string): OrgCard;
  overview(): Overview;
  /** A dated digest entry by its id ("merger:15C:2018-04-01"), for its Show quotes; undefined when the knowledge has none. */
  datedEntry(id: string): DigestEntry | undefined;
}
