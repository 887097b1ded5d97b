/**
 * Reading a question the way people write it: typo correction against the knowledge's vocabulary (never of
 * ordinary English words), lemmas and parts of speech, the domain lexicon's phrasings read as the knowledge's
 * own words, then entity linking (organisations, people, programmes, glossary terms, intervention types,
 * dates), the kind of answer wanted, list filters, and the signs of chat, advice, follow-ups and unknown names.
 */
import { MONTH_NAMES } from '../knowledge/dates.ts';
import type { Indexes, Named } from './indexes.ts';
import type { OrgMention } from './organisations.ts';
import type { PhraseMatch } from './phrases.ts';
import { STOP_WORDS, stem, words as toWords } from './text.ts';
import { findDates, type DateMention } from './dates.ts';
import { readAreas, readOrgTypes, type AreaMention } from './areas.ts';
import type { SetKind } from '../knowledge/registerQueries.ts';
import type { OrganisationType } from '../knowledge/register.ts';
import { oneEditApart } from './edits.ts';
import { isEnglish, readTokens, TOPIC_POS, type Token } from './reading.ts';
import { answerTypeOf, type AnswerType } from './answerType.ts';
import { chatKind, isAdvice, type ChatKind } from './chat.ts';
import { excludedSpans, setAsideWords, unknownNameIn, type UnknownName } from './unknownNames.ts';

export type { AnswerType } from './answerType.ts';

export interface ParsedQuestion {
  raw: string;
  /** Normalised words, typos corrected, lexicon phrasings replaced by what they mean. */
  words: string[];
  /** Lemma and part of speech of each word. */
  tokens: Token[];
  /** Topic terms (stop words dropped, stemmed) of the corrected words. */
  terms: string[];
  /** The topic terms no entity mention covers: what the question says beyond the names in it. */
  free: string[];
  /** Terms of the words the lexicon replaced, as the person wrote them ("come", "being" for "come into being"): documents use them. */
  spoken: string[];
  /** What the question is about beyond its names: the nouns, adjectives and numbers no entity covers (stemmed). */
  topics: string[];
  orgs: OrgMention[];
  /** The question's own content verbs beyond its names and the lexicon's phrasings, each as its stemmed forms ("planned": plann, plan). */
  predicates: string[][];
  /** Organisations the question sets aside ("apart from Croydon, which …"). */
  excluded: OrgMention[];
  names: PhraseMatch<Named>[];
  interventionTypes: string[];
  dates: DateMention[];
  /** Topic words neither the knowledge, the lexicon nor the intents know, even allowing for a typo. */
  unknown: string[];
  /** For each word, whether an entity mention covers it. */
  linked: boolean[];
  /** For each word, whether it came from the lexicon (a phrasing, not a topic). */
  lexical: boolean[];
  /** The question asks what a source or a person said ("what did the letter say?"): a passage answers it, not a fact. */
  quoting: boolean;
  /** Kinds of body asked for as a set ("how many CCGs…", "which trusts…"); see areas.ts. */
  orgTypes: SetKind[];
  /** Areas a set is narrowed to: STPs/ICBs, regions, register place names ("the Surrey CCGs"). */
  areas: AreaMention[];
  /** The kind of answer wanted: yes/no, a count, a date, a person, a list… */
  answerType: AnswerType;
  /** A greeting, thanks or goodbye rather than a question. */
  chat: ChatKind | null;
  /** Asks for advice or an opinion ("should X merge with Y?"). */
  advice: boolean;
  /** A name the question asks about that nothing in the knowledge is called. */
  unknownName: UnknownName | null;
  /** Leans on an earlier question ("what about Southend?", "who leads it?"). */
  followUp: boolean;
}

/** Verbs that carry little of a question's meaning ("what did they do", "who got …"). */
const LIGHT_VERBS = new Set([
  'do',
  'make',
  'get',
  'have',
  'be',
  'go',
  'take',
  'give',
  'say',
  'tell',
  'know',
  'think',
  'want',
  'happen',
  'need',
  'use',
  'come',
  'see',
  'look',
  'put',
  'let',
  'mean',
  'seem',
  'become',
  'keep',
  'like',
  'find',
  'show',
  'list',
  'name',
  'explain',
  'describe',
]);
const QUOTING_WORDS = new Set([
  'say',
  'said',
  'says',
  'write',
  'wrote',
  'writes',
  'written',
  'argue',
  'argued',
  'argues',
  'claim',
  'claimed',
  'claims',
  'quote',
  'quoted',
]);
const PRONOUNS = new Set(['it', 'its', 'they', 'them', 'their', 'theirs', 'he', 'him', 'his', 'she', 'her', 'hers', 'this', 'that', 'these', 'those', 'there']);
const PERSONAL_PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her', 'hers']);
const FOLLOW_UP_OPENERS = [['what', 'about'], ['how', 'about'], ['and'], ['also'], ['what', 'of'], ['same', 'for']];

const CHANGE_NOUNS = new Set(['merger', 'mergers', 'changes', 'reorganisation', 'reorganisations', 'handover', 'transition', 'reforms']);
const MONTH_WORDS = new Set(MONTH_NAMES);

/**
 * "How many CCGs were there after the April 2020 mergers?" asks for a count after April 2020: a change named after
 * "after", "following" or "since" and a date says when, not what is asked, and is read as the date alone.
 */
function withoutTimeNouns({ words, lexical }: { words: string[]; lexical: boolean[] }): { words: string[]; lexical: boolean[] } {
  const drop = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (!['after', 'following', 'since'].includes(words[i])) continue;
    let j = i + 1;
    const article = words[j] === 'the' ? j++ : -1;
    const dateFrom = j;
    while (j < words.length && (MONTH_WORDS.has(words[j]) || /^\d/.test(words[j]))) j++;
    if (j > dateFrom && CHANGE_NOUNS.has(words[j] ?? '')) {
      if (article >= 0) drop.add(article);
      drop.add(j);
    }
  }
  if (!drop.size) return { words, lexical };
  return { words: words.filter((_, i) => !drop.has(i)), lexical: lexical.filter((_, i) => !drop.has(i)) };
}

/**
 * Whether a body named is the setting of the question rather than what it asks about: NHS England or a region named
 * ahead of another body ("what did NHS England give Scarborough?"). Named after one, it is the object ("does the ICB
 * take over specialised commissioning?") and the answer must speak to it.
 */
export function isSetting(q: Pick<ParsedQuestion, 'orgs'>, m: ParsedQuestion['orgs'][number]): boolean {
  return (m.org.type === 'national-body' || m.org.type === 'region') && q.orgs.some((o) => o.from > m.from && o.org.type !== m.org.type);
}

/** Negatives as people type them, with or without the apostrophe ("isnt"; "isn't" is read "isn t"). */
const NEGATIVES = new Map(
  Object.entries({
    isnt: 'is',
    arent: 'are',
    wasnt: 'was',
    werent: 'were',
    doesnt: 'does',
    didnt: 'did',
    dont: 'do',
    hasnt: 'has',
    havent: 'have',
    hadnt: 'had',
    wont: 'will',
    wouldnt: 'would',
    couldnt: 'could',
    shouldnt: 'should',
    cant: 'can',
  }),
);

/** "isnt" and "isn t" read as "is not", never corrected as typos of other words ("list"). */
function withoutContractions(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const apostrophe = words[i + 1] === 't';
    const verb = NEGATIVES.get(apostrophe ? `${words[i]}t` : words[i]);
    if (!verb) out.push(words[i]);
    else {
      out.push(verb, 'not');
      if (apostrophe) i++;
    }
  }
  return out;
}

/** Words opening a clause that says when ("before they merged", "when it took over"), not what is asked. */
const TIME_CLAUSE_WORDS = new Set(['before', 'after', 'since', 'until', 'once', 'when', 'while']);

/** Parses a question against the indexes; `extraWords` are words the intents themselves know. */
export function parseQuestion(raw: string, ix: Indexes, extraWords: Set<string>): ParsedQuestion {
  // "@channel", "@ann": addressing people in Slack says nothing about the question.
  const original = withoutContractions(toWords(raw.replace(/(^|\s)@[\w.-]+/g, ' ')));
  const corrected = original.map((w, i) => correct(w, original[i - 1], i, ix, extraWords, original[i + 1]));
  const chat = chatKind(original);
  const advice = isAdvice(original);

  // Names are read before the lexicon so that no phrasing rule rewrites part of an organisation's name.
  const orgSpans = ix.organisations.mentions(corrected, raw);
  // A name the lexicon itself lists ("AO") is read as the lexicon says.
  const nameSpans = ix.names
    .find(
      corrected,
      corrected.map((_, i) => orgSpans.some((m) => m.from <= i && i < m.to)),
    )
    .filter((m) => !ix.lexicon.has(m.text));
  const protectedSpans = [...orgSpans, ...nameSpans];
  const before = readTokens(corrected);
  const rewritten = ix.lexicon.rewrite(corrected, before, protectedSpans, (w) => ix.organisations.beginsName(w), orgSpans);
  const { words, lexical } = withoutTimeNouns(rewritten);
  // Tagged again only when the lexicon changed the words (their context changes the tags).
  const tokens = lexical.some(Boolean) ? readTokens(words) : before;

  const allOrgs = ix.organisations.mentions(words, raw);
  const excludedAt = excludedSpans(words, allOrgs);
  const orgs = allOrgs.filter((m) => !excludedAt.has(m));
  const excluded = allOrgs.filter((m) => excludedAt.has(m));
  const linked = words.map((_, i) => allOrgs.some((m) => m.from <= i && i < m.to));
  const names = ix.names.find(words, linked);
  for (const n of names) for (let i = n.from; i < n.to; i++) linked[i] = true;
  const dates = findDates(words);
  for (const d of dates) for (let i = d.from; i < d.to; i++) linked[i] = true;
  // "Apart from essex, …": the words set aside are no more asked about than a name set aside.
  const aside = setAsideWords(words, allOrgs, (w) => STOP_WORDS.has(w));
  for (const i of aside) linked[i] = true;
  const interventionTypes = ix.lexicon.interventionTypes(words);

  const known = (w: string, i: number) =>
    STOP_WORDS.has(w) ||
    lexical[i] ||
    extraWords.has(w) ||
    extraWords.has(stem(w)) ||
    ix.vocabulary.has(w) ||
    ix.vocabulary.has(tokens[i].lemma) ||
    /^\d/.test(w);
  // An ordinary word that is not a noun says how the question is asked ("responsible", "took"), never what about.
  const unknown = words.filter((w, i) => !linked[i] && !known(w, i) && (TOPIC_POS.has(tokens[i].pos) || !isEnglish(w)));
  // "The other 2 success regimes", "the nine CCGs": a small count before a noun says how many, not what about.
  const quantifier = (i: number) =>
    tokens[i].pos === 'NUM' &&
    /^(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/.test(words[i]) &&
    ['NOUN', 'PROPN', 'ADJ'].includes(tokens[i + 1]?.pos ?? '');
  const terms = words.filter((w, i) => !STOP_WORDS.has(w) && !aside.has(i) && !quantifier(i)).map(stem);
  const kept = new Set(terms);
  // The words as typed that the lexicon rewrote ("came into being"), outside any name ("gm" in "the gm icb" is the name).
  const inName = (i: number) =>
    orgSpans.some((m) => m.from <= i && i < m.to) ||
    // (positions after the lexicon hold while no time noun was dropped)
    (words.length === rewritten.words.length && allOrgs.some((m) => m.from <= rewritten.rewrittenAt[i].from && rewritten.rewrittenAt[i].to <= m.to));
  const spoken = [...new Set(corrected.filter((w, i) => !STOP_WORDS.has(w) && !ix.lexicon.dropsWord(w) && !inName(i)).map(stem))].filter((t) => !kept.has(t));
  // "Given", "gave": a word whose lemma is a stop word says no more than the stop word does.
  const stop = (w: string, i: number) => STOP_WORDS.has(w) || STOP_WORDS.has(tokens[i].lemma);
  const free = words.flatMap((w, i) => (linked[i] || lexical[i] || stop(w, i) ? [] : [stem(w)]));
  // "Spend on prescribing": a verb's -ing form after a preposition names a thing, which the answer must speak to.
  const gerund = (w: string, i: number) => tokens[i].pos === 'VERB' && w.endsWith('ing') && tokens[i - 1]?.pos === 'ADP';
  // Numbers are left out: "the nine CCGs" points at a set the answer names, it is not what the question is about.
  // A word the lexicon put for a phrasing says how the question is asked, unless the lexicon marks it a topic
  // ("resemble" for "look a lot like").
  const quiet = (w: string, i: number) => lexical[i] && !ix.lexicon.topicMeanings.has(w);
  const topics = words.flatMap((w, i) =>
    linked[i] || quiet(w, i) || stop(w, i) || tokens[i].pos === 'NUM' || !(TOPIC_POS.has(tokens[i].pos) || tokens[i].pos === 'ADJ' || gerund(w, i))
      ? []
      : [stem(w)],
  );
  // "Was she in charge before they merged?": a verb of a clause that only sets the time is not what is asked.
  // ("On what date were they lifted?", read "on when …", has no clause: nothing is asked before the "when".)
  const verbal = (t: { pos: string }) => t.pos === 'VERB' || t.pos === 'AUX';
  const timeClause = words.findIndex(
    (w, i) => i > 0 && TIME_CLAUSE_WORDS.has(w) && tokens.slice(0, i).some(verbal) && tokens.slice(i + 1).some((t) => t.pos === 'VERB'),
  );
  const predicates = words.flatMap((w, i) =>
    (timeClause < 0 || i < timeClause) &&
    !linked[i] &&
    !quiet(w, i) &&
    !STOP_WORDS.has(w) &&
    !LIGHT_VERBS.has(tokens[i].lemma) &&
    tokens[i].pos === 'VERB' &&
    !gerund(w, i)
      ? [[...new Set([stem(w), stem(tokens[i].lemma)])]]
      : [],
  );
  // "Who writes the newsletter?" asks for a person, not for the words.
  const quoting = words.some((w) => QUOTING_WORDS.has(w)) && !words.includes('who');
  // "What did she say about the joint committee?" names a topic but not who "she" is: a follow-up still.
  const namesPerson = names.some((n) => n.items.some((i) => i.kind === 'person'));
  const namesSomething = orgs.length > 0 || dates.length > 0 || names.some((n) => n.items[0].kind !== 'term');
  const followUp =
    FOLLOW_UP_OPENERS.some((o) => o.every((w, i) => original[i] === w)) ||
    // "Which CCGs formed it?": a kind of body ("CCGs") names nothing "it" could be.
    (!namesSomething && original.some((w) => PRONOUNS.has(w))) ||
    (!namesPerson && original.some((w) => PERSONAL_PRONOUNS.has(w)));
  // A glossary term ("CCG") does not name a body: "Wessex Downs CCG" is still an unknown name.
  const named = words.map((_, i) => allOrgs.some((m) => m.from <= i && i < m.to) || names.some((n) => n.from <= i && i < n.to && n.items[0].kind !== 'term'));
  const unknownName = unknownNameIn(words, tokens, named, lexical, raw, ix);
  const orgTypes = readOrgTypes(words, orgs);
  const areas = readAreas(words, orgs, ix.organisations);
  return {
    raw,
    words,
    tokens,
    terms,
    free,
    spoken,
    topics,
    predicates,
    orgs,
    excluded,
    names,
    interventionTypes,
    dates,
    unknown,
    linked,
    lexical,
    quoting,
    orgTypes,
    areas,
    answerType: answerTypeOf(words, (i) => tokens[i]?.pos === 'NOUN' && tokens[i].lemma !== tokens[i].word && tokens[i].word.endsWith('s'), original),
    chat,
    advice,
    unknownName,
    followUp,
  };
}

/** Words a question is built from: "waht", "wich", "mnay", "teh" are typos of these. */
const FUNCTION_WORDS = [
  'what',
  'which',
  'who',
  'whom',
  'whose',
  'when',
  'where',
  'why',
  'how',
  'many',
  'much',
  'does',
  'did',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'the',
  'their',
  'there',
  'they',
  'with',
  'about',
  'from',
  'into',
  'under',
  'still',
  'been',
  'will',
  'would',
  'could',
  'should',
  'tell',
  'show',
  'list',
  'give',
  'happened',
  'happen',
];
/** Words after which a question word may start a question ("and wich …"). */
const OPENERS = new Set([undefined, 'and', 'so', 'but', 'hey', 'hi', 'ok', 'okay', 'then', 'also']);

/**
 * A word as the knowledge knows it. Known words stay. A word that is no English is a typo: of a question word, or
 * of the known word one edit away. An English word is left alone, except a rare one at the start of a question
 * that is one letter from a question word ("wat", "wich") and a long one one letter from a known word ("succes").
 */
const KIND_NAMES = new Map<string, OrganisationType>([
  ['ccg', 'ccg'],
  ['icb', 'icb'],
  ['stp', 'stp'],
  ['trust', 'trust'],
]);

/** "lifted", "lifting": an ending on an English word. */
function isVerbForm(w: string): boolean {
  const base = w.replace(/(?:ed|ing)$/, '');
  return base !== w && base.length >= 3 && (isEnglish(base) || isEnglish(`${base}e`));
}

function correct(w: string, prev: string | undefined, i: number, ix: Indexes, extraWords: Set<string>, next?: string): string {
  const known = (x: string) => STOP_WORDS.has(x) || extraWords.has(x) || ix.vocabulary.has(x) || ix.lexicon.knows(x);
  if (known(w) || /^\d/.test(w)) return w;
  // "still goin", "whats happenin": the g people drop.
  const withG = `${w}g`;
  if (w.length >= 4 && w.endsWith('in') && (known(withG) || isEnglish(withG))) return withG;
  const english = isEnglish(w);
  if ((!english || (OPENERS.has(prev) && i < 3)) && w.length >= 3) {
    const near = FUNCTION_WORDS.find((f) => f.length >= 3 && oneEditApart(w, f));
    if (near) return near;
  }
  if (english && w.length < 6) return w;
  // A correction that makes a name or a phrasing with a word beside it is the one meant: "black contry".
  // "chiltren ccg": a word right before a kind of body ends that body's name.
  const fits = (c: string) =>
    (!!prev && (ix.organisations.hasNamePair(prev, c) || ix.lexicon.has(`${prev} ${c}`))) ||
    (!!next &&
      (ix.organisations.hasNamePair(c, next) ||
        ix.lexicon.has(`${c} ${next}`) ||
        (KIND_NAMES.has(next) && ix.organisations.endsNameOf(c, KIND_NAMES.get(next)!))));
  // A form of an English verb the knowledge does not hold ("lifted") is what was meant, unless the correction makes
  // a name or a phrasing with the word beside it: it is never taken for a known word one letter away ("listed").
  const corrected = ix.vocabulary.correct(w, english ? 5 : 4, fits);
  return corrected && !(english && isVerbForm(w) && !fits(corrected)) ? corrected : w;
}
