/** Dates and timelines: "when were the directions imposed?", "timeline of the Essex success regime", "what changed in April 2018?". */
import type { Intent, DraftStatement } from '../src/engine/intent.ts';
import type { DatedEvent, Intervention, Knowledge } from '../src/knowledge/knowledge.ts';
import type { DateValue } from '../src/knowledge/dates.ts';
import { changesInWindow } from '../src/digest/window.ts';
import type { DigestEntry } from '../src/digest/types.ts';
import { registerLines } from '../src/engine/describe.ts';
import { asks, lexicalWords, listing, mostSpecific, nameOf, orgsIn, programmesIn } from './_shared.ts';

/** A window's answer lists this many entries; the digest command shows them all. */
const MAX_ENTRIES = 8;
const REGISTER_KINDS = new Set(['merger', 'succession', 'opened', 'closed']);

type Dated = { date: DateValue; text: string; source: DraftStatement['sources'][number] };

export const intent: Intent = {
  name: 'when',
  description: 'Give dates and timelines: when something happened or is due, or what happened in a period',
  examples: [
    'when were the {type} imposed',
    'when was {programme} set up',
    'when will {programme} happen',
    'timeline of {programme}',
    'what happened in {date}',
    'what changed in {date}',
    'when is the deadline',
    'when did {org} close',
    'when did {org} merge',
    'when will the consultation happen',
    'what are the next steps for {programme}',
    'when was the {programme} established',
    'when will the single accountable officer be in place',
    'timeline for {org}',
    'what is due in {date}',
    'when did it start',
    'when will it be operational',
  ],
  answer({ q, k, ix }) {
    const timeline = asks(q, 'timeline', 'history', 'chronology', 'steps');
    const window = q.dates[0]?.value;
    if (window && (asks(q, 'happened', 'happen', 'changed', 'change', 'changes', 'due') || timeline)) {
      // The same dated entries the channel digests carry.
      const area = orgsIn(q).find((o) => o.inRegister);
      // Interventions and events first, then what happened to CCGs, then the rest of the register (hubs, trusts).
      const weight = (kind: string, code?: string) => (!REGISTER_KINDS.has(kind) ? 0 : k.organisations.get(code ?? '')?.type === 'ccg' ? 1 : 2);
      const all = changesInWindow(k, { from: window.start, to: window.end, filter: area?.code ?? null });
      // Dated to the day (register changes, most facts) or within the window first; entries dated only to a wider
      // period ("2016", "later in 2017") under their own heading, so April's list shows April.
      const within = (e: DigestEntry) => !!e.date && (e.date.precision === 'day' || (e.date.start >= window.start && e.date.end <= window.end));
      const precise = (e: DigestEntry) => (e.date?.precision === 'day' ? 0 : 1);
      const order = (xs: DigestEntry[]) =>
        xs
          .map((e, i) => ({ e, i }))
          .sort((a, b) => precise(a.e) - precise(b.e) || weight(a.e.kind, a.e.organisations[0]) - weight(b.e.kind, b.e.organisations[0]) || a.i - b.i)
          .map(({ e }) => e);
      const dated = order(all.filter(within));
      const rough = order(all.filter((e) => !within(e)));
      if (!all.length) return { statements: [{ text: `I hold nothing dated in ${window.label}${area ? ` for ${area.name}` : ''}.`, sources: [] }], fit: 0.6 };
      // One citation an entry keeps both lists within the answer's ten.
      const roughShown = rough.slice(0, Math.max(2, MAX_ENTRIES - dated.length));
      const shown = dated.slice(0, MAX_ENTRIES - Math.min(roughShown.length, 2));
      const statements: DraftStatement[] = [
        {
          text: `${dated.length} dated entr${dated.length === 1 ? 'y' : 'ies'} in ${window.label}${area ? ` for ${area.name}` : ''}${dated.length > shown.length ? ` (the first ${shown.length})` : ''}${dated.length ? ':' : '.'}`,
          sources: [],
        },
        ...shown.map((e) => ({
          text: `• ${e.date?.label ?? window.label}: ${REGISTER_KINDS.has(e.kind) ? e.summary : clip(e.summary)}`,
          sources: e.citations.slice(0, 1),
        })),
      ];
      if (roughShown.length) {
        statements.push({
          text: `Dated only roughly, to a period that overlaps ${window.label} (${rough.length}${rough.length > roughShown.length ? `, the first ${roughShown.length}` : ''}):`,
          sources: [],
        });
        statements.push(...roughShown.map((e) => ({ text: `• ${e.date?.label ?? '?'}: ${clip(e.summary)}`, sources: e.citations.slice(0, 1) })));
      }
      return { statements, fit: 1 };
    }
    const programme = mostSpecific(programmesIn(q));
    const org = orgsIn(q)[0];
    if (timeline && (programme || org)) {
      const items = about(k, programme?.id, org?.code);
      if (items.length) return { statements: [{ text: `Timeline of ${programme?.name ?? org!.name}:`, sources: [] }, ...items.map(lineOf)], fit: 1 };
    }
    if (!asks(q, 'when', 'date', 'dates', 'deadline', 'by')) return null;
    if (
      org &&
      asks(
        q,
        'close',
        'closed',
        'merge',
        'merged',
        'open',
        'opened',
        'abolished',
        'formed',
        'created',
        'established',
        'set',
        'start',
        'started',
        'begin',
        'began',
        'launched',
        'successor',
      ) &&
      org.inRegister &&
      !programme
    ) {
      return { statements: registerLines(k, org), organisationCode: org.code, fit: 1 };
    }
    const named = q.names.map((n) => n.text);
    const terms = [
      ...q.free,
      // The verb the lexicon read ("wrap up" as "conclude") says which of a programme's events is asked after.
      ...lexicalWords(q).filter((w) => w.length > 3 && w !== 'when'),
      ...q.interventionTypes.flatMap((t) => t.split('-')),
      ...(programme ? [programme.name] : []),
      ...(org ? [org.name] : []),
      ...named,
    ];
    // Events say when things happened or were due; an intervention's own date is when it was decided.
    const future = asks(q, 'will', 'deadline', 'due', 'expected', 'planned');
    // "When will …?" asks when a plan falls due: an intervention with a due date says it better than an event.
    const weight = (h: { ref: { kind: string; fact: unknown } }) => (h.ref.kind === 'event' ? 1.5 : future && (h.ref.fact as Intervention).dueValue ? 2 : 1);
    const hits = ix.facts
      .search(terms, ['event', 'intervention'], 8)
      .map((h) => ({ ...h, score: h.score * weight(h) }))
      .sort((a, b) => b.score - a.score);
    if (!hits.length) return null;
    const best = hits[0];
    const wanted = q.free.filter((t) => t !== 'when');
    // With no words beyond its names, the question is answered when the fact found holds those names.
    const fit = wanted.length ? best.terms.filter((t) => wanted.includes(t)).length / wanted.length : best.terms.length ? 1 : 0.5;
    const item = best.ref.kind === 'event' ? fromEvent(best.ref.fact as DatedEvent) : fromIntervention(k, best.ref.fact as Intervention, future);
    return { statements: [{ text: `${capitalised(item.date.label)}: ${item.text}`, sources: [item.source] }], fit: Math.max(fit, 0.5) };
  },
};

/** A fact's long summary cut at a word near 150 characters, so a window's list has room for both headings (the quote stays whole). */
const clip = (text: string, max = 150) => (text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max))}…`);

const fromEvent = (e: DatedEvent): Dated => ({ date: e.dateValue, text: e.summary, source: e.source });
/** An intervention dated when it was decided, or (`due`) when it was to be done. */
const fromIntervention = (k: Knowledge, i: Intervention, due = false): Dated =>
  due && i.dueValue
    ? { date: i.dueValue, text: `due: ${i.title} (decided ${i.dateValue.label}). ${i.summary}`, source: i.source }
    : { date: i.dateValue, text: `${i.title} (${listing(i.organisations.map((c) => nameOf(k, c)))}). ${i.summary}`, source: i.source };
const lineOf = (d: Dated): DraftStatement => ({ text: `• ${d.date.label}: ${d.text}`, sources: [d.source] });

function about(k: Knowledge, programme?: string, org?: string): Dated[] {
  // An STP or ICB's timeline includes its member CCGs'.
  const area = new Set(org ? [org, ...(k.organisations.get(org)?.members ?? [])] : []);
  const descendants = new Set<string>(programme ? [programme] : []);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of k.programmes)
      if (p.parent && descendants.has(p.parent) && !descendants.has(p.id)) {
        descendants.add(p.id);
        grew = true;
      }
  }
  return [
    ...k.events.filter((e) => e.programmes.some((p) => descendants.has(p)) || e.organisations.some((c) => area.has(c))).map(fromEvent),
    ...k.interventions
      .filter((i) => (i.programme && descendants.has(i.programme)) || i.organisations.some((c) => area.has(c)))
      .map((i) => fromIntervention(k, i)),
  ].sort((a, b) => a.date.start.localeCompare(b.date.start));
}

/** "summer 2014" opening an answer reads "Summer 2014". */
const capitalised = (label: string): string => label.charAt(0).toUpperCase() + label.slice(1);
