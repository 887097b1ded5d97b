import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../src/knowledge/dates.ts';
import { findDates } from '../../src/search/dates.ts';
import { normalise } from '../../src/search/text.ts';

describe('dates with their precision', () => {
  it.each([
    ['2017-03-31', 'day', '31 March 2017', '2017-03-31', '2017-03-31'],
    ['2017-04', 'month', 'April 2017', '2017-04-01', '2017-04-30'],
    ['2017', 'year', '2017', '2017-01-01', '2017-12-31'],
    ['2016-17', 'financial-year', '2016-17', '2016-04-01', '2017-03-31'],
    ['2016/17', 'financial-year', '2016-17', '2016-04-01', '2017-03-31'],
    ['2011/12', 'financial-year', '2011-12', '2011-04-01', '2012-03-31'],
    ['December 2011', 'month', 'December 2011', '2011-12-01', '2011-12-31'],
    ['2011-11', 'month', 'November 2011', '2011-11-01', '2011-11-30'],
  ])('%s is a %s', (input, precision, label, start, end) => {
    expect(parseDateInput(input)).toMatchObject({ precision, label, start, end });
  });

  it('keeps vague dates in their own words', () => {
    expect(parseDateInput({ value: '2017', text: 'later in 2017' })).toMatchObject({ precision: 'vague', label: 'later in 2017', start: '2017-01-01' });
  });

  it('rejects what is not a date, saying how to write one', () => {
    expect(parseDateInput('2017-02-30')).toMatch(/is not a date/);
    expect(parseDateInput('2016-18')).toMatch(/is not a date/);
    expect(parseDateInput('2016/18')).toMatch(/is not a date/);
    expect(parseDateInput('Smarch 2016')).toMatch(/is not a date/);
  });

  it('refuses a yyyy-mm that could be a month or a financial year, giving both unambiguous spellings', () => {
    expect(parseDateInput('2011-12')).toBe(
      '"2011-12" could be December 2011 or the financial year 2011-12: write "December 2011" for the month, or "2011/12" for the financial year',
    );
    expect(parseDateInput('2009-10')).toMatch(/could be October 2009 or the financial year 2009-10/);
  });
});

describe('dates in questions', () => {
  it('reads "2011-12" and "2016/17" as financial years and "2018-04" as a month', () => {
    const dates = (text: string) => findDates(normalise(text).split(' ')).map((d) => [d.value.precision, d.value.label]);
    expect(dates('how many CCGs had directions in 2011-12?')).toEqual([['financial-year', '2011-12']]);
    expect(dates('how many in 2016/17')).toEqual([['financial-year', '2016-17']]);
    expect(dates('what changed in 2018-04')).toEqual([['month', 'April 2018']]);
  });

  it('reads "19/20" as the financial year 2019-20, and leaves a score or a date alone', () => {
    const dates = (text: string) => findDates(normalise(text).split(' ')).map((d) => [d.value.precision, d.value.label]);
    expect(dates('running costs in 19/20')).toEqual([['financial-year', '2019-20']]);
    expect(dates('the 99/00 accounts')).toEqual([['financial-year', '1999-00']]);
    expect(normalise('it scored 18/20')).toBe('it scored 18 20');
    expect(normalise('on 19/20/2021')).toBe('on 19 20 2021');
  });

  it('reads days written as people write them, and the first or last day of a month', () => {
    const days = (text: string) => findDates(normalise(text).split(' ')).map((d) => [d.value.start, d.value.end]);
    expect(days('how many at the end of March 2020?')).toEqual([['2020-03-31', '2020-03-31']]);
    expect(days('at the start of April 2020')).toEqual([['2020-04-01', '2020-04-01']]);
    expect(days('on 31/03/2020')).toEqual([['2020-03-31', '2020-03-31']]);
    expect(days('on March 31st, 2020')).toEqual([['2020-03-31', '2020-03-31']]);
    expect(days('on 1st April 2020')).toEqual([['2020-04-01', '2020-04-01']]);
    expect(days('the end of February 2020')).toEqual([['2020-02-29', '2020-02-29']]);
  });
});
