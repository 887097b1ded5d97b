/** Every index the engine searches, built once per Knowledge snapshot. */
import type MiniSearch from 'minisearch';
import type { Knowledge, Person, Programme, GlossaryEntry } from '../knowledge/knowledge.ts';
import { buildPassageIndex, titlesOf } from './passageIndex.ts';
import { FactIndex } from './factIndex.ts';
import { OrganisationIndex } from './organisations.ts';
import { PhraseIndex } from './phrases.ts';
import { Vocabulary } from './vocabulary.ts';
import { STOP_WORDS, normalise, words } from './text.ts';

export type Named = { kind: 'person'; person: Person } | { kind: 'programme'; programme: Programme } | { kind: 'term'; entry: GlossaryEntry };

export interface Indexes {
  organisations: OrganisationIndex;
  /** People, programmes and glossary terms by name and alias. */
  names: PhraseIndex<Named>;
  passages: MiniSearch;
  facts: FactIndex;
  vocabulary: Vocabulary;
}

/** Builds the indexes of a snapshot; `passages` may come from a cached MiniSearch JSON instead. */
export function buildIndexes(k: Knowledge, passages: MiniSearch = buildPassageIndex(k.passages, titlesOf(k))): Indexes {
  const organisations = new OrganisationIndex(k.organisations);
  const names = new PhraseIndex<Named>();
  for (const person of k.people) {
    const item: Named = { kind: 'person', person };
    names.add(normalise(person.name), item);
    for (const a of person.aliases) names.add(normalise(a), item);
    const parts = normalise(person.name).split(' ');
    const surname = parts.at(-1)!;
    if (surname.length >= 5 && k.people.filter((p) => normalise(p.name).endsWith(surname)).length === 1) names.add(surname, item);
    if (parts[0] === 'professor' || parts[0] === 'sir') names.add(parts.filter((w) => !['professor', 'sir', 'dr'].includes(w)).join(' '), item);
  }
  for (const programme of k.programmes) {
    const item: Named = { kind: 'programme', programme };
    for (const n of [programme.name, ...programme.aliases]) names.add(normalise(n), item);
  }
  for (const entry of k.glossary) {
    const item: Named = { kind: 'term', entry };
    for (const n of [entry.term, ...entry.aliases]) names.add(normalise(n), item);
  }
  const vocabulary = new Vocabulary(STOP_WORDS);
  for (const p of k.passages) vocabulary.add(words(p.text));
  for (const key of organisations.keys()) vocabulary.add(key.split(' '));
  vocabulary.add(organisations.codes());
  for (const o of k.organisations.values()) for (const n of o.names) vocabulary.add(words(n));
  for (const phrase of names.phrases()) vocabulary.add(phrase.split(' '));
  for (const g of k.glossary) vocabulary.add(words(g.definition));
  for (const i of k.interventions) vocabulary.add(words(`${i.title} ${i.summary}`));
  for (const e of k.events) vocabulary.add(words(e.summary));
  return { organisations, names, passages, facts: new FactIndex(k), vocabulary };
}
