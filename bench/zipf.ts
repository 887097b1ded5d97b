/**
 * A realistic vocabulary for the synthetic corpus: real text holds tens of thousands of distinct words
 * whose frequencies fall off as a power of their rank (Zipf's law), so costs that grow with the
 * vocabulary (the term dictionary, typo correction, prefix and fuzzy expansion) are measured too.
 * Words come from an English word list plus the register's organisation names and people's names,
 * ranked in a seeded order, so the same seed always gives the same vocabulary.
 */
import { createRequire } from 'node:module';
import type { Rng } from './prng.ts';

/** Distinct words the vocabulary draws from by default (the issue asks for at least 50,000). */
export const VOCABULARY_SIZE = 60_000;

/** Zipf's exponent: about 1 for English text. */
const EXPONENT = 1.05;

/** A Zipf-distributed vocabulary: `draw` picks a word, common words far more often than rare ones. */
export interface ZipfVocabulary {
  /** Every word it can draw, most frequent first. */
  words: readonly string[];
  draw(rng: Rng): string;
  /** `count` words drawn independently, joined by spaces. */
  phrase(rng: Rng, count: number): string;
}

/** English words of 3 to 14 plain letters (the list holds 275,000, most of them rare forms). */
function englishWords(): string[] {
  const list = createRequire(import.meta.url)('an-array-of-english-words') as string[];
  return list.filter((w) => w.length >= 3 && w.length <= 14 && /^[a-z]+$/.test(w));
}

/**
 * Builds a vocabulary of `size` distinct words: `names` (words of organisation and people's names,
 * which papers repeat) spread through the ranks, the rest English words in a seeded shuffle.
 */
export function zipfVocabulary(rng: Rng, names: Iterable<string>, size = VOCABULARY_SIZE): ZipfVocabulary {
  const english = englishWords();
  // A seeded partial Fisher–Yates shuffle: only the first `size` places are needed.
  for (let i = 0; i < Math.min(size, english.length - 1); i++) {
    const j = i + Math.floor(rng.next() * (english.length - i));
    [english[i], english[j]] = [english[j], english[i]];
  }
  const seen = new Set<string>();
  const words: string[] = [];
  const nameWords = [...new Set([...names].map((n) => n.toLowerCase()).filter((n) => /^[a-z]{3,}$/.test(n)))];
  let e = 0;
  while (words.length < size && (e < english.length || nameWords.length)) {
    // About one rank in twenty is a name word, so names are neither all common nor all rare.
    const w = nameWords.length && (words.length % 20 === 7 || e >= english.length) ? nameWords.shift()! : english[e++];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  // Cumulative weights 1/rank^s; a draw is a binary search of a uniform number among them.
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let r = 0; r < words.length; r++) cumulative[r] = total += 1 / (r + 1) ** EXPONENT;
  const draw = (r: Rng) => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
  return { words, draw, phrase: (r, count) => Array.from({ length: count }, () => draw(r)).join(' ') };
}
