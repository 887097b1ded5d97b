/**
 * How long feedback and unanswered questions are kept: FEEDBACK_RETENTION_DAYS (default 365).
 * They hold what people typed and who voted, so they are not kept for ever.
 */
import { subDays } from 'date-fns/subDays';

export const DEFAULT_RETENTION_DAYS = 365;

/** The retention in days from the environment, or an error saying what to set. */
export function readRetentionDays(env: Record<string, string | undefined> = process.env): number | { error: string } {
  const raw = env.FEEDBACK_RETENTION_DAYS?.trim();
  if (!raw) return DEFAULT_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1)
    return { error: `FEEDBACK_RETENTION_DAYS must be a whole number of days, at least 1 (e.g. 365), not "${raw.slice(0, 40)}".` };
  return days;
}

/** The ISO instant before which records go, `days` before `now`. */
export function retentionCutoff(now: Date, days: number): string {
  return subDays(now, days).toISOString();
}
