/**
 * Irregular English verbs, as their forms' stems: a question read with lemmas says "lead" or "take" where a
 * document says "led" or "took", and the passage index stems words, so it never meets one in the other.
 */
import { stem } from './text.ts';

/** Base form, then the past and past participle forms that differ from it. */
const VERBS: string[][] = [
  ['lead', 'led'],
  ['take', 'took', 'taken'],
  ['come', 'came'],
  ['go', 'went', 'gone'],
  ['make', 'made'],
  ['give', 'gave', 'given'],
  ['become', 'became'],
  ['hold', 'held'],
  ['meet', 'met'],
  ['run', 'ran'],
  ['say', 'said'],
  ['begin', 'began', 'begun'],
  ['write', 'wrote', 'written'],
  ['choose', 'chose', 'chosen'],
  ['leave', 'left'],
  ['find', 'found'],
  ['know', 'knew', 'known'],
  ['see', 'saw', 'seen'],
  ['tell', 'told'],
  ['think', 'thought'],
  ['bring', 'brought'],
  ['buy', 'bought'],
  ['pay', 'paid'],
  ['send', 'sent'],
  ['spend', 'spent'],
  ['build', 'built'],
  ['keep', 'kept'],
  ['lose', 'lost'],
  ['win', 'won'],
  ['sell', 'sold'],
  ['stand', 'stood'],
  ['understand', 'understood'],
  ['rise', 'rose', 'risen'],
  ['fall', 'fell', 'fallen'],
  ['grow', 'grew', 'grown'],
  ['draw', 'drew', 'drawn'],
  ['break', 'broke', 'broken'],
  ['speak', 'spoke', 'spoken'],
  ['undertake', 'undertook', 'undertaken'],
  ['oversee', 'oversaw', 'overseen'],
  ['withdraw', 'withdrew', 'withdrawn'],
  ['seek', 'sought'],
  ['set', 'set'],
  ['put', 'put'],
  ['cut', 'cut'],
  ['shut', 'shut'],
];

const FORMS = new Map<string, string[]>();
for (const forms of VERBS) {
  const stems = [...new Set(forms.map(stem))];
  for (const s of stems)
    FORMS.set(
      s,
      stems.filter((x) => x !== s),
    );
}

/** The stems of the other forms of an irregular verb, given the stem of one ("lead" → ["led"]); empty otherwise. */
export function otherForms(term: string): string[] {
  return FORMS.get(term) ?? [];
}
