/** Listing organisations in the register: "which CCGs were in the North West in 2019?", "list the trusts in Leeds". */
import type { Intent } from '../src/engine/intent.ts';
import { openInArea } from '../src/knowledge/registerQueries.ts';
import { aboutSomethingElse, asksSuccessionOf, areaOf, askedDay, asksChange, filterOf, kindPlural, setStatements } from './_register.ts';
import { asks } from './_shared.ts';

export const intent: Intent = {
  name: 'register-list',
  description: 'List the CCGs, STPs, ICBs, trusts or regions open on a date, in an area, from the register',
  examples: [
    'which ccgs were in {org} in {date}',
    'which ccgs are in london',
    'list the ccgs in {org}',
    'what ccgs were there in {date}',
    'which ccgs were open on {date}',
    'name the ccgs in {org}',
    'list all the icbs',
    'which icbs are in {org}',
    'what are the nhs england regions',
    'list the regions',
    'which trusts are in {org}',
    'list the trusts in leeds',
    'which stps were there in {date}',
    'what were the stp footprints',
    'show me the surrey ccgs',
    'which ccgs were in the north west in {date}',
    'what clinical commissioning groups covered {org}',
    'which ccgs existed when they started',
    'the essex ccgs',
    'ccgs in {org}',
    'trusts in london',
    'which ccgs are in {org}',
    'which trusts are in {org}',
    'list the trusts in {org}',
    // "CCGs", "STPs" and "ICBs" are glossary terms too, so the matcher reads them as {term}.
    'which {term} are in {org}',
    'which {term} were in {org} in {date}',
    'list the {term} in {org}',
    'list the {org} {term}',
    'which {term} were there in {date}',
    'list all the {term}',
    'what {term} were open on {date}',
    'name the {term} in {org}',
    'the {org} {term}',
    'show me the {term} in {org}',
  ],
  // "Which CCGs are in Lancashire?"; a region is in no area, so it is never offered as one.
  rephrase: ({ q }) => (q.areas[0] && q.orgTypes[0] && q.orgTypes[0] !== 'region' ? `Which ${kindPlural(q.orgTypes[0])} are in ${q.areas[0].label}?` : null),
  answer(ctx) {
    const { q, k } = ctx;
    const kind = q.orgTypes[0];
    // "Which 2016 footprints was North East Hampshire and Farnham CCG in?" asks for a CCG's STPs, not a set in an area.
    const insideNamed = (kind === 'stp' || kind === 'icb' || kind === 'region') && q.orgs.some((m) => m.org.type === 'ccg' || m.org.type === 'trust');
    if (!kind || insideNamed || aboutSomethingElse(q) || asksChange(q) || asksSuccessionOf(q) || asks(q, 'many', 'number', 'count')) return null;
    // A single named body ("which ICB is Thurrock in?", "which footprint is E54000001?") is another answer's; a set is asked in the plural.
    const plural = q.words.some(
      (w) => /s$/.test(w) && ['ccgs', 'trusts', 'icbs', 'stps', 'regions', 'footprints', 'groups', 'boards', 'partnerships', 'locations'].includes(w),
    );
    if (!plural) return null;
    const asked = askedDay(q, k, kind);
    const members = openInArea(k.organisations, kind, asked.day, filterOf(areaOf(q)));
    return { statements: setStatements(ctx, kind, members, asked, 'list'), fit: 1 };
  },
};
