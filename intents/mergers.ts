/** Mergers and successors: "what happened to North Somerset CCG?", "is mid and south Essex merging?". */
import type { Intent, DraftStatement } from '../src/engine/intent.ts';
import { interventionLine, interventionsFor, outcomeLine, registerLines } from '../src/engine/describe.ts';
import type { Intervention } from '../src/knowledge/knowledge.ts';
import type { Organisation } from '../src/knowledge/register.ts';
import type { ParsedQuestion } from '../src/search/question.ts';
import { asks, orgsIn } from './_shared.ts';
import { asksWhatWentIntoIt, wentIntoMention } from './_register.ts';

const MERGER_TYPES = new Set(['planned-merger', 'single-commissioning-leadership', 'joint-leadership', 'accountable-officer-change']);

/**
 * "Did the single CCG ever get formed?", "is X merging?", "did X merge?": a plan that never happened says no, one
 * that went ahead or is still planned says yes; with no plan, the register's own record of a merger decides.
 */
function mergerVerdict(q: ParsedQuestion, org: Organisation, plans: Intervention[]): { verdict?: boolean } {
  if (
    q.answerType !== 'yes-no' ||
    !asks(q, 'merge', 'merging', 'merged', 'merger', 'formed', 'form', 'happen', 'happened', 'created', 'successor', 'close', 'closed', 'open')
  )
    return {};
  const named = plans.filter((i) => q.interventionTypes.includes(i.type));
  // Without a kind named, a planned merger is what "formed" or "merge" asks about before a shared leadership.
  const planned = plans.filter((i) => i.type === 'planned-merger');
  const mergers = named.length ? named : planned.length ? planned : plans.filter((i) => MERGER_TYPES.has(i.type));
  const status = (i: Intervention) => i.outcome?.status ?? i.status;
  if (mergers.length) return { verdict: mergers.some((i) => status(i) !== 'did-not-happen') };
  if (asks(q, 'open')) return { verdict: !org.closed };
  return { verdict: org.successors.length > 0 || org.predecessors.length > 0 || !!org.closed };
}

export const intent: Intent = {
  name: 'mergers',
  description: 'Say what became of an organisation: mergers, successors, planned mergers and how they turned out',
  needs: ['org'],
  examples: [
    'what happened to {org}',
    'is {org} merging',
    'did {org} merge',
    'what is the successor of {org}',
    'who replaced {org}',
    'which ccgs merged into {org}',
    'is there a planned merger in {org}',
    'what became of {org}',
    '{org} merger',
    'when did {org} merge',
    'does {org} still exist',
    'is {org} closed',
    'what did {org} become',
    'what are the predecessors of {org}',
    'was {org} abolished',
    'was the single ccg for {org} formed',
    'did the {org} merger happen',
    'was {org} ever merged',
  ],
  rephrase: ({ q }) => (q.orgs[0] ? `What happened to ${q.orgs[0].org.name}?` : null),
  answer({ q, k }) {
    const org = orgsIn(q)[0];
    if (!org) return null;
    // "Which CCGs went into Kent and Medway ICB?" asks for the set it was formed from: the successors intent answers it.
    if (asksWhatWentIntoIt(q, q.orgs[0].from) || wentIntoMention(q)) return null;
    const statements: DraftStatement[] = [...registerLines(k, org)];
    const codes = [org.code, ...org.members];
    const all = [...new Set(codes.flatMap((c) => interventionsFor(k, c)))];
    const plans = [...all.filter((i) => MERGER_TYPES.has(i.type)), ...all.filter((i) => !MERGER_TYPES.has(i.type))];
    for (const i of plans.slice(0, 3)) {
      statements.push(interventionLine(k, i));
      const outcome = outcomeLine(k, i);
      if (outcome) statements.push(outcome);
    }
    if (statements.length === 0) return null;
    return { statements, organisationCode: org.code, aboutNow: true, fit: 1, ...mergerVerdict(q, org, plans) };
  },
};
