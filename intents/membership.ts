/** Membership and groupings: "which CCGs are in the mid and south Essex STP?", "who sits on the System Leaders Group?". */
import type { Intent, DraftStatement } from '../src/engine/intent.ts';
import type { Knowledge, Programme } from '../src/knowledge/knowledge.ts';
import type { ParsedQuestion } from '../src/search/question.ts';
import { asks, childrenOf, countWords, listing, mostSpecific, nameOf, orgsIn, programmesIn } from './_shared.ts';

/** Words that narrow members to one kind of body. */
const KIND_WORDS: [string[], string[]][] = [
  [
    ['provider', 'providers', 'trust', 'trusts', 'hospital', 'hospitals'],
    ['trust', 'provider'],
  ],
  [['ccg', 'ccgs', 'commissioner', 'commissioners'], ['ccg']],
  [['council', 'councils', 'authority', 'authorities'], ['local-authority']],
  [['healthwatch'], ['healthwatch']],
  [
    ['national', 'regulator', 'regulators'],
    ['national-body', 'regulator'],
  ],
];
const CHILD_WORDS: [string[], string][] = [
  [['objective', 'objectives', 'aim', 'aims', 'goal', 'goals'], 'objective'],
  [['workstream', 'workstreams'], 'workstream'],
  [['programme', 'programmes', 'work programmes'], 'programme'],
];

/** "What is X part of?": the question ends on "part of" right after the programme it names. */
function asksWhatItIsPartOf(q: ParsedQuestion, programme: Programme): boolean {
  const span = q.names.find((n) => n.items.some((i) => i.kind === 'programme' && i.programme.id === programme.id));
  return !!span && q.words.slice(span.to).join(' ') === 'part of' && !asks(q, 'who', 'which');
}

export const intent: Intent = {
  name: 'membership',
  description: 'List the members of a group, STP/ICB or programme, or its workstreams and objectives',
  examples: [
    'which ccgs are in {org}',
    'which ccgs are in the {programme}',
    'who sits on the {programme}',
    'who is on the {programme}',
    'members of {programme}',
    'which organisations are part of {programme}',
    'what are the objectives of {programme}',
    'what workstreams does {programme} have',
    'which providers sit on {programme}',
    'which ccgs make up {org}',
    'what are the work programmes of {programme}',
    'list the {programme} members',
    'who is represented on {programme}',
    'what are the aims of {programme}',
  ],
  rephrase: ({ q }) => {
    const p = mostSpecific(programmesIn(q));
    return p ? `Who sits on the ${p.name}?` : null;
  },
  answer({ q, k }) {
    const childKind = CHILD_WORDS.find(([ws]) => asks(q, ...ws))?.[1];
    // "Which CCGs are in financial special measures?" asks about an intervention, not a group; "who does it answer
    // to?" (read as "accountable to") about what oversees the group.
    if ((q.interventionTypes.length && !childKind) || asks(q, 'accountable')) return null;
    const memberKinds = KIND_WORDS.filter(([ws]) => asks(q, ...ws)).flatMap(([, kinds]) => kinds);
    const wantsMembers = asks(
      q,
      'member',
      'members',
      'sit',
      'sits',
      'part',
      'make',
      'represented',
      'representatives',
      'include',
      'includes',
      'which',
      'list',
      'who',
      'on',
      'in',
    );
    let programmes = programmesIn(q);
    // "What are the objectives?" names no group: it means the one group that has such children.
    if (programmes.length === 0 && childKind && !orgsIn(q).length && (q.answerType === 'list' || q.answerType === 'count')) {
      const parents = [...new Set(k.programmes.filter((p) => p.kind === childKind && p.parent).map((p) => p.parent!))];
      if (parents.length !== 1) return null;
      programmes = k.programmes.filter((p) => p.id === parents[0]);
    }
    // The programme asked about: the one that has the children or members asked for.
    const candidates = [...programmes].sort((a, b) => score(k, b, childKind, memberKinds) - score(k, a, childKind, memberKinds));
    const programme = candidates[0];
    if (programme && childKind) {
      const children = childrenOf(k, programme.id, childKind);
      if (children.length) {
        return {
          statements: [
            { text: `The ${programme.name} has ${countWords(children.length)} ${childKind}s:`, sources: [] },
            ...children.map((c) => ({
              text: `• ${c.name}${c.leads.length ? ` (led by ${listing(c.leads.map((l) => k.people.find((p) => p.id === l.person)?.name ?? l.person))})` : ''}`,
              sources: [c.source],
            })),
          ],
          fit: 1,
        };
      }
    }
    // "What's the success regime part of?": the programme it belongs to, not its members.
    // Said only on a quote naming both ("The Success Regime is part of the NHS Five Year Forward View").
    const parent = programme?.parent ? k.programmes.find((p) => p.id === programme.parent) : undefined;
    const names = (p: Programme) => [p.name, ...p.aliases].map((n) => n.toLowerCase());
    const saying =
      parent &&
      [programme.source, parent.source].find((src) => {
        const quote = src.quote.toLowerCase();
        // The parent named apart from the programme's own name ("Essex Success Regime" holds "Success Regime").
        const rest = names(programme).reduce((t, n) => t.split(n).join(' | '), quote);
        return rest !== quote && names(parent).some((n) => rest.includes(n));
      });
    if (programme && asksWhatItIsPartOf(q, programme)) {
      return parent && saying ? { statements: [{ text: `The ${programme.name} is part of the ${parent.name}.`, sources: [saying] }], fit: 1 } : null;
    }
    // "Is NELFT on the System Leaders Group?": whether the organisation is among the members.
    const asked = orgsIn(q)[0];
    if (programme && asked && q.answerType === 'yes-no' && programme.members.length) {
      const member = programme.members.find((m) => m.organisation === asked.code);
      const all = listing(programme.members.map((m) => nameOf(k, m.organisation)));
      return member
        ? { statements: [{ text: `${asked.name} is a member of the ${programme.name}.`, sources: [member.source] }], verdict: true, fit: 1 }
        : {
            statements: [
              {
                text: `${asked.name} is not among the members of the ${programme.name} I hold: ${all}.`,
                sources: [...new Map(programme.members.map((m) => [m.source.quote, m.source])).values()].slice(0, 3),
              },
            ],
            verdict: false,
            fit: 1,
          };
    }
    if (programme && wantsMembers && programme.members.length) {
      const members = programme.members.filter((m) => memberKinds.length === 0 || memberKinds.includes(k.organisations.get(m.organisation)?.type ?? ''));
      if (members.length) {
        const statements: DraftStatement[] = [
          {
            text: `${members.length} ${memberKinds.length ? 'such members' : 'members'} of the ${programme.name}: ${listing(members.map((m) => nameOf(k, m.organisation)))}.`,
            sources: [...new Map(members.map((m) => [m.source.quote, m.source])).values()].slice(0, 6),
          },
        ];
        return { statements, fit: 1 };
      }
    }
    const org = orgsIn(q).find((o) => o.members.length);
    if (org && !programme && (memberKinds.length === 0 || memberKinds.includes('ccg'))) {
      const members = org.members.filter((c) => k.organisations.get(c)?.type !== 'region');
      const rows = members.flatMap((c) => org.rows.filter((r) => r.raw.includes(`,${c}`) || r.raw.includes(`,${c},`))).slice(0, 6);
      return {
        statements: [
          {
            text:
              members.length === 1
                ? `${org.name} (${org.code}) is made up of one CCG: ${nameOf(k, members[0])} (${members[0]}).`
                : `${org.name} (${org.code}) brings together ${members.length} CCGs: ${listing(members.map((c) => `${nameOf(k, c)} (${c})`))}.`,
            sources: rows.length ? rows : org.rows.slice(0, 1),
          },
        ],
        organisationCode: org.code,
        fit: 1,
      };
    }
    return null;
  },
};

function score(k: Knowledge, p: Programme, childKind: string | undefined, memberKinds: string[]): number {
  let s = 0;
  if (childKind && childrenOf(k, p.id, childKind).length) s += 2;
  if (p.members.some((m) => memberKinds.includes(k.organisations.get(m.organisation)?.type ?? ''))) s += 2;
  if (p.members.length) s += 1;
  return s;
}
