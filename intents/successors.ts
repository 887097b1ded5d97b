/**
 * What replaced an organisation, and what it was formed from: "which ICB took over from Wirral CCG?",
 * "what replaced East Surrey CCG?", "what was Surrey Heartlands CCG formed from?". Chains are followed to
 * the end, through the July 2022 handover of CCGs to ICBs.
 */
import type { DraftStatement, Intent } from '../src/engine/intent.ts';
import { formatDay } from '../src/knowledge/dates.ts';
import type { Organisation } from '../src/knowledge/register.ts';
import { formedFrom, successionPath, type SuccessionStep } from '../src/knowledge/registerQueries.ts';
import { aboutSomethingElse, asksWhatWentIntoIt, labelOf, PLURALS, wentIntoMention } from './_register.ts';
import { asks, listing, orgsIn } from './_shared.ts';

const BACKWARD = ['formed', 'predecessor', 'predecessors', 'created', 'made', 'came', 'merged', 'before'];
export const intent: Intent = {
  name: 'successors',
  description: 'Follow what replaced an organisation to its final successor (through the 2022 handover to ICBs), or what it was formed from',
  needs: ['org'],
  examples: [
    'which icb took over from {org}',
    'what replaced {org}',
    'who took over from {org}',
    'what is the final successor of {org}',
    'what did {org} become',
    'what is {org} part of now',
    'which icb is {org} now in',
    'what came after {org}',
    'where did {org} go',
    'what was {org} formed from',
    'which ccgs formed {org}',
    'what were the predecessors of {org}',
    'which ccgs merged to form {org}',
    'what came before {org}',
    'who succeeded {org}',
    'what is the successor chain for {org}',
    'which organisation replaced {org}',
    'what did {org} merge into',
  ],
  rephrase: ({ q }) => (q.orgs[0] ? `What replaced ${q.orgs[0].org.name}?` : null),
  answer({ q, k }) {
    let org = wentIntoMention(q)?.org ?? orgsIn(q).find((o) => o.inRegister);
    const mention = q.orgs.find((m) => m.org.code === org?.code);
    // "Which CCGs went into the Black Country one?": of the bodies the words could mean, the one formed from others.
    // (An ICB is formed from the CCGs handed to it in July 2022: it is never swapped.)
    if (mention && org && org.type !== 'icb' && !org.predecessors.length && asksWhatWentIntoIt(q, mention.from))
      org = [org, ...mention.alternatives].find((o) => o.inRegister && o.predecessors.length > 0) ?? org;
    if (!org || aboutSomethingElse(q)) return null;
    // "Which ICBs are in the North West?" asks for a set, not what replaced the region.
    const succession = asks(
      q,
      'replaced',
      'replace',
      'successor',
      'successors',
      'succeeded',
      'took',
      'over',
      'became',
      'become',
      'after',
      'formed',
      'predecessor',
      'predecessors',
      'before',
      'chain',
      'final',
      'merged',
      'merge',
      'into',
      'go',
      'now',
      'part',
    );
    if (
      !succession ||
      (q.orgTypes.length &&
        q.words.some((w) => PLURALS.has(w)) &&
        !asks(q, 'replaced', 'formed', 'merged', 'successor', 'successors', 'predecessors', 'took') &&
        !asksWhatWentIntoIt(q, mention?.from ?? 0))
    )
      return null;
    const backward =
      (asks(q, ...BACKWARD) && !asks(q, 'into') && (org.predecessors.length > 0 || !asks(q, 'merged'))) ||
      ((org.predecessors.length > 0 || org.type === 'icb') && asksWhatWentIntoIt(q, mention?.from ?? 0));
    if (backward) {
      const steps = formedFrom(k.organisations, org.code);
      if (!steps.length)
        return {
          statements: [
            {
              text: `The register gives ${labelOf(org)} no predecessors${org.opened ? `: it opened on ${formatDay(org.opened)} as a new body` : ''}.`,
              sources: [],
            },
          ],
          organisationCode: org.code,
          fit: 0.8,
        };
      const statements = byStage(steps, 'from');
      // "How many CCGs merged to form it?" is answered with the count first, then the merger it counts.
      if (q.answerType === 'count') {
        const direct = steps.filter((s) => s.to.code === org.code);
        const kinds = new Set(direct.map((s) => s.from.type));
        const noun = kinds.size === 1 && kinds.has('ccg') ? (direct.length === 1 ? 'CCG' : 'CCGs') : direct.length === 1 ? 'organisation' : 'organisations';
        statements.unshift({ text: `${direct.length} ${noun} went into ${labelOf(org)}.`, sources: direct.slice(0, 3).map((s) => s.row) });
      }
      const { lead, verdict } = judged(q, org, steps);
      return { statements: [...lead, ...statements], organisationCode: org.code, fit: 1, ...verdict };
    }
    const { steps, finals } = successionPath(k.organisations, org.code);
    if (!steps.length) {
      const open = !org.closed;
      return {
        statements: [{ text: `The register gives ${labelOf(org)} no successor${open ? ': it has no close date' : ''}.`, sources: [] }],
        organisationCode: org.code,
        fit: 0.8,
      };
    }
    const statements = byStage(steps, 'to');
    if (finals.length) statements.push({ text: `Final successor${finals.length > 1 ? 's' : ''}: ${listing(finals.map(labelOf))}.`, sources: [] });
    const { lead, verdict } = judged(q, org, steps);
    return { statements: [...lead, ...statements], organisationCode: org.code, aboutNow: true, fit: 1, ...verdict };
  },
};

/**
 * "Did Slough CCG merge into East Berkshire CCG?": yes when the other organisations named are on the way the answer
 * follows (into or out of the first); with none named, yes when there is such a way at all. A "no" leads with what
 * was asked about: the organisations the register does not put on the way.
 */
function judged(
  q: Parameters<Intent['answer']>[0]['q'],
  org: Organisation,
  steps: SuccessionStep[],
): { verdict: { verdict?: boolean }; lead: DraftStatement[] } {
  if (q.answerType !== 'yes-no') return { verdict: {}, lead: [] };
  const on = new Set(steps.flatMap((s) => [s.from.code, s.to.code]));
  const others = q.orgs.map((m) => m.org).filter((o) => o.code !== org.code);
  if (!others.length) return { verdict: { verdict: steps.length > 0 }, lead: [] };
  const missing = others.filter((o) => !on.has(o.code));
  if (!missing.length) return { verdict: { verdict: true }, lead: [] };
  return {
    verdict: { verdict: false },
    lead: [{ text: `the register does not show ${labelOf(org)} going into or coming from ${listing(missing.map(labelOf))}.`, sources: [] }],
  };
}

/** One line per stage: organisations that went into the same successor on the same day are one merger. */
function byStage(steps: SuccessionStep[], direction: 'to' | 'from'): DraftStatement[] {
  const stages = new Map<string, SuccessionStep[]>();
  for (const s of steps) {
    const key = `${s.to.code}|${s.date}`;
    stages.set(key, [...(stages.get(key) ?? []), s]);
  }
  const ordered = [...stages.values()].sort((a, b) => (direction === 'to' ? a[0].date.localeCompare(b[0].date) : b[0].date.localeCompare(a[0].date)));
  return ordered.map((group) => {
    const { to, date, kind } = group[0];
    const from = listing(group.map((s) => labelOf(s.from)));
    const text =
      kind === 'handover'
        ? `On ${formatDay(date)} ${from} handed over to ${labelOf(to)}, when ICBs took over from CCGs; ${group.length > 1 ? 'their codes live on as sub-ICB locations' : 'its code lives on as a sub-ICB location'}.`
        : group.length > 1
          ? `On ${formatDay(date)} ${from} merged into ${labelOf(to)}.`
          : `On ${formatDay(date)} ${from} was succeeded by ${labelOf(to)}.`;
    return { text, sources: group.slice(0, 3).map((s) => s.row) };
  });
}
