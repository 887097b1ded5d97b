/**
 * Action ids and button values shared by the Block Kit renderer and the Slack action listeners.
 * A button carries the question it was rendered from, so a click re-runs the (deterministic)
 * engine instead of trusting rendered text coming back from the client.
 */
import { z } from 'zod';
import { LIMITS } from './blockLimits.ts';

/** Action ids; buttons that repeat within one block get a `:<n>` suffix. */
export const ACTIONS = {
  share: 'share_answer',
  showQuotes: 'show_quotes',
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
  askSuggestion: 'ask_suggestion',
  showOrg: 'show_org',
  openAskModal: 'open_ask_modal',
  /** "Show all (32)" under a long answer, and "Next" on its pages. */
  showAll: 'show_all',
  /** The org card's Interventions, People and History buttons. */
  orgSection: 'org_section',
} as const;

/** The parts of an organisation card its buttons open privately. */
export const ORG_SECTIONS = ['interventions', 'people', 'history'] as const;
export type OrgSection = (typeof ORG_SECTIONS)[number];

/** Matches an action id with or without its `:<n>` suffix. */
export function actionPattern(id: string): RegExp {
  return new RegExp(`^${id}(?::\\d+)?$`);
}

const questionRef = z.object({
  /** "ask": a question for Engine.ask; "org": a name or code for Engine.org; "entry": a digest's dated entry, by its id (its quotes). */
  k: z.enum(['ask', 'org', 'entry']),
  q: z.string().min(1).max(LIMITS.buttonValue),
  /** The intent the answer was given under (feedback only). */
  i: z.string().max(100).optional(),
  /** The page of a long answer's rest to show (Show all). */
  p: z.number().int().min(1).max(1000).optional(),
  /** Which part of a two-part answer that rest belongs to (0 or 1; Show all). */
  t: z.number().int().min(0).max(1).optional(),
  /** The card section to open (org cards). */
  s: z.enum(ORG_SECTIONS).optional(),
});

/** What a button needs to re-create an answer: the kind, the question text, and (for feedback) the intent. */
export type QuestionRef = z.infer<typeof questionRef>;

/**
 * Encodes a reference as a button value, or null when it would not fit Slack's 2,000-character
 * limit. & < > are written as JSON \u escapes, so even values never carry raw Slack markup.
 */
export function encodeRef(ref: QuestionRef): string | null {
  const value = JSON.stringify(ref).replace(/[&<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return value.length <= LIMITS.buttonValue ? value : null;
}

/** Decodes a button value back into a reference; null for anything malformed. */
export function decodeRef(value: unknown): QuestionRef | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = questionRef.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
