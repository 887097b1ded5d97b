/**
 * Scores intents against a question: a MiniSearch index of every intent's example phrasings, where
 * entity mentions stand as placeholders ("tell me about {org}" meets "tell me about Thurrock CCG").
 */
import MiniSearch from 'minisearch';
import type { ParsedQuestion } from '../search/question.ts';
import type { LexiconIndex } from '../search/lexiconIndex.ts';
import { readTokens } from '../search/reading.ts';
import { stem, words } from '../search/text.ts';
import type { Intent, Slot } from './intent.ts';

export interface IntentScore {
  intent: Intent;
  score: number;
}

const PLACEHOLDER: Record<string, string> = { org: 'xorg', person: 'xperson', programme: 'xprogramme', term: 'xterm', date: 'xdate', type: 'xtype' };
const ARTICLES = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'is', 'are', 'was', 'were', 'be', 'me', 'please']);

const processTerm = (t: string) => (ARTICLES.has(t) ? null : stem(t));

/** The examples as the matcher reads them: indexed, and the words they use. */
interface Examples {
  index: MiniSearch<{ id: number; intent: string; text: string }>;
  vocabulary: Set<string>;
  intentWords: Map<string, Set<string>>;
}

export class IntentMatcher {
  /** Read when first needed: tagging the examples loads the English model, which only a question needs. */
  private examples?: Examples;
  /** Each intent's best score for a placeholder text, for the texts matched last (most recent last). */
  private readonly recent = new Map<string, ReadonlyMap<string, number>>();

  constructor(
    private readonly intents: Intent[],
    private readonly lexicon?: LexiconIndex,
  ) {}

  /** Every word the intents' examples use: such words never count as out of scope. */
  get vocabulary(): Set<string> {
    return this.read().vocabulary;
  }

  /** The words of each intent's own examples (stemmed). */
  get intentWords(): Map<string, Set<string>> {
    return this.read().intentWords;
  }

  private read(): Examples {
    if (this.examples) return this.examples;
    const index = new MiniSearch<{ id: number; intent: string; text: string }>({
      fields: ['text'],
      storeFields: ['intent'],
      tokenize: (s) => s.split(' '),
      processTerm,
    });
    const vocabulary = new Set<string>();
    const intentWords = new Map<string, Set<string>>();
    const lexicon = this.lexicon;
    let id = 0;
    for (const intent of this.intents) {
      for (const example of intent.examples) {
        // Examples are read as questions are (the lexicon's phrasings, lemmas), so both meet on the same words.
        const raw = words(example.replace(/\{(\w+)\}/g, (_, slot: string) => ` ${PLACEHOLDER[slot] ?? slot} `));
        const rewritten = lexicon ? lexicon.rewrite(raw, readTokens(raw)).words : raw;
        const text = readTokens(rewritten)
          .map((t) => (Object.values(PLACEHOLDER).includes(t.word) ? t.word : t.lemma))
          .join(' ');
        index.add({ id: id++, intent: intent.name, text });
        const own = intentWords.get(intent.name) ?? new Set<string>();
        for (const w of [...raw, ...rewritten, ...text.split(' ')]) {
          vocabulary.add(w);
          vocabulary.add(stem(w));
          own.add(stem(w));
        }
        intentWords.set(intent.name, own);
      }
    }
    return (this.examples = { index, vocabulary, intentWords });
  }

  /** Intents in order of fit; intents whose needed slots are missing are left out. */
  rank(q: ParsedQuestion): IntentScore[] {
    const slots = slotsOf(q);
    const best = this.scores(placeholderText(q));
    return this.intents
      .filter((i) => !i.needs || i.needs.some((s) => slots.has(s)))
      .map((intent) => ({ intent, score: best.get(intent.name) ?? 0 }))
      .sort((a, b) => Number(!!a.intent.fallback) - Number(!!b.intent.fallback) || b.score - a.score);
  }

  /**
   * Each intent's best example score for a placeholder text. The examples never change, so the scores of a
   * text are kept for the next question of the same shape (the most recent RECENT_TEXTS texts).
   */
  private scores(text: string): ReadonlyMap<string, number> {
    const kept = this.recent.get(text);
    if (kept) {
      this.recent.delete(text);
      this.recent.set(text, kept);
      return kept;
    }
    const best = new Map<string, number>();
    for (const hit of this.read().index.search(text, { fuzzy: (t) => (t.length > 5 ? 0.2 : false) })) {
      const name = hit.intent as string;
      best.set(name, Math.max(best.get(name) ?? 0, hit.score));
    }
    this.recent.set(text, best);
    if (this.recent.size > RECENT_TEXTS) this.recent.delete(this.recent.keys().next().value!);
    return best;
  }
}

/** Placeholder texts whose scores are kept: questions are asked in a few hundred shapes ("tell me about xorg"). */
const RECENT_TEXTS = 1000;

/** The slots a parsed question fills. */
export function slotsOf(q: ParsedQuestion): Set<Slot> {
  const s = new Set<Slot>();
  if (q.orgs.length) s.add('org');
  for (const n of q.names) for (const item of n.items) s.add(item.kind === 'term' ? 'term' : item.kind);
  if (q.dates.length) s.add('date');
  if (q.interventionTypes.length) s.add('type');
  return s;
}

/** The question's words with each entity mention replaced by its placeholder. */
function placeholderText(q: ParsedQuestion): string {
  const out: string[] = [];
  const spans = [
    ...q.orgs.map((m) => ({ from: m.from, to: m.to, slot: 'org' })),
    ...q.names.map((m) => ({ from: m.from, to: m.to, slot: m.items[0].kind === 'term' ? 'term' : m.items[0].kind })),
    ...q.dates.map((m) => ({ from: m.from, to: m.to, slot: 'date' })),
  ];
  for (let i = 0; i < q.words.length; i++) {
    const span = spans.find((s) => s.from === i);
    if (span) {
      out.push(PLACEHOLDER[span.slot]);
      i = span.to - 1;
    } else out.push(q.tokens[i]?.lemma ?? q.words[i]);
  }
  return out.join(' ');
}
