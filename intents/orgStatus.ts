/** Organisation status: register record, interventions (plans against outcomes) and people, in a few lines. */
import type { Intent, DraftStatement } from '../src/engine/intent.ts';
import { statusStatements } from '../src/engine/describe.ts';
import { orgsIn } from './_shared.ts';

export const intent: Intent = {
  name: 'organisation-status',
  description: "Summarise an organisation's status: register record, interventions and people",
  needs: ['org'],
  examples: [
    'tell me about {org}', "what's the status of {org}", 'status of {org}', '{org}', '{org} ccg', 'what is happening at {org}', 'what is happening with {org}',
    'give me an overview of {org}', 'what do we know about {org}', 'how is {org} doing', 'latest on {org}', 'summary of {org}', 'info on {org}', 'what is the current position of {org}', 'what is {org}', 'what did {org} do', 'who are {org}',
  ],
  rephrase: ({ q }) => (q.orgs[0] ? `Tell me about ${q.orgs[0].org.name}` : null),
  answer({ q, k }) {
    const org = orgsIn(q)[0];
    if (!org) return null;
    const statements: DraftStatement[] = statusStatements(k, org);
    // Where the documents speak of it beyond any intervention.
    const mentions = (k.organisationFacts.get(org.code)?.sources ?? []).filter((s) => !statements.some((st) => st.sources.some((x) => 'quote' in x && x.quote === s.quote)));
    if (org.inRegister && mentions.length) statements.push({ text: `In the sources: “${mentions[0].quote}”`, sources: [mentions[0]] });
    const roles = k.people.flatMap((p) => p.roles.filter((r) => r.organisation === org.code).map((r) => ({ p, r })));
    for (const { p, r } of roles.slice(0, 2)) statements.push({ text: `${p.name}: ${r.title}${r.dateValue ? ` (${r.dateValue.label})` : ''}.`, sources: [r.source] });
    if (statements.length === 0) return null;
    return { statements, organisationCode: org.code, aboutNow: true, fit: 1 };
  },
};
