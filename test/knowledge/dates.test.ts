import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../src/knowledge/dates.ts';

describe('dates with their precision', () => {
  it.each([
    ['2017-03-31', 'day', '31 March 2017', '2017-03-31', '2017-03-31'],
    ['2017-04', 'month', 'April 2017', '2017-04-01', '2017-04-30'],
    ['2017', 'year', '2017', '2017-01-01', '2017-12-31'],
    ['2016-17', 'financial-year', '2016-17', '2016-04-01', '2017-03-31'],
  ])('%s is a %s', (input, precision, label, start, end) => {
    expect(parseDateInput(input)).toMatchObject({ precision, label, start, end });
  });

  it('keeps vague dates in their own words', () => {
    expect(parseDateInput({ value: '2017', text: 'later in 2017' })).toMatchObject({ precision: 'vague', label: 'later in 2017', start: '2017-01-01' });
  });

  it('rejects what is not a date, saying how to write one', () => {
    expect(parseDateInput('2017-02-30')).toMatch(/is not a date/);
    expect(parseDateInput('2016-18')).toMatch(/is not a date/);
  });
});
