/** What the "What was wrong?" modal carries in private_metadata: the answer it is about. */
import { z } from 'zod';
import type { QuestionRef } from '../../../render/actions.ts';

const metadata = z.object({
  ref: z.object({ k: z.enum(['ask', 'org']), q: z.string().min(1).max(2000), i: z.string().max(100).optional() }),
  key: z.string().max(200),
  channel: z.string().max(100),
});

export type FeedbackMetadata = { ref: Pick<QuestionRef, 'k' | 'q' | 'i'>; key: string; channel: string };

/** The modal's private_metadata (Slack allows 3,000 characters; the question is at most 2,000). */
export function encodeFeedbackMetadata(m: FeedbackMetadata): string {
  return JSON.stringify({ ref: { k: m.ref.k, q: m.ref.q, ...(m.ref.i ? { i: m.ref.i } : {}) }, key: m.key, channel: m.channel });
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
