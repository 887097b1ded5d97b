/** Every index the engine searches, built once per Knowledge snapshot. */
import type { Knowledge, Person, Programme, GlossaryEntry } from '../knowledge/knowledge.ts';
import { buildSearchIndex, type PassageIndex, type PassageList } from './passageIndex.ts';
import { FactIndex } from './factIndex.ts';
import { OrganisationIndex } from './organisations.ts';
import { PhraseIndex } from './phrases.ts';
import { passageLinks, type Links } from './linking.ts';
import { TitleIndex } from './titleIndex.ts';
import { Vocabulary, wordList, type WordList } from './vocabulary.ts';
import { LexiconIndex } from './lexiconIndex.ts';
import { STOP_WORDS, normalise, words } from './text.ts';

export type Named = { kind: 'person'; person: Person } | { kind: 'programme'; programme: Programme } | { kind: 'term'; entry: GlossaryEntry };

export interface Indexes {
  organisations: OrganisationIndex;
  /** People, programmes and glossary terms by name and alias. */
  names: PhraseIndex<Named>;
  /** MiniSearch for small knowledge, a binary index for large (see passageIndex.ts). */
  passages: PassageIndex;
  facts: FactIndex;
  vocabulary: Vocabulary;
  /** What each passage names: organisations, people with roles, dates, intervention cues (machine-read, see linking.ts). */
  links: Links;
  /** Document titles and publishers by term. */
  titles: TitleIndex;
  /** The domain lexicon's phrasings and intervention-type phrases. */
  lexicon: LexiconIndex;
}

/** How often each word occurs in the passages, in order of first appearance (the vocabulary's main source, and cached with the passage index). */
export function passageWordCounts(passages: PassageList): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of passages) for (const w of words(p.text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Builds the indexes of a snapshot; `passages` and `passageWords` (without stop words) may come from a cached snapshot instead (see indexCache.ts). */
export function buildIndexes(
  k: Knowledge,
  passages: PassageIndex = buildSearchIndex(k.passages),
  passageWords: WordList = wordList(passageWordCounts(k.passages), STOP_WORDS),
): Indexes {
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
  // The passages' words come as a sorted list (from the index snapshot): the rest is added to it.
  const vocabulary = new Vocabulary(STOP_WORDS, passageWords);
  for (const key of organisations.keys()) vocabulary.add(key.split(' '));
  vocabulary.add(organisations.codes());
  for (const o of k.organisations.values()) for (const n of o.names) vocabulary.add(words(n));
  for (const phrase of names.phrases()) vocabulary.add(phrase.split(' '));
  for (const g of k.glossary) vocabulary.add(words(g.definition));
  for (const i of k.interventions) vocabulary.add(words(`${i.title} ${i.summary}`));
  for (const e of k.events) vocabulary.add(words(e.summary));
  const lexicon = new LexiconIndex(k.lexicon);
  vocabulary.add(lexicon.meanings);
  vocabulary.add(lexicon.sayings);
  return { organisations, names, passages, facts: new FactIndex(k), vocabulary, titles: new TitleIndex(k.documents.values()), lexicon, links: passageLinks(k) };
}
