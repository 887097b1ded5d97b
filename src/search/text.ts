/** Text normalisation shared by every index, so questions and sources meet on the same terms. */

const NON_ASCII = /[^\p{ASCII}]/u;

/** Lower case, plain quotes and dashes, "&" as "and", accents dropped, punctuation as spaces. */
export function normalise(text: string): string {
  // Each step runs only when its characters can be present: plain ASCII (nearly every passage) skips the
  // Unicode decomposition, which made normalising the dominant cost of indexing a large corpus.
  const unicode = NON_ASCII.test(text);
  let t = unicode ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
  t = t.toLowerCase();
  if (unicode || t.includes('`')) t = t.replace(/[\u2018\u2019\u201b\u2032`]/g, "'");
  if (t.includes('&')) t = t.replace(/&amp;|&/g, ' and ');
  if (t.includes("'")) t = t.replace(/'s\b/g, '');
  // "19/20", as people write a financial year: two years in a row, not a date or a score.
  if (t.includes('/'))
    t = t.replace(/(?<![\d/])(\d{2})\/(\d{2})(?![\d/])/g, (m, a, b) => ((Number(a) + 1) % 100 === Number(b) ? `${Number(a) < 50 ? 20 : 19}${a}/${b}` : m));
  return t
    .replace(/(\d{4})\s*[/-]\s*(\d{2})\b/g, '$1_$2') // financial years: 2016-17, 2016/17
    .replace(/[^a-z0-9_]+/g, ' ')
    .trim();
}

/** Words of a normalised text. */
export function words(text: string): string[] {
  const n = normalise(text);
  return n ? n.split(' ') : [];
}

/** A light stemmer: plurals and common verb endings, enough for "directions" to meet "direction". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  // Plurals first, then -ation and -ment, so "consultations", "consultation" and "consulted" meet.
  const w = word.endsWith('s') && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
  if (w.endsWith('ation') && w.length > 10) return w.slice(0, -5);
  if (w.endsWith('ment') && w.length > 7) return w.slice(0, -4);
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3);
  if (w.endsWith('ed') && w.length > 5 && !w.endsWith('eed')) return w.slice(0, -2);
  return w;
}

/** A stem with a final e and a doubled final consonant dropped, so "approve" meets "approved" and "plan" "planned". */
export const root = (w: string) => rootOfStem(stem(w));

const CONSONANTS = new Set('bcdfghjklmnpqrstvwxyz');

/**
 * `root` of a word already stemmed: a final e dropped, then a doubled final consonant made single. A short word's
 * "-ed", which `stem` leaves ("hoped", "saved"), goes too, so "hope" meets "it is hoped".
 */
export function rootOfStem(s: string): string {
  const r = (s.length === 4 || s.length === 5) && s.endsWith('ed') && !s.endsWith('eed') ? s.slice(0, -2) : s.endsWith('e') ? s.slice(0, -1) : s;
  const n = r.length;
  return n >= 2 && r[n - 1] === r[n - 2] && CONSONANTS.has(r[n - 1]) ? r.slice(0, -1) : r;
}

/** Words that carry no topic: function words, question words and chat filler. */
export const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be been before being below between both but by can
  could did do does doing done down during each few for from further get got had has have having he her here hers him his how i if in
  into is it its itself just let me more most my no nor not now of off on once only or other our ours out over own please same she
  should so some such than that the their theirs them then there these they this those through to too under until up us very was
  we were what whats when where which while who whom whose why will with would you your yours tell know show give find say said
  whether anything something everything thing things carried carry carries held hold made make makes taken take takes hi hello thanks thank ok okay right currently current latest ever still yet
  myself yourself himself herself itself ourselves yourselves themselves
  s t d ll m re ve`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words common to the names of NHS bodies: they do not tell one body from another. */
export const GENERIC_NAME_WORDS = new Set('nhs england ccg ccgs the and icb clinical commissioning group integrated care board'.split(' '));

/** The topic words of a text: normalised, stop words dropped, stemmed. */
export function contentTerms(text: string): string[] {
  return normalisedTerms(normalise(text));
}

/** The topic words of a text already normalised (`contentTerms` of the text it came from). */
export function normalisedTerms(normal: string): string[] {
  return (normal ? normal.split(' ') : []).filter((w) => !STOP_WORDS.has(w)).map(stem);
}
