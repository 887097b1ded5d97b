/** Schedules in London time across the clock changes, and the subscribe command's words. */
import { describe, expect, it } from 'vitest';
import { latestSlot, nextSlot, periodDays, previousSlot, slotsBetween, describeSchedule } from '../../src/digest/schedule.ts';
import { parseSubscribe } from '../../src/delivery/commands.ts';

const weekly = { frequency: 'weekly' as const, atTime: '09:00', weekday: 1 };
const daily = { frequency: 'daily' as const, atTime: '09:00', weekday: null };
const monthly = { frequency: 'monthly' as const, atTime: '09:00', weekday: null };
const iso = (d: Date) => d.toISOString();

describe('London-time schedules', () => {
  it('weekly Monday 09:00 is 09:00Z before 29 March 2026 and 08:00Z after (BST)', () => {
    expect(iso(nextSlot(weekly, new Date('2026-03-20T12:00:00Z')))).toBe('2026-03-23T09:00:00.000Z');
    expect(iso(nextSlot(weekly, new Date('2026-03-23T09:00:00Z')))).toBe('2026-03-30T08:00:00.000Z');
    expect(iso(latestSlot(weekly, new Date('2026-03-30T07:59:59Z')))).toBe('2026-03-23T09:00:00.000Z');
    expect(iso(latestSlot(weekly, new Date('2026-03-30T08:00:00Z')))).toBe('2026-03-30T08:00:00.000Z');
  });

  it('weekly Monday 09:00 is 08:00Z before 25 October 2026 and 09:00Z after (GMT)', () => {
    expect(iso(nextSlot(weekly, new Date('2026-10-14T00:00:00Z')))).toBe('2026-10-19T08:00:00.000Z');
    expect(iso(nextSlot(weekly, new Date('2026-10-19T08:00:00Z')))).toBe('2026-10-26T09:00:00.000Z');
    expect(iso(latestSlot(weekly, new Date('2026-10-26T08:30:00Z')))).toBe('2026-10-19T08:00:00.000Z');
    expect(iso(previousSlot(weekly, new Date('2026-10-26T09:00:00Z')))).toBe('2026-10-19T08:00:00.000Z');
  });

  it('daily 09:00 across the spring change: one slot a day, one hour earlier in UTC from Sunday', () => {
    expect(slotsBetween(daily, new Date('2026-03-27T12:00:00Z'), new Date('2026-03-31T12:00:00Z')).map(iso)).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
    ]);
  });

  it('monthly on the 1st at 09:00 London', () => {
    expect(iso(nextSlot(monthly, new Date('2026-03-15T00:00:00Z')))).toBe('2026-04-01T08:00:00.000Z');
    expect(iso(nextSlot(monthly, new Date('2026-11-15T00:00:00Z')))).toBe('2026-12-01T09:00:00.000Z');
  });

  it('a digest reports on the London days of its period: last Monday to Sunday for a weekly one', () => {
    const slot = new Date('2026-03-30T08:00:00Z');
    expect(periodDays(previousSlot(weekly, slot), slot)).toEqual({ from: '2026-03-23', to: '2026-03-29' });
    expect(periodDays(previousSlot(monthly, new Date('2026-04-01T08:00:00Z')), new Date('2026-04-01T08:00:00Z'))).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
    });
  });
});

describe('subscribe words', () => {
  it('defaults: weekly on Mondays at 09:00, no filter', () => {
    expect(parseSubscribe('')).toEqual({ schedule: { frequency: 'weekly', atTime: '09:00', weekday: 1 }, filter: '' });
    expect(describeSchedule({ frequency: 'weekly', atTime: '09:00', weekday: 1 })).toBe('weekly on Mondays at 09:00 (London time)');
  });

  it('frequency, weekday, time and a filter in any order after the frequency', () => {
    expect(parseSubscribe('weekly on friday at 8:30 East of England')).toEqual({
      schedule: { frequency: 'weekly', atTime: '08:30', weekday: 5 },
      filter: 'East of England',
    });
    expect(parseSubscribe('daily Mid and South Essex at 07:15')).toEqual({
      schedule: { frequency: 'daily', atTime: '07:15', weekday: null },
      filter: 'Mid and South Essex',
    });
    expect(parseSubscribe('monthly for Thurrock CCG')).toEqual({ schedule: { frequency: 'monthly', atTime: '09:00', weekday: null }, filter: 'Thurrock CCG' });
  });

  it('bad times and misplaced weekdays are explained', () => {
    expect(parseSubscribe('daily at 25:00')).toEqual({ problem: expect.stringMatching(/not a time.*HH:MM/) });
    expect(parseSubscribe('daily on tuesday')).toEqual({ problem: expect.stringMatching(/only fits a weekly digest/) });
  });
});
