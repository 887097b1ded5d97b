/**
 * The domain lexicon as the question reader uses it: phrasings found on a question's words or lemmas, longest
 * first, and replaced by what they mean; and the phrases that name a kind of intervention.
 */
import type { Lexicon } from '../knowledge/lexicon.ts';
import type { OrgMention } from './organisations.ts';
import { PhraseIndex } from './phrases.ts';
import type { Token } from './reading.ts';
import { words as toWords } from './text.ts';

export class LexiconIndex {
  private readonly phrases = new PhraseIndex<string[]>();
  /** Phrasings read so only right before an organisation's name. */
  private readonly beforeOrganisation = new PhraseIndex<string[]>();
  private readonly types = new PhraseIndex<string>();
  /** Every word the lexicon reads a phrasing as: such words are never out of scope. */
  readonly meanings = new Set<string>();
  /** Words of the meanings that say what a question asks about, which an answer must speak to (`topic: true`). */
  readonly topicMeanings = new Set<string>();
  /** Every word of every phrasing: never corrected as a typo ("bot" is not "but"), and what a typo may be corrected to. */
  readonly sayings = new Set<string>();
  /** Words of the phrasings read as nothing, and of those read as something. */
  private readonly dropped = new Set<string>();
  private readonly kept = new Set<string>();

  constructor(lexicon: Lexicon) {
    for (const { says, means, beforeOrganisation, topic } of lexicon.phrases) {
      const meaning = toWords(means);
      (beforeOrganisation ? this.beforeOrganisation : this.phrases).add(toWords(says).join(' '), meaning);
      for (const w of toWords(says)) {
        this.sayings.add(w);
        (meaning.length ? this.kept : this.dropped).add(w);
      }
      for (const w of meaning) this.meanings.add(w);
      if (topic) for (const w of meaning) this.topicMeanings.add(w);
    }
    for (const { says, type } of lexicon.interventionTypes) this.types.add(toWords(says).join(' '), type);
  }

  /**
   * The words with each phrasing replaced by its meaning, matched on the words or on their lemmas ("took over
   * from" as "take over from"); words inside `keep` spans (names) are left alone. `lexical` marks the words
   * that came from the lexicon.
   */
  rewrite(
    words: string[],
    tokens: Token[],
    keep: Pick<OrgMention, 'from' | 'to'>[] = [],
    beginsName: (word: string) => boolean = () => false,
    organisations: Pick<OrgMention, 'from' | 'to'>[] = keep,
  ): { words: string[]; lexical: boolean[]; rewrittenAt: { from: number; to: number }[] } {
    const fixed = words.map((_, i) => keep.some((s) => s.from <= i && i < s.to));
    const lemmas = tokens.map((t) => t.lemma);
    const matches = [...this.phrases.find(words, fixed), ...this.phrases.find(lemmas, fixed)].sort(
      (a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from,
    );
    // A name starts here: one read before the lexicon, or a phrasing read as a name's first words ("gm" as
    // "greater manchester").
    // (Only an organisation's: "went into special measures" is not a successor.)
    const startsName = (at: number) => organisations.some((s) => s.from === at) || matches.some((m) => m.from === at && beginsName(m.items[0][0] ?? ''));
    // "went into the Black Country one": the name may follow after an article.
    const nameFollows = (at: number) => startsName(at) || (['the', 'a', 'an'].includes(words[at]) && startsName(at + 1));
    const named = [...this.beforeOrganisation.find(words, fixed), ...this.beforeOrganisation.find(lemmas, fixed)].filter((m) => nameFollows(m.to));
    const chosen: typeof matches = [];
    for (const m of [...named, ...matches]) if (!chosen.some((c) => c.from < m.to && m.from < c.to)) chosen.push(m);
    chosen.sort((a, b) => a.from - b.from);
    const out: string[] = [];
    const lexical: boolean[] = [];
    // Where each input word went in the output: a rewritten one, to the whole of what replaced its phrasing.
    const rewrittenAt: { from: number; to: number }[] = [];
    const copyUpTo = (end: number) => {
      for (; i < end; i++) {
        rewrittenAt.push({ from: out.length, to: out.length + 1 });
        out.push(words[i]);
        lexical.push(false);
      }
    };
    let i = 0;
    for (const m of chosen) {
      copyUpTo(m.from);
      const from = out.length;
      // Several meanings for one phrase never happen (the loader refuses them); take the first.
      for (const w of m.items[0]) {
        out.push(w);
        lexical.push(true);
      }
      for (; i < m.to; i++) rewrittenAt.push({ from, to: out.length });
    }
    copyUpTo(words.length);
    return { words: out, lexical, rewrittenAt };
  }

  /** Whether a word only ever appears in phrasings the lexicon drops (words of address and chat: "bot", "pls"). */
  dropsWord(word: string): boolean {
    return this.dropped.has(word) && !this.kept.has(word);
  }

  /** Whether a word belongs to one of the lexicon's phrasings. */
  knows(word: string): boolean {
    return this.sayings.has(word);
  }

  /** Whether the lexicon lists this phrase (normalised words joined by spaces). */
  has(phrase: string): boolean {
    return this.phrases.has(phrase);
  }

  /** The kinds of intervention the words name. */
  interventionTypes(words: string[]): string[] {
    return [...new Set(this.types.find(words).flatMap((m) => m.items))];
  }
}
