/** What the "What was wrong?" modal carries in private_metadata: the answer it is about. */
import { z } from 'zod';
import type { QuestionRef } from '../../../render/actions.ts';

const metadata = z.object({
  ref: z.object({ k: z.enum(['ask', 'org']), q: z.string().min(1).max(2000), i: z.string().max(100).optional() }),
  key: z.string().max(200),
  channel: z.string().max(100),
});

export type FeedbackMetadata = { ref: Pick<QuestionRef, 'k' | 'q' | 'i'>; key: string; channel: string };

/** Questions the engine answers are at most 500 characters; a longer one is declined, and kept this long here. */
const METADATA_QUESTION_CHARS = 500;

/**
 * The modal's private_metadata: Slack allows 3,000 characters, and a 500-character question stays
 * within it even when JSON doubles every character (quotes, backslashes).
 */
export function encodeFeedbackMetadata(m: FeedbackMetadata): string {
  const q = m.ref.q.slice(0, METADATA_QUESTION_CHARS);
  return JSON.stringify({ ref: { k: m.ref.k, q, ...(m.ref.i ? { i: m.ref.i } : {}) }, key: m.key.slice(0, 200), channel: m.channel.slice(0, 100) });
}

/** Reads it back; null for anything malformed. */
export function decodeFeedbackMetadata(value: unknown): FeedbackMetadata | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = metadata.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
