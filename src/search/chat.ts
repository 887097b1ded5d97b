/** Chat that is not a question (greetings, thanks, goodbyes), and questions that ask for advice or an opinion. */
import { oneEditApart } from './edits.ts';

export type ChatKind = 'greeting' | 'thanks' | 'goodbye';

const CHAT: Record<string, ChatKind> = {
  hi: 'greeting',
  hello: 'greeting',
  hey: 'greeting',
  hiya: 'greeting',
  howdy: 'greeting',
  morning: 'greeting',
  afternoon: 'greeting',
  evening: 'greeting',
  yo: 'greeting',
  greetings: 'greeting',
  thanks: 'thanks',
  thank: 'thanks',
  thx: 'thanks',
  ta: 'thanks',
  cheers: 'thanks',
  brilliant: 'thanks',
  great: 'thanks',
  perfect: 'thanks',
  helpful: 'thanks',
  lovely: 'thanks',
  useful: 'thanks',
  awesome: 'thanks',
  amazing: 'thanks',
  appreciated: 'thanks',
  bye: 'goodbye',
  goodbye: 'goodbye',
  later: 'goodbye',
  cya: 'goodbye',
};
/** Words that may stand beside a greeting without making it a question. */
const FILLER = new Set([
  'good',
  'there',
  'all',
  'you',
  'very',
  'much',
  'so',
  'a',
  'lot',
  'again',
  'bot',
  'commissioning',
  'mate',
  'team',
  'folks',
  'everyone',
  'ok',
  'okay',
  'oh',
  'and',
  'for',
  'that',
  'the',
  'help',
  'see',
  'ya',
  'nice',
  'one',
  'u',
  's',
  'was',
  'is',
  'it',
  // A reaction to an answer: "that's exactly what I needed", "just what I wanted", "really useful".
  'exactly',
  'just',
  'what',
  'i',
  'needed',
  'wanted',
  'really',
  'super',
  'this',
  'me',
  'us',
]);

/** One letter out ("helo", "thnaks"), for chat words of four letters or more. */
const near = (word: string, target: string) => target.length >= 4 && oneEditApart(word, target);

const kindOf = (w: string): ChatKind | undefined => CHAT[w] ?? Object.entries(CHAT).find(([t]) => near(w, t))?.[1];

/** The kind of chat when every word is chat or filler ("hi there", "thanks a lot", "helo"); null for a question. */
export function chatKind(words: string[]): ChatKind | null {
  if (words.length === 0 || words.length > 10) return null;
  let kind: ChatKind | null = null;
  for (const w of words) {
    const k = kindOf(w);
    if (k) kind ??= k;
    else if (!FILLER.has(w)) return null;
  }
  return kind;
}

const ADVICE = [
  ['should'],
  ['shall', 'we'],
  ['do', 'you', 'think'],
  ['what', 'do', 'you', 'think'],
  ['would', 'it', 'be', 'better'],
  ['is', 'it', 'a', 'good', 'idea'],
  ['is', 'it', 'wise'],
  ['would', 'you'],
  ['your', 'opinion'],
  ['your', 'view'],
  ['recommend'],
  ['advise'],
  ['advice'],
  ['best', 'way', 'to'],
  ['ought'],
  // Judging people and decisions: no source says whether someone does well.
  ['a', 'good', 'job'],
  ['a', 'bad', 'job'],
  ['doing', 'well'],
  ['doing', 'badly'],
  ['any', 'good'],
  ['a', 'good', 'thing'],
  ['a', 'bad', 'thing'],
  ['a', 'mistake'],
  ['worth', 'it'],
];

/** Asks what someone ought to do or what the bot thinks, which no source can answer. */
export function isAdvice(words: string[]): boolean {
  const text = ` ${words.join(' ')} `;
  return ADVICE.some((p) =>
    p.length === 1 && (p[0] === 'should' || p[0] === 'ought')
      ? words[0] === p[0] || text.includes(` i ${p[0]} `) || text.includes(` we ${p[0]} `)
      : text.includes(` ${p.join(' ')} `),
  );
}
