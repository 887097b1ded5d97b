/**
 * The Answer model every surface renders (CLI text, JSON, Slack Block Kit). The engine builds
 * answers; renderers never reach back into the knowledge.
 */
import type { ConversationContext } from './conversation.ts';

/** A verbatim passage an answer rests on: a document passage, or a register row. */
export interface Citation {
  /** Document id, or "register:<file>" for a register row. */
  document: string;
  title: string;
  publisher?: string;
  /** Publication date as a person reads it ("April 2017"), when known. */
  published?: string;
  url?: string | null;
  /** Exact text from the document (or the register row as it stands in its CSV). */
  quote: string;
}

/** One sentence of an answer, pointing at the citations it rests on (indexes into citations). */
export interface Statement {
  text: string;
  cites: number[];
}

export interface Answer {
  answered: boolean;
  intent: string;
  /** 0..1: how sure the matcher is that it understood the question. */
  confidence: number;
  /** What a person reads: direct answer first, then supporting statements; at most ~1,500 characters. */
  text: string;
  statements: Statement[];
  citations: Citation[];
  /** Things the person could ask instead ("Did you mean …?" choices or help suggestions). */
  suggestions: string[];
  /** "As of the newest source (October 2019).": stated when the answer speaks of the present. */
  knowledgeAsOf?: string;
  /**
   * Statements beyond the text limit, kept whole so a surface can page them ("Show all"). Their
   * `cites` index into `[...citations, ...more.citations]`: the numbering runs on from the answer's.
   */
  more?: Overflow;
  /**
   * A two-part question's answers, in order, as they stand in this answer (numbered as its citations):
   * each part's text and statements, and the rest only that part has (its own "Show all").
   */
  parts?: AnswerPart[];
  /** Present on organisation answers so surfaces can show a card. */
  organisationCode?: string;
  /** What a follow-up question in the same conversation may lean on. */
  context?: ConversationContext;
}

/** The rest of a long answer: the statements the text had no room for, and the citations only they use. */
export interface Overflow {
  statements: Statement[];
  citations: Citation[];
}

/**
 * One part of a two-part answer. Its statements are also in the answer's `statements`; its `more`
 * cites index into `[...answer.citations, ...more.citations]`, numbered on from the answer's.
 */
export interface AnswerPart {
  /** The part of the question this answers ("which interventions are there"). */
  question: string;
  text: string;
  statements: Statement[];
  more?: Overflow;
}

export const MAX_ANSWER_CHARS = 1500;
export const MAX_CITATIONS = 10;

/** What an answer's text and sources may hold; a part of a two-part answer gets a share. */
export interface AnswerLimits {
  chars: number;
  citations: number;
}

export const ANSWER_LIMITS: AnswerLimits = { chars: MAX_ANSWER_CHARS, citations: MAX_CITATIONS };
