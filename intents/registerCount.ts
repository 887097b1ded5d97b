/** Counting organisations in the register: "how many CCGs were there in April 2020?", "how many trusts are in London?". */
import type { Intent } from '../src/engine/intent.ts';
import { openInArea } from '../src/knowledge/registerQueries.ts';
import { aboutSomethingElse, asksSuccessionOf, areaOf, askedDay, asksChange, filterOf, kindPlural, setStatements } from './_register.ts';
import { asks } from './_shared.ts';

export const intent: Intent = {
  name: 'register-count',
  description: 'Count the CCGs, STPs, ICBs, trusts or regions open on a date, in an area, from the register',
  examples: [
    'how many ccgs were there in {date}',
    'how many ccgs were open on {date}',
    'how many ccgs are there now',
    'how many ccgs were there when they started',
    'how many clinical commissioning groups were there in {date}',
    'number of ccgs in {date}',
    'how many ccgs are in {org}',
    'how many ccgs were in {org} in {date}',
    'how many trusts are there',
    'how many nhs trusts are in {org}',
    'how many icbs are there',
    'how many integrated care boards are there',
    'how many stps were there in {date}',
    'how many stp footprints were there',
    'how many regions does nhs england have',
    'how many nhs england regions are there',
    'count the ccgs in {org}',
    'how many ccgs existed in {date}',
    'how many ccgs were still open in {date}',
    'total number of ccgs open',
    'how many icbs in the north west',
    'how many ccgs in london',
    'how many ccgs in surrey',
    // "CCGs", "STPs" and "ICBs" are glossary terms too, so the matcher reads them as {term}.
    'how many {term} were there in {date}',
    'how many {term} are there',
    'how many {term} were open on {date}',
    'how many {term} are in {org}',
    'how many {term} were there when they started',
    'how many {term} are there now',
    'number of {term} in {date}',
    'how many {term} in {org} in {date}',
    'how many trusts are in {org}',
    'how many trusts are there in {org}',
  ],
  rephrase: ({ q }) => (q.orgTypes[0] ? `How many ${kindPlural(q.orgTypes[0])} were there in April 2020?` : null),
  answer(ctx) {
    const { q, k } = ctx;
    const kind = q.orgTypes[0];
    if (!kind || aboutSomethingElse(q) || asksChange(q) || asksSuccessionOf(q)) return null;
    if (!asks(q, 'many', 'number', 'count', 'total')) return null;
    const asked = askedDay(q, k, kind);
    const members = openInArea(k.organisations, kind, asked.day, filterOf(areaOf(q)));
    return { statements: setStatements(ctx, kind, members, asked, 'count'), fit: 1 };
  },
};
