/** The kind of answer a question wants, from how it is asked: the answer's type decides what a right answer must give. */

export type AnswerType = 'yes-no' | 'count' | 'amount' | 'date' | 'duration' | 'person' | 'reason' | 'code' | 'definition' | 'list' | 'other';

/** Words naming a sum of money, which "what was …" asks the amount of. */
const MONEY_WORDS = new Set([
  'budget',
  'deficit',
  'surplus',
  'allocation',
  'overspend',
  'underspend',
  'spend',
  'cost',
  'costs',
  'savings',
  'saving',
  'funding',
  'expenditure',
  'shortfall',
  'income',
]);

/** "What was Sheffield CCG's budget for 2018/19?", "what did they spend on running costs?": a sum of money is asked. */
export function asksSum(words: string[]): boolean {
  return words[0] === 'what' && ['is', 'was', 'are', 'were', 'will', 'did', 'does'].includes(words[1] ?? '') && words.some((x) => MONEY_WORDS.has(x));
}

const ROLE_WORDS = new Set([
  'lead',
  'leads',
  'leading',
  'led',
  'chief',
  'chair',
  'chairs',
  'chairman',
  'chairwoman',
  'officer',
  'head',
  'heads',
  'director',
  'manager',
  'executive',
  'coordinator',
  'coordinates',
  'coordinate',
  'writes',
  'wrote',
  'editor',
  'author',
  'appointed',
  'secretary',
  'president',
  'boss',
  'contact',
  'role',
  'work',
  'works',
  'employ',
]);
const AUXILIARIES = new Set([
  'is',
  'was',
  'are',
  'were',
  'did',
  'does',
  'do',
  'has',
  'have',
  'had',
  'can',
  'could',
  'will',
  'would',
  'should',
  'shall',
  'isnt',
  'wasnt',
  'arent',
  'didnt',
  'doesnt',
  'hasnt',
  'havent',
]);

/**
 * Reads the answer type off the question's normalised words (after the lexicon: "what date" is already "when");
 * `plural(i)` says whether word i is a plural noun ("what interventions…" asks for a list).
 */
export function answerTypeOf(words: string[], plural: (i: number) => boolean = () => false, typed: string[] = words): AnswerType {
  const has = (w: string) => words.includes(w);
  const at = (i: number, ...ws: string[]) => ws.includes(words[i] ?? '');
  const phrase = (p: string) => ` ${words.join(' ')} `.includes(` ${p} `);
  if (phrase('how many')) return 'count';
  if (phrase('how much') || asksSum(words)) return 'amount';
  if (phrase('how long') || phrase('for how long')) return 'duration';
  // "Did the boundaries move when the ICB took over?" asks yes or no; "do you know when it merged?" asks a date.
  const whenAt = words.indexOf('when');
  const timeClause = whenAt > 1 && AUXILIARIES.has(words[0] ?? '') && !ASKING_VERBS.has(words[whenAt - 1]);
  if (at(0, 'when') || (has('when') && !timeClause && !has('what') && !has('which') && !has('who'))) return 'date';
  if (at(0, 'why') || has('why')) return 'reason';
  // "What's the deadline for the plan?" asks a date.
  if (at(0, 'what', 'whats') && (has('deadline') || phrase('due date'))) return 'date';
  // "Is QH8 the code for Mid and South Essex ICB?" asks yes or no; "what is the code …" asks for the code.
  if (has('code') && (at(0, 'what', 'whats', 'which', 'code', 'give', 'tell') || (phrase('the code') && !AUXILIARIES.has(words[0] ?? '')))) return 'code';
  // "Who took over from X?" asks for an organisation: only a role asked about wants a person.
  if ((at(0, 'who', 'whom', 'whose') || (has('who') && !has('which'))) && words.some((w) => ROLE_WORDS.has(w))) return 'person';
  if (
    phrase('what is a') ||
    phrase('what is an') ||
    (phrase('what are') && words.length <= 4) ||
    has('mean') ||
    has('meaning') ||
    has('define') ||
    has('definition') ||
    phrase('stand for') ||
    phrase('stands for')
  )
    return 'definition';
  if (AUXILIARIES.has(words[0] ?? '') || (words[0] === 'and' && AUXILIARIES.has(words[1] ?? ''))) return 'yes-no';
  if (at(0, 'which', 'list', 'name') || phrase('what are the') || phrase('what were the')) return 'list';
  if (at(0, 'what', 'whats') && (plural(1) || (['the', 'other'].includes(words[1]) && plural(2)))) return 'list';
  // "Surrey Heath CCG - still about in 2020?": a state asked after without a verb first, as the words were typed
  // (the lexicon reads "still about" as "open").
  if (typed.includes('still') && !typed.some((w) => QUESTION_WORDS.has(w))) return 'yes-no';
  return 'other';
}
/** Verbs that ask what follows them: "do you know when …", "can you tell me when …". */
const ASKING_VERBS = new Set(['know', 'tell', 'me', 'say', 'remember', 'recall', 'find', 'check', 'confirm']);
const QUESTION_WORDS = new Set(['what', 'whats', 'which', 'who', 'whom', 'whose', 'where', 'when', 'why', 'how', 'list', 'name', 'tell', 'give', 'show']);
