/** What an intervention required and why: "what was Vale of York told to do?", "why did NHS England intervene?". */
import type { Intent, DraftStatement } from '../src/engine/intent.ts';
import type { Intervention, Knowledge } from '../src/knowledge/knowledge.ts';
import type { Indexes } from '../src/search/indexes.ts';
import type { ParsedQuestion } from '../src/search/question.ts';
import { interventionsFor, outcomeLine, statusLabel } from '../src/engine/describe.ts';
import { asks, listing, nameOf, orgsIn, programmesIn } from './_shared.ts';

/** Words that ask about an intervention's demands, reasons or course. */
const CUES = [
  'why',
  'reason',
  'reasons',
  'required',
  'require',
  'requirement',
  'requirements',
  'told',
  'ordered',
  'order',
  'do',
  'must',
  'action',
  'actions',
  'intervene',
  'intervened',
  'intervention',
  'interventions',
  'directed',
  'have',
  'need',
  'needs',
  'happening',
  'remit',
  'asked',
  'expected',
];

export const intent: Intent = {
  name: 'intervention-detail',
  description: 'Explain what an intervention required of an organisation, and why',
  needs: ['org', 'type', 'programme'],
  examples: [
    'what was {org} told to do',
    'what does {org} have to do',
    'what was {org} ordered to do under its legal directions',
    'why did nhs england intervene in {org}',
    'why was {org} put in financial special measures',
    'what did the directions require',
    'why does {org} need a recovery plan',
    'what must {org} do',
    'what action is nhs england taking with {org}',
    'what were the reasons for the intervention in {org}',
    'what are the requirements of the legal directions',
    'what is required of {org}',
    'why were the directions imposed',
    'what did nhs england require',
    'what is happening to {org}',
  ],
  rephrase: ({ q }) => (q.orgs[0] ? `What was ${q.orgs[0].org.name} required to do?` : null),
  answer({ q, k, ix }) {
    if (!q.interventionTypes.length && !asks(q, ...CUES)) return null;
    const picked = pick(q, k, ix);
    if (!picked) return null;
    const why = asks(q, 'why', 'reason', 'reasons', 'because');
    const name = listing(picked.organisations.map((c) => nameOf(k, c)));
    const statements: DraftStatement[] = [
      {
        text: `${picked.title}: ${name} (${statusLabel(picked.status)}, ${picked.dateValue.label}${picked.dueValue ? `, due ${picked.dueValue.label}` : ''}). ${picked.summary}`,
        sources: [picked.source],
      },
    ];
    const reasons = picked.why.map((w) => ({ text: `Why: ${w.text}`, sources: [w.source] }));
    const required = picked.required.map((r) => ({ text: `Required: ${r.text}`, sources: [r.source] }));
    statements.push(...(why ? [...reasons, ...required] : [...required, ...reasons]));
    const outcome = outcomeLine(k, picked);
    if (outcome) statements.push(outcome);
    return { statements, organisationCode: q.orgs[0]?.org.code, fit: 1 };
  },
};

/** The intervention the question is about: by organisation (or its area), type and the question's words. */
function pick(q: ParsedQuestion, k: Knowledge, ix: Indexes): Intervention | undefined {
  const orgs = orgsIn(q);
  let pool: Intervention[] = orgs.length
    ? orgs.flatMap((o) => [...interventionsFor(k, o.code), ...o.members.flatMap((m) => interventionsFor(k, m))])
    : k.interventions;
  const programmes = programmesIn(q).map((p) => p.id);
  if (!orgs.length && programmes.length) pool = pool.filter((i) => i.programme && programmes.includes(i.programme));
  if (q.interventionTypes.length) {
    const typed = pool.filter((i) => q.interventionTypes.includes(i.type));
    if (typed.length) pool = typed;
    else if (!orgs.length) return undefined;
  }
  pool = [...new Set(pool)];
  if (asks(q, 'why', 'reason', 'reasons')) {
    const explained = pool.filter((i) => i.why.length);
    if (explained.length) pool = explained;
  }
  if (pool.length <= 1) return pool[0];
  // Several fit: the one whose words best match the question.
  const hits = ix.facts.search([...q.free, ...q.interventionTypes.flatMap((t) => t.split('-'))], ['intervention'], 50);
  const ranked = hits.map((h) => h.ref.fact as Intervention).filter((i) => pool.includes(i));
  return ranked[0] ?? pool.find((i) => i.required.length || i.why.length) ?? pool[0];
}
