/**
 * Follow-up questions: "what about Southend?", "who leads it?", "and when?" lean on the question before them in
 * the same conversation (a Slack thread or DM, a console chat). The context is plain data, so any store can keep it.
 */
import type { ParsedQuestion } from '../search/question.ts';

/** What a follow-up may lean on: the last question as the engine read it, and the names in it. */
export interface ConversationContext {
  /** The previous question, as answered (itself already resolved if it was a follow-up). */
  question: string;
  intent: string;
  /** Names in it, as written, with their kind. */
  mentions: { kind: 'org' | 'person' | 'programme' | 'term' | 'date' | 'type'; text: string }[];
}

/** Kinds of name that stand for one another in "what about …?": a programme for a term, an organisation for another. */
const CLASS: Record<ConversationContext['mentions'][number]['kind'], string> = {
  org: 'org',
  person: 'person',
  programme: 'topic',
  term: 'topic',
  type: 'topic',
  date: 'date',
};
const PRIORITY: ConversationContext['mentions'][number]['kind'][] = ['org', 'person', 'programme', 'type', 'term', 'date'];
const OPENERS = [/^\s*(what|how)\s+about\s+/i, /^\s*and\s+(also\s+)?/i, /^\s*also\s+/i, /^\s*what\s+of\s+/i, /^\s*same\s+for\s+/i];
const WH = /^(who|what|when|where|why|how many|how|which)\b/i;
const PLURAL = /\b(they|them)\b/i;
const PERSONAL = /\b(he|him|she|her)\b/i;
const PRONOUN = /\b(it|its|they|them|their|he|him|his|she|her|this|that|these|those)\b/gi;

/** The context a question leaves for the next one. */
export function contextOf(q: ParsedQuestion, question: string, intent: string): ConversationContext {
  const text = (m: { from: number; to: number }) => q.words.slice(m.from, m.to).join(' ');
  return {
    // The words as read (typos corrected, phrasings rewritten): names stand in it exactly as `mentions` give them.
    question: q.words.join(' ') || question,
    intent,
    mentions: [
      ...q.orgs.map((m) => ({ kind: 'org' as const, text: text(m) })),
      ...q.names.map((m) => ({ kind: m.items[0].kind === 'term' ? ('term' as const) : m.items[0].kind, text: text(m) })),
      ...q.dates.map((m) => ({ kind: 'date' as const, text: text(m) })),
      ...q.interventionTypes.map((t) => ({ kind: 'type' as const, text: t.replace(/-/g, ' ') })),
    ],
  };
}

/**
 * The question a follow-up stands for, or null when it stands on its own. New names replace the previous
 * question's names of the same kind ("what about Southend?"); pronouns take the previous names ("who leads it?");
 * a bare question word asks it of the previous names ("and when?").
 */
export function resolveFollowUp(q: ParsedQuestion, question: string, context: ConversationContext | undefined): string | null {
  if (!context || !q.followUp) return null;
  const now = contextOf(q, question, '');
  const body = OPENERS.reduce((t, re) => t.replace(re, ''), question)
    .replace(/[?.!]+\s*$/, '')
    .trim();
  // What "it" or "they" stands for: the most specific name of the last question.
  const main = [...context.mentions].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind))[0];
  if (now.mentions.length > 0 && !WH.test(body)) {
    // "what about Southend?": the same question of another name.
    let rewritten = context.question;
    for (const m of now.mentions) {
      const same = context.mentions.find((c) => CLASS[c.kind] === CLASS[m.kind]);
      rewritten =
        same && rewritten.toLowerCase().includes(same.text.toLowerCase())
          ? replaceText(rewritten, same.text, m.text)
          : `${rewritten.replace(/[?.!]+\s*$/, '')} ${m.kind === 'date' ? 'in ' : 'for '}${m.text}`;
    }
    return rewritten;
  }
  if (!main) return null;
  // "he" or "she" is a person asked or answered about before, when there is one.
  const person = context.mentions.find((m) => m.kind === 'person');
  if (person && PERSONAL.test(body)) return body.replace(PERSONAL, person.text);
  // "they" or "them" after "is Thurrock under legal directions?" is the directions: a plural name before a singular one.
  const plural = context.mentions.find((m) => m.kind === 'type') ?? context.mentions.find((m) => m.kind !== 'org' && m.kind !== 'term' && /s$/.test(m.text));
  if (plural && PLURAL.test(body)) return body.replace(PLURAL, plural.text);
  if (new RegExp(PRONOUN.source, 'i').test(body)) return body.replace(PRONOUN, main.text);
  if (WH.test(body) && body.split(/\s+/).length <= 3) return `${body} ${context.mentions.map((m) => m.text).join(' ')}`;
  return null;
}

function replaceText(text: string, from: string, to: string): string {
  const at = text.toLowerCase().indexOf(from.toLowerCase());
  return at < 0 ? text : text.slice(0, at) + to + text.slice(at + from.length);
}
