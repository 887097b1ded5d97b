/** Interventions by type, area or date: "which CCGs are in financial special measures?", "is Walsall under directions?". */
import type { Intent, DraftStatement } from '../src/engine/intent.ts';
import type { Figure, Intervention, Knowledge } from '../src/knowledge/knowledge.ts';
import type { ParsedQuestion } from '../src/search/question.ts';
import { overlaps } from '../src/knowledge/dates.ts';
import { outcomeLead, statusLabel } from '../src/engine/describe.ts';
import { asks, countWords, listing, nameOf, orgsIn } from './_shared.ts';

/** How a kind of intervention reads in a sentence about the organisations under it. */
const STATE: Record<string, [present: string, past: string]> = {
  'legal-directions': ['under legal directions', 'put under legal directions'],
  'financial-special-measures': ['in financial special measures', 'placed in financial special measures'],
};
const typeName = (t: string) => t.replace(/-/g, ' ');

/** A figure counting a kind of intervention asked about, over a period the question's dates overlap. */
function countsType(f: Figure, types: string[], q: ParsedQuestion): boolean {
  const label = f.label.toLowerCase();
  return types.some((t) => label.includes(typeName(t))) && !!f.periodValue && q.dates.every((d) => overlaps(d.value, f.periodValue!));
}

export const intent: Intent = {
  name: 'interventions-list',
  description: 'List the organisations under an intervention (legal directions, financial special measures, mergers), by type, area or date',
  examples: [
    'which ccgs are under legal directions',
    'which ccgs are in financial special measures',
    'which ccgs were under legal directions in {date}',
    'list the ccgs in special measures',
    'which organisations had interventions',
    'what interventions has nhs england made',
    'which ccgs have been directed',
    'show all interventions',
    'which ccgs are under directions in {org}',
    'which ccgs were placed in the financial special measures regime',
    'interventions in {date}',
    'which ccgs face single commissioning leadership structures',
    'what interventions are there in {org}',
    'how many ccgs are in {type}',
    'how many ccgs were under {type}',
    'is {org} under {type}',
    'is {org} in {type}',
    'was {org} ever under {type}',
    'has {org} been under {type}',
    'which of the ccgs in {type} have to produce a recovery plan',
    'apart from {org} which ccgs are in {type}',
  ],
  answer({ q, k }) {
    const types = q.interventionTypes;
    // Without a kind named, only a question asking for a list, a count or a verdict wants all interventions.
    if (types.length === 0 && (!asks(q, 'intervention', 'interventions', 'intervened') || q.answerType === 'other')) return null;
    if (q.answerType !== 'yes-no' && asks(q, 'why', 'when', 'require', 'required', 'told', 'ordered')) return null;
    const orgs = orgsIn(q).filter((o) => o.inRegister);
    if (q.answerType === 'yes-no' && orgs.length) return verdict(q, k, orgs[0].code, types);
    // "How many CCGs had legal directions during 2016-17?": a source's national figure for the period counts them
    // all, where the interventions held are only those curated.
    if (q.answerType === 'count' && !orgs.length && q.dates.length && k.figures.some((f) => countsType(f, types, q))) return null;
    const area = new Set(orgs.flatMap((o) => [o.code, ...o.members]));
    const excluded = new Set(q.excluded.flatMap((m) => [m.org.code, ...m.org.members]));
    // "Which of the nine … have to produce a recovery plan?": organisations under every kind named; otherwise any.
    const every = types.length > 1 && /\b(of the|of those|of these|which of)\b/.test(q.words.join(' '));
    const inScope = (i: Intervention) => (area.size === 0 || i.organisations.some((c) => area.has(c))) && q.dates.every((d) => overlaps(d.value, i.dateValue));
    // A kind no intervention is filed under ("a recovery plan") may be what others require: it narrows them instead.
    const demands = types.filter((t) => !k.interventions.some((i) => i.type === t && inScope(i)));
    const kinds = types.filter((t) => !demands.includes(t));
    let matches = k.interventions.filter((i) => inScope(i) && (kinds.length === 0 || kinds.includes(i.type)));
    const required = demandsMet(k, demands);
    if (demands.length && kinds.length) matches = matches.filter((i) => i.required.some(required));
    else if (every) {
      const under = (t: string) => new Set(matches.filter((i) => i.type === t).flatMap((i) => i.organisations));
      const [first, ...rest] = types.map(under);
      const all = new Set([...first].filter((c) => rest.every((b) => b.has(c))));
      matches = matches.filter((i) => i.type === types[types.length - 1] && i.organisations.some((c) => all.has(c)));
    }
    matches = matches.map((i) => ({ ...i, organisations: i.organisations.filter((c) => !excluded.has(c)) })).filter((i) => i.organisations.length > 0);
    if (matches.length === 0) {
      if (!types.length || !asks(q, 'which', 'list', 'who', 'any', 'many')) return null;
      const where = [...orgs.map((o) => o.name), ...q.dates.map((d) => d.value.label)].join(', ');
      return {
        statements: [
          {
            text: `I hold no ${types.map(typeName).join(' or ')} interventions${where ? ` for ${where}` : ''}${excluded.size ? ' beyond those set aside' : ''}.`,
            sources: [],
          },
        ],
        fit: 0.6,
      };
    }
    const statements = listStatements(k, sortByDate(matches), q);
    if (demands.length && kinds.length) {
      for (const i of sortByDate(matches))
        for (const r of i.required.filter(required))
          statements.push({ text: `• ${listing(i.organisations.map((c) => shortName(k, c)))}: ${r.text}.`, sources: [r.source] });
    }
    return { statements, fit: 1 };
  },
};

/** Whether a requirement's text names one of the kinds (by the lexicon's phrases for them: "recovery plan"). */
function demandsMet(k: Knowledge, types: string[]) {
  const phrases = k.lexicon.interventionTypes.filter((t) => types.includes(t.type)).map((t) => t.says.toLowerCase());
  return (r: { text: string }) => phrases.some((p) => r.text.toLowerCase().includes(p));
}

/**
 * The answer first, as a sentence: "Three CCGs — A, B and C — have been under legal directions since 31 March 2017."
 * Interventions of one kind on one date are said once; each further line carries only what differs.
 */
function listStatements(k: Knowledge, matches: Intervention[], q: ParsedQuestion): DraftStatement[] {
  const statements: DraftStatement[] = [];
  const byType = new Map<string, Intervention[]>();
  for (const i of matches) byType.set(i.type, [...(byType.get(i.type) ?? []), i]);
  for (const [type, list] of byType) {
    const orgs = [...new Set(list.flatMap((i) => i.organisations))];
    const dates = [...new Set(list.map((i) => i.dateValue.label))];
    const kind = orgs.every((c) => k.organisations.get(c)?.type === 'ccg')
      ? orgs.length === 1
        ? 'CCG'
        : 'CCGs'
      : orgs.length === 1
        ? 'organisation'
        : 'organisations';
    const count = capitalise(countWords(orgs.length));
    const state = STATE[type];
    const when = dates.length === 1 ? ` ${state ? 'since' : 'on'} ${dates[0]}` : '';
    const what = state
      ? `${orgs.length === 1 ? 'has' : 'have'} been ${state[0]}${when}`
      : `${orgs.length === 1 ? 'has' : 'have'} ${typeName(type)} interventions${when ? ` dated${when.replace(' on', '')}` : ''}`;
    const lead = `${count} ${kind} — ${listing(orgs.map((c) => shortName(k, c)))} — ${what}.`;
    if (list.length === 1 || dates.length === 1) {
      statements.push({ text: lead, sources: list.map((i) => i.source) });
      for (const i of list.filter((x) => x.outcome && x.outcome.status !== 'unknown'))
        statements.push({ text: `• ${listing(i.organisations.map((c) => shortName(k, c)))}: ${outcomeLead(i.outcome!.status)}.`, sources: [] });
    } else {
      statements.push({ text: lead, sources: [] });
      for (const i of list) statements.push(line(k, i));
    }
  }
  if (q.answerType === 'count' && byType.size > 1) statements.unshift({ text: `${capitalise(countWords(matches.length))} interventions in all.`, sources: [] });
  return statements;
}

/** "Is Walsall CCG under legal directions?": yes with the intervention, or no with what it was under instead. */
function verdict(q: ParsedQuestion, k: Knowledge, code: string, types: string[]) {
  const org = k.organisations.get(code)!;
  const codes = new Set([code, ...org.members]);
  const all = k.interventions.filter((i) => i.organisations.some((c) => codes.has(c)) && q.dates.every((d) => overlaps(d.value, i.dateValue)));
  const hits = all.filter((i) => types.length === 0 || types.includes(i.type));
  // A plan that never happened answers "did it happen?" with no.
  const happened = hits.filter((i) => (i.outcome?.status ?? i.status) !== 'did-not-happen');
  if (hits.length && !happened.length) {
    return {
      statements: [{ text: `It was planned but did not happen, in what I hold:`, sources: [] }, ...sortByDate(hits).map((i) => line(k, i))],
      verdict: false,
      organisationCode: code,
      fit: 1,
    };
  }
  if (hits.length) {
    // "Is Thurrock the only CCG under legal directions?": not when the same interventions name others.
    const others = q.words.includes('only') ? [...new Set(happened.flatMap((i) => i.organisations))].filter((c) => !codes.has(c)) : [];
    return { statements: sortByDate(happened).map((i) => line(k, i)), verdict: others.length === 0, organisationCode: code, fit: 1 };
  }
  // "Did Vale of York have to get a new AO?": what its interventions required.
  const required = demandsMet(k, types);
  const demanded = sortByDate(all).flatMap((i) => i.required.filter(required).map((r) => ({ i, r })));
  if (demanded.length)
    return {
      statements: demanded.map(({ i, r }) => ({ text: `${i.title} (${i.dateValue.label}) required: ${r.text}.`, sources: [r.source] })),
      verdict: true,
      organisationCode: code,
      fit: 1,
    };
  const asked = types.length ? (STATE[types[0]]?.[0] ?? typeName(types[0])) : 'under any intervention';
  const others = sortByDate(all);
  const instead = others.length
    ? `; what I hold on it: ${listing([...new Set(others.map((i) => STATE[i.type]?.[1] ?? i.title.charAt(0).toLowerCase() + i.title.slice(1)))])}`
    : '';
  const statements: DraftStatement[] = [{ text: `${org.name} is not ${asked} in what I hold${instead}.`, sources: others.slice(0, 2).map((i) => i.source) }];
  // "Is Warwickshire North one of the nine in FSM?": a no over a closed list shows the list it rests on.
  if (types.length) statements.push(...underTypes(q, k, types));
  return { statements, verdict: false, organisationCode: code, fit: 1 };
}

/** The organisations under the kinds asked, for a no: "Those in financial special measures: A, B and C." */
function underTypes(q: ParsedQuestion, k: Knowledge, types: string[]): DraftStatement[] {
  const under = k.interventions.filter((i) => types.includes(i.type) && q.dates.every((d) => overlaps(d.value, i.dateValue)));
  if (!under.length) return [];
  const names = [...new Set(under.flatMap((i) => i.organisations))].map((c) => shortName(k, c)).sort();
  const asked = STATE[types[0]]?.[0] ?? `under ${typeName(types[0])}`;
  const sources = [...new Map(under.map((i) => [i.source.quote, i.source])).values()].slice(0, 2);
  return [{ text: `Those ${asked} in what I hold: ${listing(names)}.`, sources }];
}

function sortByDate(xs: Intervention[]) {
  return [...xs].sort((a, b) => a.dateValue.start.localeCompare(b.dateValue.start) || a.id.localeCompare(b.id));
}

/** "NHS Croydon CCG" reads as "Croydon" inside a sentence that already says "CCGs". */
function shortName(k: Knowledge, code: string): string {
  const o = k.organisations.get(code);
  if (o?.type !== 'ccg') return nameOf(k, code);
  return o.name.replace(/^NHS /, '').replace(/ CCG$/, '');
}

function line(k: Knowledge, i: Intervention): DraftStatement {
  const outcome = i.outcome ? ` ${outcomeLead(i.outcome.status)}.` : '';
  return {
    text: `• ${listing(i.organisations.map((c) => nameOf(k, c)))}: ${i.title} (${statusLabel(i.status)}, ${i.dateValue.label}).${outcome}`,
    sources: [i.source],
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
