/** Yes/no questions get their answer first: "Yes — …" or "No — …", when the intent could judge. */
import type { ParsedQuestion } from '../search/question.ts';
import type { IntentResult } from './intent.ts';

export function withVerdict(q: ParsedQuestion, result: IntentResult, verdict: boolean | undefined, passage: boolean): IntentResult {
  if (q.answerType !== 'yes-no' || verdict === undefined || result.statements.length === 0) return result;
  const [first, ...rest] = result.statements;
  // A verdict read off a passage says where it comes from.
  const lead = `${verdict ? 'Yes' : 'No'}${passage && result.verdict === undefined ? ', going by the source' : ''}`;
  // "Yes — • Castle Point …" reads badly: a first statement that is a list item loses its bullet behind the verdict.
  return { ...result, statements: [{ ...first, text: `${lead} — ${first.text.replace(/^• /, '')}` }, ...rest] };
}
