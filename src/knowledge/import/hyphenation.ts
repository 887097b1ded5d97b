/**
 * Joining the lines of a paragraph as a reader reads them: a word a typesetter hyphenated at a line's end
 * ("commis-" / "sioning") is made whole, while a hyphenated compound that happened to fall there ("non-" /
 * "clinical", "follow-" / "up") keeps its hyphen. Which is which is read from an English word list.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let words: Set<string> | undefined;

/** The English word list (an-array-of-english-words), read the first time a line ends in a hyphen. */
function isWord(w: string): boolean {
  words ??= new Set(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('an-array-of-english-words'), 'utf8')) as string[]);
  return words.has(w.toLowerCase());
}

/** Short words that end compounds: follow-up, roll-out, sign-off, buy-in. */
const PARTICLES = new Set(['up', 'in', 'out', 'off', 'on', 'down', 'over', 'by', 'back']);

/** Two lines of one paragraph as one: with a space, or across a hyphen at the first line's end. */
export function joinLines(before: string, after: string): string {
  const head = /([A-Za-z]+)-$/.exec(before);
  const tail = /^([a-z]+)/.exec(after);
  if (!head || !tail) return `${before} ${after}`;
  const [first, second] = [head[1], tail[1]];
  const compound = first.length >= 2 && isWord(first) && ((second.length >= 4 && isWord(second)) || PARTICLES.has(second));
  if (!compound && isWord(first + second)) return `${before.slice(0, -1)}${after}`;
  return `${before}${after}`;
}
