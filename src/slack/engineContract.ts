/**
 * What the Slack layer needs from the engine. Listeners depend on this interface only, so the
 * Slack surface can be tested with a small fake and never reaches into knowledge or search.
 */
import type { Answer } from '../engine/answer.ts';
import type { ConversationContext } from '../engine/conversation.ts';
import type { OrgCard } from '../engine/orgCard.ts';

/** A source document as the App Home lists it. */
export interface OverviewDocument {
  id: string;
  title: string;
  publisher: string;
  published: string;
  url: string | null;
}

/** A dated intervention as the App Home lists it. */
export interface OverviewIntervention {
  title: string;
  date: string;
  status: string;
  organisations: string[];
}

/** What the bot knows, summarised for the App Home. */
export interface EngineOverview {
  documents: OverviewDocument[];
  organisationCount: number;
  asOf: string;
  /** The newest document's date ("October 2019"). */
  sourcesAsOf?: string;
  /** The newest date in the NHS organisation register ("24 July 2024"). */
  registerAsOf?: string;
  recentInterventions: OverviewIntervention[];
}

/** The engine's public surface (implemented by Engine in src/engine/engine.ts). */
export interface AnswerEngine {
  /** `context`: the previous turn of the conversation (a thread or DM), for follow-up questions. */
  ask(question: string, options?: { context?: ConversationContext }): Answer;
  org(query: string): OrgCard;
  overview(): EngineOverview;
}
