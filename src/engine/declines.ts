/** Replies that are not answers: chat, advice the sources cannot give, and names nothing in the knowledge is called. */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { ChatKind } from '../search/chat.ts';
import type { ParsedQuestion } from '../search/question.ts';
import type { UnknownName } from '../search/unknownNames.ts';
import type { Answer } from './answer.ts';
import { declined } from './compose.ts';
import type { Intent, IntentContext } from './intent.ts';

const EXAMPLES = ['Which CCGs are under legal directions?', 'Tell me about Thurrock CCG', 'Who leads primary care in the Essex success regime?'];

/** A short reply to a greeting, thanks or goodbye, with what the bot can do. Not an answer: nothing is cited. */
export function smallTalk(kind: ChatKind, k: Knowledge): Answer {
  const can = `I answer questions about CCGs, STPs/ICBs and NHS England interventions from ${k.documents.size} source documents and the NHS organisation register, quoting my sources. Try "which CCGs are in financial special measures?" or "org Thurrock".`;
  const text = kind === 'thanks' ? `You're welcome. ${can}` : kind === 'goodbye' ? 'Goodbye. Ask again any time.' : `Hello. ${can}`;
  return declined('small-talk', text, EXAMPLES);
}

/** Advice and opinion are for people: say so, and offer the facts instead. */
export function adviceDecline(q: ParsedQuestion): string {
  const names = q.orgs.map((m) => m.org.name);
  const facts = names.length
    ? ` I can tell you what the sources and the register say about ${names.slice(0, 2).join(' and ')}.`
    : ' I can tell you what the sources and the register say.';
  return `That asks for advice or an opinion, which I can't give: I only report what my sources say.${facts}`;
}

/** The factual questions nearest an advice question: the intents' own rephrasings of it. */
export function adviceSuggestions(ctx: IntentContext, intents: Intent[]): string[] {
  const s = intents
    .filter((i) => !i.fallback)
    .map((i) => i.rephrase?.(ctx))
    .filter((x): x is string => !!x);
  return s.length ? [...new Set(s)].slice(0, 3) : EXAMPLES;
}

/** "I don't know an organisation called …": never a passage about something else. */
export function unknownNameDecline(name: UnknownName): string {
  const what = name.kind === 'organisation' ? 'an organisation' : 'anyone';
  const near = name.suggestions.length ? ` The nearest names I hold: ${name.suggestions.join('; ')}.` : '';
  return `I don't know ${what} called “${name.text}”: it is not in the NHS organisation register or my sources.${near}`;
}
