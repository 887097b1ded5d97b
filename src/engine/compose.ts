/** Building the Answer: statements in order, each with numbered citations, within the length limits. */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { ANSWER_LIMITS, type Answer, type AnswerLimits, type Citation, type Statement } from './answer.ts';
import { toCitation } from './citations.ts';
import type { IntentResult } from './intent.ts';

/**
 * Turns an intent's result into an Answer: direct answer first, every statement cited, the text within
 * the limits. Statements the text has no room for are kept in `more`, numbered on, so nothing is cut. The
 * first statement, the direct answer, is always kept, with all its sources.
 */
export function compose(
  k: Knowledge,
  intent: string,
  confidence: number,
  result: IntentResult,
  suggestions: string[],
  asOfLine?: string,
  limits: AnswerLimits = ANSWER_LIMITS,
): Answer {
  const citations: Citation[] = [];
  const statements: Statement[] = [];
  const overflow: Statement[] = [];
  const overflowCitations: Citation[] = [];
  const lines: string[] = [];
  let length = asOfLine ? asOfLine.length + 1 : 0;
  for (const draft of result.statements) {
    const cites: number[] = [];
    const fresh: Citation[] = [];
    for (const source of draft.sources) {
      const c = toCitation(k, source);
      const at = citations.findIndex((x) => same(x, c));
      if (at >= 0) cites.push(at);
      else if (!fresh.some((x) => same(x, c))) fresh.push(c);
    }
    const marker = [...cites.map((i) => i + 1), ...fresh.map((_, j) => citations.length + j + 1)].map((n) => `[${n}]`).join('');
    const line = marker ? `${draft.text} ${marker}` : draft.text;
    const tooLong = length + line.length + 1 > limits.chars - 60;
    // Once one statement goes to the rest, the ones after it follow: the rest reads on in order from the text.
    if (statements.length > 0 && (overflow.length > 0 || tooLong || citations.length + fresh.length > limits.citations)) {
      overflow.push({ text: draft.text, cites: [...cites, ...fresh.map((c) => citations.length + indexOrAdd(overflowCitations, c))] });
      continue;
    }
    fresh.forEach((c) => citations.push(c));
    statements.push({ text: draft.text, cites: [...cites, ...fresh.map((_, j) => citations.length - fresh.length + j)] });
    lines.push(line);
    length += line.length + 1;
  }
  if (overflow.length) lines.push(`…and ${overflow.length} more. Ask about one organisation or programme for the rest.`);
  if (asOfLine) lines.push(asOfLine);
  const text = lines.join('\n').slice(0, limits.chars);
  return {
    answered: true,
    intent,
    confidence: Math.round(confidence * 100) / 100,
    text,
    statements,
    citations,
    suggestions,
    ...(asOfLine ? { knowledgeAsOf: asOfLine } : {}),
    ...(result.organisationCode ? { organisationCode: result.organisationCode } : {}),
    ...(overflow.length ? { more: { statements: overflow, citations: overflowCitations } } : {}),
  };
}

const same = (a: Citation, b: Citation) => a.document === b.document && a.quote === b.quote;

/** The index of `c` in `list`, adding it at the end when it is not there yet. */
function indexOrAdd(list: Citation[], c: Citation): number {
  const at = list.findIndex((x) => same(x, c));
  if (at >= 0) return at;
  list.push(c);
  return list.length - 1;
}

/** An honest "I don't know" (or "I can't take that"), with what the person could ask instead. */
export function declined(intent: string, text: string, suggestions: string[]): Answer {
  return { answered: false, intent, confidence: 0, text, statements: [], citations: [], suggestions };
}
