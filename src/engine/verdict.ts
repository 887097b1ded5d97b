/** Yes/no questions get their answer first: "Yes — …" or "No — …", when the intent could judge. */
import type { ParsedQuestion } from '../search/question.ts';
import type { IntentResult } from './intent.ts';

export function withVerdict(q: ParsedQuestion, result: IntentResult): IntentResult {
  if (q.answerType !== 'yes-no' || result.verdict === undefined || result.statements.length === 0) return result;
  const [first, ...rest] = result.statements;
  const lead = result.verdict ? 'Yes' : 'No';
  return { ...result, statements: [{ ...first, text: `${lead} — ${first.text}` }, ...rest] };
}
