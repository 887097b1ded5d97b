/**
 * When digests are due, in London wall-clock time whatever the season: daily at 09:00, weekly on
 * Monday at 09:00, monthly on the 1st at 09:00 by default. 09:00 London is 09:00Z in winter (GMT)
 * and 08:00Z in summer (BST); every instant here is computed through TZDate, never by offset.
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';

/** How often a channel's digest comes. */
export type Frequency = 'daily' | 'weekly' | 'monthly';

/** What a channel asks for: how often, at what London time, on which weekday (weekly). */
export interface Schedule {
  frequency: Frequency;
  /** "HH:MM", Europe/London wall-clock time. */
  atTime: string;
  /** ISO weekday for weekly digests: 1 Monday … 7 Sunday; null otherwise. */
  weekday: number | null;
}

/** Every schedule runs on London wall-clock time. */
export const LONDON = 'Europe/London';
/** The time of day digests post unless the command says `at HH:MM`. */
export const DEFAULT_TIME = '09:00';
/** ISO weekday of weekly digests unless the command names another: Monday. */
export const DEFAULT_WEEKDAY = 1;
/** ISO weekdays 1–7, as people write them. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** The schedule a frequency gets by default. */
export function defaultSchedule(frequency: Frequency): Schedule {
  return { frequency, atTime: DEFAULT_TIME, weekday: frequency === 'weekly' ? DEFAULT_WEEKDAY : null };
}

/** The latest scheduled instant at or before `t` (searching back at most two months). */
export function latestSlot(s: Schedule, t: Date): Date {
  const local = new TZDate(t.getTime(), LONDON);
  for (let back = 0; back <= 62; back++) {
    const day = addDays(new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 12, 0, LONDON), -back);
    const slot = slotOn(s, day);
    if (slot && slot.getTime() <= t.getTime()) return new Date(slot.getTime());
  }
  throw new Error(`no ${s.frequency} slot found before ${t.toISOString()}`);
}

/** The first scheduled instant strictly after `t`. */
export function nextSlot(s: Schedule, t: Date): Date {
  const local = new TZDate(t.getTime(), LONDON);
  for (let ahead = 0; ahead <= 62; ahead++) {
    const day = addDays(new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 12, 0, LONDON), ahead);
    const slot = slotOn(s, day);
    if (slot && slot.getTime() > t.getTime()) return new Date(slot.getTime());
  }
  throw new Error(`no ${s.frequency} slot found after ${t.toISOString()}`);
}

/** The scheduled instant before `slot`. */
export function previousSlot(s: Schedule, slot: Date): Date {
  return latestSlot(s, new Date(slot.getTime() - 1));
}

/** Every scheduled instant in (after, until], oldest first (for catch-up counts). */
export function slotsBetween(s: Schedule, after: Date, until: Date, limit = 1000): Date[] {
  const out: Date[] = [];
  for (let t = nextSlot(s, after); t.getTime() <= until.getTime() && out.length < limit; t = nextSlot(s, t)) out.push(t);
  return out;
}

/** The London calendar day of an instant, ISO yyyy-mm-dd. */
export function londonDay(t: Date): string {
  return format(new TZDate(t.getTime(), LONDON), 'yyyy-MM-dd');
}

/** The days a digest posted at `end` reports on, having started at `start`: from start's London day to the day before end's. */
export function periodDays(start: Date, end: Date): { from: string; to: string } {
  const from = londonDay(start);
  const to = format(addDays(new TZDate(end.getTime(), LONDON), -1), 'yyyy-MM-dd');
  // biome-ignore lint/complexity/useMathMinMax: ISO days compared as text, where Math.max would make a number of them
  return { from, to: to < from ? from : to };
}

/** "weekly on Mondays at 09:00 (London time)". */
export function describeSchedule(s: Schedule): string {
  const when =
    s.frequency === 'daily' ? 'daily' : s.frequency === 'weekly' ? `weekly on ${WEEKDAYS[(s.weekday ?? DEFAULT_WEEKDAY) - 1]}s` : 'monthly on the 1st';
  return `${when} at ${s.atTime} (London time)`;
}

/** The slot on a London day, or null when the schedule does not post that day. */
function slotOn(s: Schedule, day: Date): TZDate | null {
  const local = new TZDate(day.getTime(), LONDON);
  const isoWeekday = local.getDay() === 0 ? 7 : local.getDay();
  if (s.frequency === 'weekly' && isoWeekday !== (s.weekday ?? DEFAULT_WEEKDAY)) return null;
  if (s.frequency === 'monthly' && local.getDate() !== 1) return null;
  const [hh, mm] = s.atTime.split(':').map(Number);
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), hh, mm, LONDON);
}
