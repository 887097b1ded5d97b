/** What an intent is: examples to match, the slots it needs, and an answer() over the knowledge. */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { RegisterRow } from '../knowledge/register.ts';
import type { SourceRef } from '../knowledge/schemas.ts';
import type { Citation } from './answer.ts';
import type { Indexes } from '../search/indexes.ts';
import type { ParsedQuestion } from '../search/question.ts';

/** Entities a question can carry; examples write them as {org}, {person}, {programme}, {term}, {date}. */
export type Slot = 'org' | 'person' | 'programme' | 'term' | 'date' | 'type';

/** What a statement rests on: a quote from a document, a register row, or a citation already made (by the digests). */
export type Source = SourceRef | RegisterRow | Citation;

export interface DraftStatement {
  text: string;
  sources: Source[];
}

export interface IntentResult {
  statements: DraftStatement[];
  /** 0..1: how well the facts found fit the question (defaults to 1). */
  fit?: number;
  organisationCode?: string;
  /** The answer speaks of the present, so it states the date the knowledge runs to. */
  aboutNow?: boolean;
  suggestions?: string[];
  /** For a yes/no question: the answer's verdict ("Yes — …" / "No — …" leads the answer). */
  verdict?: boolean;
  /**
   * The text just before a quoted passage, which says whom it is about ("Vale Royal CCG's chair writes …" before
   * "He writes: …"): the answer speaks of what that text names.
   */
  leadIn?: string;
  /** The intent understood the question but must decline (an unknown organisation, say). */
  decline?: string;
}

export interface IntentContext {
  q: ParsedQuestion;
  k: Knowledge;
  ix: Indexes;
}

export interface Intent {
  name: string;
  /** Human-readable, for "Did you mean …?" choices and help. */
  description: string;
  examples: string[];
  /** At least one of these must be in the question for the intent to apply. */
  needs?: Slot[];
  /** Tried after the others, whatever its score (the passage fallback). */
  fallback?: boolean;
  /** A concrete phrasing of this reading of the question, for "Did you mean …?". */
  rephrase?(ctx: IntentContext): string | null;
  answer(ctx: IntentContext): IntentResult | null;
}

/** An intent file as imported: intents/<file> exports `intent`. */
export interface IntentModule {
  file: string;
  module: { intent?: Intent };
}
