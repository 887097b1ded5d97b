/** Full-text search over the curated facts, so each intent can find the facts a question is about. */
import MiniSearch from 'minisearch';
import type { DatedEvent, Figure, GlossaryEntry, Intervention, Knowledge, Person, Programme, Role } from '../knowledge/knowledge.ts';
import { normalise, STOP_WORDS, stem } from './text.ts';

export type FactRef =
  | { kind: 'intervention'; fact: Intervention }
  | { kind: 'event'; fact: DatedEvent }
  | { kind: 'programme'; fact: Programme }
  | { kind: 'role'; fact: Role; person: Person }
  | { kind: 'figure'; fact: Figure }
  | { kind: 'glossary'; fact: GlossaryEntry };

export type FactKind = FactRef['kind'];

export interface FactHit {
  ref: FactRef;
  score: number;
  terms: string[];
}

const processTerm = (t: string) => {
  const n = normalise(t);
  return !n || STOP_WORDS.has(n) ? null : stem(n);
};

/** Searches whose hits are kept. */
const RECENT_SEARCHES = 500;

export class FactIndex {
  private readonly refs: FactRef[] = [];
  private readonly recent = new Map<string, FactHit[]>();
  private readonly index = new MiniSearch<{ id: number; kind: string; name: string; text: string }>({
    fields: ['name', 'text'],
    storeFields: ['kind'],
    tokenize: (text) => normalise(text).split(' '),
    processTerm,
  });

  constructor(k: Knowledge) {
    const orgName = (code?: string) => (code ? (k.organisations.get(code)?.names.join(' ') ?? code) : '');
    const programmeName = (id?: string) => {
      const p = k.programmes.find((x) => x.id === id);
      return p ? [p.name, ...p.aliases].join(' ') : '';
    };
    const add = (ref: FactRef, name: string, text: string) => {
      this.refs.push(ref);
      this.index.add({ id: this.refs.length - 1, kind: ref.kind, name, text });
    };
    for (const f of k.interventions) {
      add(
        { kind: 'intervention', fact: f },
        `${f.title} ${f.type.replace(/-/g, ' ')}`,
        [
          f.summary,
          ...f.organisations.map(orgName),
          programmeName(f.programme),
          ...f.required.map((r) => r.text),
          ...f.why.map((w) => w.text),
          f.outcome?.text ?? '',
        ].join(' '),
      );
    }
    for (const e of k.events) {
      add(
        { kind: 'event', fact: e },
        e.summary,
        [
          e.dateValue.label,
          ...e.organisations.map(orgName),
          ...e.programmes.map(programmeName),
          ...e.people.map((id) => k.people.find((p) => p.id === id)?.name ?? ''),
        ].join(' '),
      );
    }
    for (const p of k.programmes) add({ kind: 'programme', fact: p }, [p.name, ...p.aliases].join(' '), `${p.description} ${programmeName(p.parent)}`);
    for (const person of k.people) {
      for (const r of person.roles)
        add({ kind: 'role', fact: r, person }, r.title, [person.name, ...person.aliases, orgName(r.organisation), programmeName(r.programme)].join(' '));
    }
    for (const f of k.figures)
      add({ kind: 'figure', fact: f }, [f.label, f.unit, ...f.aliases].join(' '), `${f.periodValue?.label ?? ''} ${f.organisations.map(orgName).join(' ')}`);
    for (const g of k.glossary) add({ kind: 'glossary', fact: g }, [g.term, ...g.aliases].join(' '), g.definition);
  }

  /**
   * Facts of the given kinds matching the terms, best first. The facts never change, so the hits of the searches
   * made last are kept (a fuzzy search of every fact costs most of a millisecond) and handed out as copies.
   */
  search(terms: string[], kinds: FactKind[], limit = 8): FactHit[] {
    if (terms.length === 0) return [];
    const key = `${terms.join('\u0000')}\u0001${kinds.join(',')}\u0001${limit}`;
    let hits = this.recent.get(key);
    if (hits) this.recent.delete(key);
    else hits = this.searchAll(terms, kinds, limit);
    this.recent.set(key, hits);
    if (this.recent.size > RECENT_SEARCHES) this.recent.delete(this.recent.keys().next().value!);
    return hits.map((h) => ({ ...h, terms: [...h.terms] }));
  }

  private searchAll(terms: string[], kinds: FactKind[], limit: number): FactHit[] {
    const wanted = new Set<string>(kinds);
    return this.index
      .search(terms.join(' '), {
        boost: { name: 2, text: 1 },
        fuzzy: (t) => (t.length > 5 ? 0.2 : false),
        prefix: (t) => t.length > 5,
        weights: { fuzzy: 0.4, prefix: 0.5 },
        filter: (r) => wanted.has(r.kind as string),
      })
      .slice(0, limit)
      .map((h) => ({ ref: this.refs[h.id as number], score: h.score, terms: h.queryTerms }));
  }
}
