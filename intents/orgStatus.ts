/** Organisation status: register record, interventions (plans against outcomes) and people, in a few lines. */
import type { Intent, DraftStatement } from '../src/engine/intent.ts';
import { statusStatements } from '../src/engine/describe.ts';
import { itemText, lexicalWords, orgsIn } from './_shared.ts';
import { mentionsOf } from '../src/engine/fromDocuments.ts';
import { sentences } from '../src/search/passageReading.ts';
import { contentTerms } from '../src/search/text.ts';

const EXAMPLES = [
  'tell me about {org}',
  "what's the status of {org}",
  'status of {org}',
  '{org}',
  '{org} ccg',
  'what is happening at {org}',
  'what is happening with {org}',
  'give me an overview of {org}',
  'what do we know about {org}',
  'how is {org} doing',
  'latest on {org}',
  'summary of {org}',
  'info on {org}',
  'what is the current position of {org}',
  'what is {org}',
  'what did {org} do',
  'who are {org}',
];
/** The words of a plain status question; anything beyond them asks something else, which a document passage may answer better. */
const OWN_TERMS = new Set(contentTerms(EXAMPLES.join(' ').replace(/\{org\}/g, ' ')));

export const intent: Intent = {
  name: 'organisation-status',
  description: "Summarise an organisation's status: register record, interventions and people",
  needs: ['org'],
  examples: EXAMPLES,
  rephrase: ({ q }) => (q.orgs[0] ? `Tell me about ${q.orgs[0].org.name}` : null),
  answer({ q, k, ix }) {
    const org = orgsIn(q)[0];
    if (!org) return null;
    const statements: DraftStatement[] = statusStatements(k, org);
    // Where the documents speak of it beyond any intervention.
    // A quote that is only its name (a page's list of tags: "- NHS North Tyneside CCG") says nothing of it.
    const bareName = (quote: string) => org.names.some((n) => n.toLowerCase() === itemText(quote).toLowerCase());
    const mentions = (k.organisationFacts.get(org.code)?.sources ?? []).filter(
      (s) => !bareName(s.quote) && !statements.some((st) => st.sources.some((x) => 'quote' in x && x.quote === s.quote)),
    );
    if (org.inRegister && mentions.length) statements.push({ text: `In the sources: “${mentions[0].quote}”`, sources: [mentions[0]] });
    // Documents nobody curated facts from: what they say of it, marked as read from the source.
    // A kind of intervention or a phrasing the lexicon read ("told to do" as "require") asks more than a status question.
    const plain = q.free.every((t) => OWN_TERMS.has(t)) && !q.interventionTypes.length && !lexicalWords(q).length;
    const curated = mentions.length > 0 || k.interventions.some((i) => i.organisations.includes(org.code));
    // "What did the Frimley ICB board approve?": a register record alone cannot answer more than a status question.
    if (!plain && !curated && !k.people.some((p) => p.roles.some((r) => r.organisation === org.code))) return null;
    if (plain && !curated) {
      for (const m of mentionsOf(k, ix.links, org.code, 2)) {
        const said = sentences(m.shown).find((x) => x.length >= 40) ?? m.shown;
        statements.push({
          text: `In the documents (read from the source, not a curated fact): ${m.title} (${m.published}) says “${said}”`,
          sources: [{ document: m.document, quote: m.quote }],
        });
      }
    }
    const roles = k.people.flatMap((p) => p.roles.filter((r) => r.organisation === org.code).map((r) => ({ p, r })));
    for (const { p, r } of roles.slice(0, 2))
      statements.push({ text: `${p.name}: ${r.title}${r.dateValue ? ` (${r.dateValue.label})` : ''}.`, sources: [r.source] });
    if (statements.length === 0) return null;
    return { statements, organisationCode: org.code, aboutNow: true, fit: 1 };
  },
};
