/** An organisation's dates: "was Thurrock CCG still around in 2021?", "when did East Surrey CCG close?". */
import type { DraftStatement, Intent } from '../src/engine/intent.ts';
import { formatDay } from '../src/knowledge/dates.ts';
import type { Organisation } from '../src/knowledge/register.ts';
import { cite, handedToIcb, ICB_START, lastDay, openOn, recordRow, successionPath } from '../src/knowledge/registerQueries.ts';
import type { Knowledge } from '../src/knowledge/knowledge.ts';
import { aboutSomethingElse, labelOf } from './_register.ts';
import { asks, orgsIn } from './_shared.ts';

export const intent: Intent = {
  name: 'organisation-dates',
  description: 'Say when an organisation opened and closed, and whether it was open on a date, from the register',
  needs: ['org'],
  examples: [
    'was {org} open in {date}',
    'was {org} still around in {date}',
    'was {org} open on {date}',
    'did {org} exist in {date}',
    'was {org} still open in {date}',
    'is {org} still open',
    'when did {org} open',
    'when did {org} close',
    'when was {org} set up',
    'when was {org} abolished',
    'when did {org} start',
    'when was {org} created',
    'when did {org} cease to exist',
    'was {org} operating in {date}',
    'was {org} still going in {date}',
    'open and close dates of {org}',
    'when was {org} established',
    'did {org} still exist in {date}',
    'was there a {org} in {date}',
  ],
  rephrase: ({ q }) => (q.orgs[0] ? `When did ${q.orgs[0].org.name} open and close?` : null),
  answer({ q, k }) {
    const org = orgsIn(q).find((o) => o.inRegister);
    if (!org || aboutSomethingElse(q) || q.orgTypes.some((t) => t !== org.type && t !== 'stp')) return null;
    const row = recordRow(org);
    if (!row) return null;
    const window = q.dates[0]?.value;
    const askedOpen = asks(q, 'was', 'is', 'did', 'does', 'still', 'exist', 'around', 'operating', 'going');
    const askedWhen = asks(q, 'when', 'dates', 'date');
    if (!window && !askedWhen && !askedOpen) return null;
    const statements: DraftStatement[] = [];
    // The verdict ("Yes — …", "No — …") leads the answer when the question is a yes/no one (src/engine/verdict.ts).
    let verdict: boolean | undefined;
    if (window) {
      const atStart = openOn(k.organisations, org, window.start);
      const atEnd = openOn(k.organisations, org, window.end);
      verdict = atStart || atEnd;
      const state =
        atStart && atEnd
          ? `was open throughout ${window.label}`
          : atStart
            ? `was open for part of ${window.label}, not at its end`
            : atEnd
              ? `opened during ${window.label}`
              : `was not open in ${window.label}`;
      statements.push({ text: `${labelOf(org)} ${state} (NHS organisation register).`, sources: [] });
    } else if (askedOpen && !askedWhen) {
      verdict = openOn(k.organisations, org, k.asOf);
      statements.push({
        text: `${labelOf(org)} ${verdict ? 'is open' : 'is not open'} now (NHS organisation register; the knowledge runs to ${formatDay(k.asOf)}).`,
        sources: [],
      });
    }
    statements.push(datesLine(k, org));
    return { statements, organisationCode: org.code, fit: 1, ...(verdict !== undefined ? { verdict } : {}) };
  },
};

/** "NHS East Surrey CCG (09L) opened on 1 April 2013 and closed on 31 March 2020; NHS Surrey Heartlands CCG (92A) took over…". */
function datesLine(k: Knowledge, org: Organisation): DraftStatement {
  const row = recordRow(org)!;
  const parts: string[] = [];
  if (org.type === 'icb')
    parts.push(`${labelOf(org)} has been an ICB since ${formatDay(ICB_START)}, when ICBs took over from CCGs; before that its code was its STP's`);
  else if (org.opened) parts.push(`${labelOf(org)} opened on ${formatDay(org.opened)}`);
  else parts.push(`The register gives ${labelOf(org)} no open date`);
  const { steps } = successionPath(k.organisations, org.code);
  const next = steps[0];
  if (org.closed) parts.push(`closed on ${formatDay(org.closed)}${next ? `; ${labelOf(next.to)} took over from ${formatDay(next.date)}` : ''}`);
  else if (handedToIcb(org))
    parts.push(
      `worked as a CCG until ${formatDay(lastDay(org)!)}: on ${formatDay(ICB_START)} ${next ? labelOf(next.to) : 'its ICB'} took over, and its code lives on as a sub-ICB location (no close date in the register)`,
    );
  else if (org.type === 'trust') parts.push('has no close date in the trust list of 2019');
  const field = [org.opened ? `open date ${formatDay(org.opened)}` : null, org.closed ? `close date ${formatDay(org.closed)}` : 'no close date']
    .filter(Boolean)
    .join(', ');
  const sources = [cite(row, `${labelOf(org)}, ${field}`), ...(next ? [next.row] : [])];
  return { text: `${parts.join(' and ')}.`, sources };
}
