/** People and roles, both ways: "who leads primary care in the success regime?", "who is Melanie Craig?". */
import type { Intent, DraftStatement } from '../src/engine/intent.ts';
import type { Knowledge, Person, Role } from '../src/knowledge/knowledge.ts';
import { contentTerms } from '../src/search/text.ts';
import { asks, mostSpecific, nameOf, orgsIn, peopleIn, programmesIn } from './_shared.ts';
import { peopleInDocuments, readPersonStatement, roleTermsIn } from '../src/engine/fromDocuments.ts';

const LEAD_WORDS = ['lead', 'leads', 'leading', 'led', 'coordinate', 'coordinates', 'coordinating', 'run', 'runs', 'head', 'heads', 'responsible', 'charge'];

export const intent: Intent = {
  name: 'people',
  description: 'Say who leads what, or what a person does',
  examples: [
    'who leads {programme}',
    'who is leading {programme}',
    'who coordinates {programme}',
    'who chairs {programme}',
    'who is {person}',
    'what does {person} do',
    'what is {person} role',
    'who runs {programme}',
    'who is the chief officer of {org}',
    'who was the interim chair of {programme}',
    'who writes the newsletter',
    'who is the accountable officer of {org}',
    'who is the chief executive of {org}',
    'who is in charge of {programme}',
    'who heads {programme}',
    'who is the chair',
    'who is the regional director',
    'who is the lead for {programme}',
    'who to contact about {programme}',
  ],
  rephrase: ({ q }) => {
    const p = peopleIn(q)[0];
    if (p) return `Who is ${p.name}?`;
    const prog = mostSpecific(programmesIn(q));
    return prog ? `Who leads the ${prog.name}?` : null;
  },
  answer({ q, k, ix }) {
    const people = peopleIn(q);
    if (people.length) return { statements: people.flatMap(describePerson(k)), fit: 1 };
    const programmes = programmesIn(q);
    const programme = mostSpecific(programmes);
    const asksWho = asks(q, 'who', 'whom', 'name', 'contact');
    if (!asksWho) return null;
    // The role words as asked, the lexicon's too ("AO" is read as "accountable officer"), but not the names.
    const inName = (i: number) => [...q.orgs, ...q.names, ...q.dates].some((m) => m.from <= i && i < m.to);
    const free = [...new Set(q.words.flatMap((w, i) => (inName(i) ? [] : contentTerms(w))))].filter((t) => t !== 'who');
    const roleWords = free.filter((t) => !LEAD_WORDS.includes(t));
    // A specific role ("interim chair", "accountable officer"): search role titles, within the programme or organisation named.
    // A programme named in general ("the success regime") covers its parts ("the Essex success regime"): their roles count.
    const named = new Set(programmes.map((p) => p.id));
    for (const p of k.programmes) if (p.parent && named.has(p.parent)) named.add(p.id);
    const scope = new Set([...named, ...orgsIn(q).map((o) => o.code)]);
    if (roleWords.length) {
      const all = ix.facts
        .search([...roleWords, ...(programme ? [programme.name] : [])], ['role'], 20)
        .map((h) => ({ ...h, ref: h.ref as { kind: 'role'; fact: Role; person: Person } }))
        .filter((h) => roleWords.some((w) => h.terms.includes(w) || h.ref.fact.title.toLowerCase().includes(w)));
      const scoped = all.filter((h) => scope.has(h.ref.fact.programme ?? '') || scope.has(h.ref.fact.organisation ?? ''));
      // A role at a named organisation is never answered with someone who holds it elsewhere.
      const hits = scoped.length ? scoped : scope.size ? [] : all;
      if (hits.length) {
        const best = hits[0];
        const rest = hits.slice(1, 3).filter((h) => h.score >= best.score * 0.8 && h.ref.person !== best.ref.person);
        return { statements: [best, ...rest].map((h) => roleLine(k, h.ref.person, h.ref.fact)), fit: 1 };
      }
      // No curated role: who the documents name in it there, said as what the source says.
      const org = orgsIn(q)[0];
      const read = org ? peopleInDocuments(k, ix.links, roleTermsIn(q.words.filter((_, i) => !inName(i))), org) : [];
      if (read.length) return { statements: read.slice(0, 2).map((r) => readPersonStatement(k, r, org)), fit: 0.8 };
      if (scope.size) return null;
    }
    if (programme) {
      if (programme.leads.length) {
        return {
          statements: programme.leads.map((l) => ({
            text: `${k.people.find((p) => p.id === l.person)?.name ?? l.person} — ${l.role}, ${programme.name}.`,
            sources: [l.source],
          })),
          fit: 1,
        };
      }
      return { statements: [{ text: `The sources name no lead for the ${programme.name}. ${programme.description}`, sources: [programme.source] }], fit: 0.8 };
    }
    const org = orgsIn(q)[0];
    if (org) {
      const roles = k.people.flatMap((p) => p.roles.filter((r) => r.organisation === org.code).map((r) => roleLine(k, p, r)));
      if (roles.length) return { statements: roles.slice(0, 4), fit: 0.9 };
    }
    return null;
  },
};

function describePerson(k: Knowledge) {
  return (p: Person): DraftStatement[] => {
    const seen = new Set<string>();
    return p.roles
      .filter((r) => !seen.has(r.title) && seen.add(r.title))
      .slice(0, 4)
      .map((r) => roleLine(k, p, r));
  };
}

function roleLine(k: Knowledge, p: Person, r: Role): DraftStatement {
  const where = r.organisation && !r.title.includes(nameOf(k, r.organisation)) ? ` (${nameOf(k, r.organisation)})` : '';
  return { text: `${p.name}: ${r.title}${where}${r.dateValue ? ` (${r.dateValue.label})` : ''}.`, sources: [r.source] };
}
