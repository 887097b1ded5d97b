/**
 * Judging a candidate answer on content, not wording: does it speak of what the question names (its
 * organisations, people, programmes), give the kind of thing asked for (a date for "when", a count for "how
 * many", people for "who", a verdict for "is/was/did"), and touch the question's own topic nouns? The verdict is
 * one confidence on one scale for every intent and for passages alike (see docs/architecture.md, "Confidence").
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { SourceDocument } from '../knowledge/documents.ts';
import { isSetting, type ParsedQuestion } from '../search/question.ts';
import { GENERIC_NAME_WORDS, root, rootOfStem, stem, words } from '../search/text.ts';
import { kinOf } from '../search/kin.ts';
import { oppositesOf } from '../search/opposites.ts';
import { namedPairs, REASON } from '../search/passageReading.ts';
import type { IntentResult } from './intent.ts';

/** Answers below this are not stated as fact. */
export const CONFIDENCE_BAR = 0.4;

export interface Judgement {
  /** 0..1: one scale for every intent and passage. */
  confidence: number;
  /** Share of the question's topic nouns the answer speaks to. */
  coverage: number;
  /** The answer names the organisations, people and programmes the question asks about. */
  entities: boolean;
  /** The answer gives the kind of thing asked for. */
  typed: boolean;
  /** The first statement gives it (a "when" answered by a line opening with its date). */
  leads: boolean;
  /** For a yes/no question: the intent's verdict, or one read off an answer that fully speaks to the question. */
  verdict?: boolean;
}

const NEGATION = /\b(not|no|never|none|neither|nor|without|yet to|n't|cannot|rejected|refused|denied)\b|n’t\b|n't\b/i;

/**
 * A verdict for a yes/no question the intent did not judge: a passage naming everything asked and speaking to every
 * topic says yes, unless it denies it ("have not been publicised").
 */
function inferVerdict(q: ParsedQuestion, result: IntentResult, passage: boolean, full: boolean, contrary: boolean): boolean | undefined {
  if (result.verdict !== undefined) return result.verdict;
  // A structured answer that did not judge only describes: it cannot say yes.
  if (!full || !passage) return undefined;
  // "Did they oppose it?" against "they said it supported the work".
  if (contrary) return false;
  // What the answer shows of each passage (the sentence that answers, not the whole paragraph: "We cannot agree our
  // plans … We are forecasting that we will end the year with a deficit" says yes to "will they end it in deficit?").
  const quoted = result.statements.map((s) => s.text.slice(s.text.indexOf(' says:') + 1)).join(' ');
  // "Is there a single contract?" against "a single contract … is also a possibility": only possible is not yes,
  // unless the question itself asks after a possibility ("could they merge?").
  if (HEDGE.test(quoted) && !q.words.some((w) => MODAL_WORDS.has(w))) return false;
  // "Does it have to be one CCG per ICS?" against "typically one CCG per ICS": what is usual is not what is required.
  if (USUALLY.test(quoted) && q.words.some((w) => OBLIGATION_WORDS.has(w))) return false;
  return !NEGATION.test(quoted);
}

const HEDGE = /\b(is (also )?a possibility|are possibilities|is possible|an option|being considered|under consideration)\b/i;
const USUALLY = /\b(typically|usually|generally|normally|in most cases|where possible|encouraged to)\b/i;
const OBLIGATION_WORDS = new Set(['must', 'require', 'required', 'mandatory', 'compulsory', 'obliged']);
const MODAL_WORDS = new Set(['could', 'might', 'may', 'would', 'can', 'possible', 'plan', 'plans', 'planned', 'propose', 'proposed', 'will', 'should']);

const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december)';
const DATE = new RegExp(`\\b((19|20)\\d\\d|${MONTH})\\b`, 'i');
const NUMBER = /\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen|none|no)\b/i;
/** A sum of money or a share: "£21.3m", "£868.4 million", "20%", "3 per cent". */
const AMOUNT = /[£$€]\s?\d|\b\d[\d,.]*\s?(?:%|per cent|percent|million|billion|bn)(?![a-z])/i;
/** What the first words of an answer must hold for the kinds of answer that lead with a value. */
const LEADING: Partial<Record<ParsedQuestion['answerType'], RegExp>> = { date: DATE, count: NUMBER, amount: AMOUNT };
const DURATION = /\b(years?|months?|weeks?|days?|decades?|since|until)\b/i;
const CODE = /\b[A-Z0-9]{3,5}\b|\bE\d{8}\b/;

/** Words looked up, not listed: what judging reads of the words an answer says. */
interface WordSet {
  has(word: string): boolean;
}

/** Adds the words of `text`, with their stems and roots. */
function addWords(out: Set<string>, text: string): void {
  for (const w of words(text)) {
    const s = stem(w);
    out.add(w).add(s).add(rootOfStem(s));
    // "rebranded" speaks to "branding".
    if (s.length >= 6 && s.startsWith('re')) out.add(s.slice(2)).add(rootOfStem(s.slice(2)));
  }
}

type Source = IntentResult['statements'][number]['sources'][number];

/** What a source says: a document's quote, or a register row as published. */
const sourceText = (src: Source): string => ('quote' in src ? src.quote : 'raw' in src ? src.raw : '');

/** The documents the answer's statements cite, each once. */
function citedDocuments(k: Knowledge, result: IntentResult): SourceDocument[] {
  const docs = new Set<SourceDocument>();
  for (const s of result.statements)
    for (const src of s.sources) {
      const doc = 'document' in src ? k.documents.get(src.document) : undefined;
      if (doc) docs.add(doc);
    }
  return [...docs];
}

/** The words an answer says, in its statements and in the quotes it rests on (with their stems and roots). */
export function answerWords(result: IntentResult): Set<string> {
  const out = new Set<string>();
  for (const s of result.statements) {
    addWords(out, s.text);
    for (const src of s.sources) addWords(out, sourceText(src));
  }
  return out;
}

/**
 * The words of the answer's statements and, read only when first looked up, of the quotes they rest on: the
 * same words as `answerWords`, but most judgements settle on the statements' own words and never read a quote.
 */
function withQuotes(result: IntentResult, stated: Set<string>): WordSet {
  let said: Set<string> | undefined;
  return {
    has(word) {
      if (stated.has(word)) return true;
      if (!said) {
        said = new Set<string>();
        for (const s of result.statements) for (const src of s.sources) addWords(said, sourceText(src));
      }
      return said.has(word);
    },
  };
}

const typePhraseCache = new WeakMap<Knowledge, Map<string, string[][]>>();
/** The lexicon's phrases for each kind of intervention, as word lists. */
function typePhrasesOf(k: Knowledge): Map<string, string[][]> {
  let m = typePhraseCache.get(k);
  if (!m) {
    m = new Map();
    for (const { says, type } of k.lexicon.interventionTypes) m.set(type, [...(m.get(type) ?? []), words(says)]);
    // A merger asked about is answered by the succession the register records ("was succeeded by").
    m.set('planned-merger', [...(m.get('planned-merger') ?? []), ['succeeded'], ['successor']]);
    typePhraseCache.set(k, m);
  }
  return m;
}

const documentWords = new WeakMap<object, Set<string>>();
/** The words of the documents a passage answer quotes: a passage about "the area" stands for the place its document is about. */
function quotedDocumentWords(k: Knowledge, result: IntentResult): WordSet {
  // Each document's words are kept once; the answer looks them up in each, rather than copying them into one set.
  const sets = citedDocuments(k, result).map((doc) => {
    let w = documentWords.get(doc);
    if (!w) documentWords.set(doc, (w = new Set(words(`${doc.title} ${doc.text}`).flatMap((x) => [x, stem(x)]))));
    return w;
  });
  return { has: (word) => sets.some((w) => w.has(word)) };
}

/** The stemmed words of the names of the programmes a question names and of the programmes they belong to. */
function placingWords(q: ParsedQuestion, k: Knowledge): Set<string> {
  const out = new Set<string>();
  for (const n of q.names)
    for (const i of n.items) {
      if (i.kind !== 'programme') continue;
      const parent = i.programme.parent ? k.programmes.find((p) => p.id === i.programme.parent) : undefined;
      for (const name of [i.programme.name, ...i.programme.aliases, ...(parent ? [parent.name, ...parent.aliases] : [])])
        for (const w of words(name)) out.add(stem(w));
    }
  return out;
}

/** Whether the answer gives the kind of thing the question asks for. */
function givesType(q: ParsedQuestion, k: Knowledge, text: string, passage: boolean): boolean {
  switch (q.answerType) {
    case 'date':
      return DATE.test(text);
    case 'count':
      return NUMBER.test(text);
    case 'amount':
      // "What was Croydon CCG's deficit?": a profile saying it had one gives no sum.
      return AMOUNT.test(text);
    case 'duration':
      return DURATION.test(text);
    case 'person':
      // A passage may name people nobody curated; a structured answer names the people the knowledge holds.
      return k.people.some((p) => text.includes(p.name)) || (passage && /\b[A-Z][a-z]+ [A-Z][a-z'’-]+\b/.test(text));
    case 'yes-no':
      return true;
    case 'code':
      return CODE.test(text);
    case 'reason':
      // "Why did X merge?": an answer giving no reason (a profile of X) is not of the kind asked for.
      return passage || REASON.test(text);
    default:
      return true;
  }
}

/** The words a mention may be named by in an answer: as typed, and its canonical names ("fsm" is "financial special measures"). */
function namings(q: ParsedQuestion, m: ParsedQuestion['orgs'][number] | ParsedQuestion['names'][number]): string[][] {
  const typed = q.words.slice(m.from, m.to);
  const canonical =
    'org' in m
      ? [m.org.name, m.org.code, ...m.org.names]
      : m.items.flatMap((i) =>
          i.kind === 'person' ? [i.person.name] : i.kind === 'programme' ? [i.programme.name, ...i.programme.aliases] : [i.entry.term, ...i.entry.aliases],
        );
  return [typed, ...canonical.map(words)].map((ws) => ws.filter((w) => w.length > 2 && !GENERIC_NAME_WORDS.has(w)));
}

/**
 * Whether the answer speaks of what the question names: every organisation (one of a list), and one of the
 * people, programmes and terms (an answer about a workstream stands for a question naming its programme too).
 */
/** Words before a name that make it the setting of what is asked rather than its subject. */
const SETTING_WORDS = new Set(['in', 'for', 'of', 'at', 'within', 'across', 'under']);

function namesEntities(q: ParsedQuestion, said: WordSet, typePhrases: Map<string, string[][]>): boolean {
  const named = (m: ParsedQuestion['orgs'][number] | ParsedQuestion['names'][number]) =>
    namings(q, m).some((ws) => ws.length === 0 || ws.some((w) => said.has(w) || said.has(stem(w))));
  // A kind of intervention asked about is named by one of the lexicon's phrases for it ("special measures").
  const typesOk = q.interventionTypes.every((t) => (typePhrases.get(t) ?? []).some((p) => p.every((w) => said.has(w) || said.has(stem(w)))));
  if (!typesOk) return false;
  const settings = q.orgs.filter((m) => isSetting(q, m));
  const asked = settings.length < q.orgs.length ? q.orgs.filter((m) => !settings.includes(m)) : q.orgs;
  const orgsOk = asked.length === 0 || (q.answerType === 'list' || asked.length > 3 ? asked.some(named) : asked.every(named));
  // "Who does the tripartite work with?": an answer about the success regime alone is not about the tripartite. A
  // name after "in", "for" may be the setting, as a region is ("who leads back office for the success regime?"), and
  // so may one right after it ("in the essex success regime acute programme").
  const setting = (m: ParsedQuestion['names'][number]): boolean =>
    SETTING_WORDS.has(q.words[m.from - 1] === 'the' ? q.words[m.from - 2] : q.words[m.from - 1]) || q.names.some((n) => n.to === m.from && setting(n));
  const unnamed = q.names.filter((m) => !named(m));
  return orgsOk && (unnamed.length === 0 || (unnamed.length < q.names.length && unnamed.every(setting)));
}

/** First names the answer lacks, typed before a surname it holds, where a document it cites names the two together ("Sarah Bickerstaffe"). */
function firstNamesHeld(q: ParsedQuestion, k: Knowledge, result: IntentResult, said: WordSet): Set<string> {
  const held = new Set<string>();
  const words = q.words.filter((_, i) => !q.linked[i]);
  if (words.length < 2) return held;
  for (const doc of citedDocuments(k, result))
    for (const [first, last] of namedPairs(words, doc.text)) if ((said.has(last) || said.has(stem(last))) && !said.has(first)) held.add(stem(first));
  return held;
}

/**
 * Judges an intent's result. `rank` is the intent's match score relative to the best (1 for the best, or for the
 * passage fallback); `ownWords` are the intent's own example words, which say how it is asked, not what about.
 */
export function judge(
  q: ParsedQuestion,
  k: Knowledge,
  result: IntentResult,
  rank: number,
  ownWords: Set<string>,
  ignorable: Set<string>,
  passage = false,
): Judgement {
  const text = result.statements.map((s) => s.text).join('\n');
  // Nouns must be spoken to; content verbs ("what do they hope to achieve?") cost at most a third when missed, except in
  // a yes/no question, where the verb is what is asked ("have the directions been publicised?").
  const stated = answerWords({ statements: result.statements.map((s) => ({ text: s.text, sources: [] })) });
  const said = withQuotes(result, stated);
  const opposite = oppositesOf(k);
  const kin = kinOf(k);
  // "… the legal directions in Essex": a place the document of a passage speaks of is where what it says happens.
  const areaWords = new Set(q.areas.flatMap((a) => q.words.slice(a.from, a.to).map(stem)));
  const inDocument = passage && areaWords.size ? quotedDocumentWords(k, result) : undefined;
  const placeHeld = (forms: string[]) => !!inDocument && forms.some((t) => areaWords.has(t) && inDocument.has(t));
  // A topic the answer's own words speak to counts in full; one only the quotes behind it hold, half.
  const share = (terms: string[][]) => {
    const own = terms.filter((forms) => !forms.some((t) => ownWords.has(t) || ignorable.has(t)));
    // An answer saying the opposite ("supported" for "oppose") speaks to the word too, and the verdict is no; so does
    // one saying a word of its kin ("deficit" for "overspend").
    const has = (set: WordSet, forms: string[]) =>
      forms.some((t) => set.has(t) || set.has(root(t)) || opposite(t).some((o) => set.has(o)) || kin(t).some((o) => o.every((w) => set.has(w))));
    const score = (forms: string[]) => (has(stated, forms) || placeHeld(forms) ? 1 : has(said, forms) ? 0.5 : 0);
    return own.length === 0 ? 1 : own.reduce((n, forms) => n + score(forms), 0) / own.length;
  };
  const verbs = share(q.predicates);
  // With no topic nouns the verb is the whole question ("what did the Frimley board approve?").
  // "The Essex System Leaders Group": a word that places a named group (its programme is the Essex success regime)
  // says which group, and is spoken to when the group is.
  const placing = placingWords(q, k);
  const firstNames = firstNamesHeld(q, k, result, said);
  const topics = q.topics.filter((t) => !placing.has(t) && !firstNames.has(t));
  const nouns = topics.filter((t) => !ownWords.has(t) && !ignorable.has(t));
  // In a yes/no the verb is what is asked; in a "when", the event dated ("when were the conditions lifted?" is not
  // answered by the date they are reviewed).
  const verbAsked = q.answerType === 'yes-no' || q.answerType === 'date' || nouns.length === 0;
  const coverage = share(topics.map((t) => [t])) * (verbAsked ? verbs : 0.67 + 0.33 * verbs);
  const phrases = typePhrasesOf(k);
  const leadIn = passage && result.leadIn ? new Set(words(result.leadIn).flatMap((w) => [w, stem(w)])) : undefined;
  const inAnswer = namesEntities(q, said, phrases) || (!!leadIn && namesEntities(q, { has: (w) => said.has(w) || leadIn.has(w) }, phrases));
  const entities = inAnswer || (passage && namesEntities(q, quotedDocumentWords(k, result), phrases));
  // A verdict read off a passage needs the passage itself to name what is asked, not only its document.
  // A verdict is read off a passage that names what is asked and speaks to nearly all of it (a light verb aside: "still do").
  const contrary = [...topics, ...q.predicates.flat()].some((t) => !said.has(t) && opposite(t).some((o) => said.has(o)));
  const verdict = q.answerType === 'yes-no' ? inferVerdict(q, result, passage, inAnswer && coverage >= 0.74, contrary) : undefined;
  // A sum given for something else ("£13.6m was spent" on running costs, asked about prescribing) is no sum asked.
  const typed = givesType(q, k, text, passage) && (q.answerType !== 'yes-no' || verdict !== undefined) && (q.answerType !== 'amount' || coverage > 0);
  const fit = result.fit ?? 1;
  // The direct answer first: a "when" answered by a line that opens with its date beats one that mentions a date later.
  const first = result.statements[0]?.text ?? '';
  const leads = LEADING[q.answerType]?.test(first.slice(0, 40)) ?? true;
  // Each shortfall costs in proportion: a right kind of answer about the right things stands whatever verbs were used.
  const confidence = fit * (0.6 + 0.4 * rank) * (0.25 + 0.75 * coverage) * (entities ? 1 : 0.35) * (typed ? 1 : 0.55) * (leads ? 1 : 0.9);
  return { confidence: Math.round(confidence * 100) / 100, coverage, entities, typed, leads, ...(verdict !== undefined ? { verdict } : {}) };
}
