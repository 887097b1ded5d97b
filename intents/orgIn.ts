/**
 * Whether one organisation is in another, from the register: "is Thurrock CCG in the mid and south Essex
 * STP?", "is north east lincs in the lincolnshire icb?". Yes with the row that files it there (an STP list,
 * its parent, the July 2022 handover to its ICB); no with where the register does file it.
 */
import type { DraftStatement, Intent } from '../src/engine/intent.ts';
import { formatDay } from '../src/knowledge/dates.ts';
import { successionPath } from '../src/knowledge/registerQueries.ts';
import type { Organisation } from '../src/knowledge/register.ts';
import type { ParsedQuestion } from '../src/search/question.ts';
import { labelOf } from './_register.ts';
import { listing } from './_shared.ts';

/** Words that may stand between the two names of "is A in B?" ("in the", "part of", "covered by"). */
const BETWEEN = new Set(['in', 'the', 'within', 'inside', 'part', 'of', 'under', 'covered', 'by', 'a', 'an', 'member', 'one', 'successor']);

/** The two organisations of "is A in B?", when the question is that: a yes/no naming A, then B, with only such words between. */
export function whetherIn(q: ParsedQuestion): { member: Organisation; area: Organisation } | null {
  if (q.answerType !== 'yes-no' || q.orgs.length !== 2 || q.dates.length) return null;
  const [a, b] = q.orgs;
  const between = q.words.slice(a.to, b.from);
  if (!between.includes('in') && !between.includes('part') && !between.includes('covered')) return null;
  if (!between.every((w) => BETWEEN.has(w)) || !a.org.inRegister || !b.org.inRegister) return null;
  return { member: a.org, area: b.org };
}

/** "Mid and South Essex STP footprint (2016 footprint) and Mid and South Essex STP (April 2019)": each parent's name as the list of that period gives it. */
function filedUnder(links: Organisation['parents']): string {
  return listing(links.map((p) => `${p.name} (${p.period})`));
}

export const intent: Intent = {
  name: 'organisation-in',
  description: 'Say whether one organisation is in another (a CCG in an STP or ICB), from the register',
  needs: ['org'],
  examples: ['is {org} in {org}', 'was {org} part of {org}', 'is {org} covered by {org}', 'is {org} in the {org} icb', 'was {org} in the {org} stp'],
  answer({ q, k }) {
    const asked = whetherIn(q);
    if (!asked) return null;
    const { member, area } = asked;
    const filed = member.parents.filter((p) => p.code === area.code);
    if (filed.length) {
      return {
        statements: [{ text: `${labelOf(member)} is filed under ${labelOf(area)} in the register: ${filedUnder(filed)}.`, sources: filed.map((p) => p.row) }],
        organisationCode: member.code,
        verdict: true,
        fit: 1,
      };
    }
    const { steps } = successionPath(k.organisations, member.code);
    const handed = steps.find((s) => s.to.code === area.code);
    if (handed) {
      const how = handed.kind === 'handover' ? 'handed over to' : 'was succeeded by';
      return {
        statements: [{ text: `On ${formatDay(handed.date)} ${labelOf(handed.from)} ${how} ${labelOf(area)}.`, sources: [handed.row] }],
        organisationCode: member.code,
        verdict: true,
        fit: 1,
      };
    }
    // No: where the register does file it.
    const statements: DraftStatement[] = [];
    if (member.parents.length)
      statements.push({
        text: `${labelOf(member)} is filed under ${filedUnder(member.parents)} in the register, not ${labelOf(area)}.`,
        sources: member.parents.slice(0, 3).map((p) => p.row),
      });
    const finalStep = steps.at(-1);
    if (finalStep?.kind === 'handover')
      statements.push({ text: `On ${formatDay(finalStep.date)} it handed over to ${labelOf(finalStep.to)}.`, sources: [finalStep.row] });
    if (!statements.length)
      statements.push({ text: `${labelOf(member)} is not filed under ${labelOf(area)} in the register.`, sources: member.rows.slice(0, 1) });
    return { statements, organisationCode: member.code, verdict: false, fit: 1 };
  },
};
