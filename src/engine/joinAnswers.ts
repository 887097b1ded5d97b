/**
 * Two answers as one, for a two-part question: each part keeps its statements, its citations (renumbered)
 * and the rest it had no room for (`more`), so a surface can offer "Show all" for either part.
 */
import { MAX_ANSWER_CHARS, type Answer, type AnswerPart, type Citation, type Overflow } from './answer.ts';

/**
 * Joins the answers to the two parts of a question (`questions`: the parts as asked). The engine asks each
 * part within its share of the limits, so the joined text and sources fit without cutting either part.
 */
export function joinAnswers(a: Answer, b: Answer, questions: [string, string]): Answer {
  if (!a.answered && !b.answered) return { ...a, text: `${a.text}\n${b.text}`.slice(0, MAX_ANSWER_CHARS) };
  const citations = [...a.citations];
  const remap = b.citations.map((c) => {
    const at = citations.findIndex((x) => same(x, c));
    if (at >= 0) return at;
    citations.push(c);
    return citations.length - 1;
  });
  const renumber = (text: string) => text.replace(/\[(\d+)\]/g, (_, n: string) => `[${(remap[Number(n) - 1] ?? Number(n) - 1) + 1}]`);
  const bStatements = b.statements.map((s) => ({ ...s, cites: s.cites.map((c) => remap[c] ?? c) }));
  // The same "as of" line under both parts is said once, at the end.
  const asOf = b.knowledgeAsOf ?? a.knowledgeAsOf;
  const aText = a.knowledgeAsOf && a.knowledgeAsOf === b.knowledgeAsOf ? withoutLastLine(a.text, a.knowledgeAsOf) : a.text;
  const bText = renumber(b.text);
  const parts: AnswerPart[] = [
    part(questions[0], aText, a.statements, a.more && overflowOf(a.more, a.citations, (c) => c, citations)),
    part(questions[1], bText, bStatements, b.more && overflowOf(b.more, b.citations, (c) => remap[c] ?? c, citations)),
  ];
  const text = `${aText}\n\n${bText}`;
  return {
    answered: true,
    intent: `${a.intent}+${b.intent}`,
    confidence: Math.min(a.answered ? a.confidence : 0.5, b.answered ? b.confidence : 0.5),
    text: text.length > MAX_ANSWER_CHARS ? `${text.slice(0, MAX_ANSWER_CHARS - 1)}…` : text,
    statements: [...a.statements, ...bStatements],
    citations,
    suggestions: [...new Set([...a.suggestions, ...b.suggestions])].slice(0, 3),
    ...(asOf ? { knowledgeAsOf: asOf } : {}),
    parts,
    ...((b.context ?? a.context) ? { context: b.context ?? a.context } : {}),
    ...((a.organisationCode ?? b.organisationCode) ? { organisationCode: a.organisationCode ?? b.organisationCode } : {}),
  };
}

const same = (x: Citation, y: Citation) => x.document === y.document && x.quote === y.quote;

function part(question: string, text: string, statements: AnswerPart['statements'], more: Overflow | undefined): AnswerPart {
  return { question, text, statements, ...(more?.statements.length ? { more } : {}) };
}

/**
 * A part's rest, renumbered for the joined answer: a cite of one of the part's own citations goes where `own`
 * puts it among the joined `citations`; a cite of the rest's citations to the joined citation that is the same
 * passage, or else on from the joined answer's numbers.
 */
function overflowOf(more: Overflow, partCitations: Citation[], own: (c: number) => number, citations: Citation[]): Overflow {
  const rest: Citation[] = [];
  const place = (c: Citation) => {
    const at = citations.findIndex((x) => same(x, c));
    if (at >= 0) return at;
    const extra = rest.findIndex((x) => same(x, c));
    if (extra >= 0) return citations.length + extra;
    rest.push(c);
    return citations.length + rest.length - 1;
  };
  const renumber = (c: number) => {
    if (c < partCitations.length) return own(c);
    const cited = more.citations[c - partCitations.length];
    return cited ? place(cited) : -1;
  };
  const statements = more.statements.map((s) => ({ ...s, cites: s.cites.map(renumber).filter((c) => c >= 0) }));
  return { statements, citations: rest };
}

/** `text` without its last line when that line is `line`. */
function withoutLastLine(text: string, line: string): string {
  return text.endsWith(`\n${line}`) ? text.slice(0, -line.length - 1) : text;
}
