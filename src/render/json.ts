/** The JSON shape of the command-line contract (DESIGN.md): the Answer without internal fields. */
import type { Answer, Citation, Overflow } from '../engine/answer.ts';

/** An Answer as the one-line JSON object the contract promises. */
export function answerToJson(a: Answer) {
  return {
    answered: a.answered,
    intent: a.intent,
    confidence: a.confidence,
    text: a.text,
    citations: a.citations.map(citationToJson),
    suggestions: a.suggestions,
    statements: a.statements,
    // The statements the text had no room for; their cites number on from `citations`.
    ...(a.more ? { more: overflowJson(a.more) } : {}),
    // A two-part answer's parts, each with the part of the question it answers and its own rest.
    ...(a.parts
      ? { parts: a.parts.map((p) => ({ question: p.question, text: p.text, statements: p.statements, ...(p.more ? { more: overflowJson(p.more) } : {}) })) }
      : {}),
  };
}

/** A citation as the JSON contracts give it (answers and digests alike): absent fields left out. */
export function citationToJson(c: Citation) {
  return {
    document: c.document,
    title: c.title,
    quote: c.quote,
    ...(c.publisher ? { publisher: c.publisher } : {}),
    ...(c.published ? { published: c.published } : {}),
    ...(c.url ? { url: c.url } : {}),
  };
}

function overflowJson(more: Overflow) {
  return { statements: more.statements, citations: more.citations.map((c: Citation) => ({ document: c.document, title: c.title, quote: c.quote })) };
}
