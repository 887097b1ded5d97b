/**
 * Passage fallback: when no intent fits but a document clearly answers, quote the passage. The answering
 * sentence, list or table row comes first, with the answer pulled out where one stands (a number for "how
 * many", a name for "who", a date for "when"), and the passage must hold what the question is about: the
 * organisations, places and people it names (not a near namesake) and the period it asks after.
 */
import type { Intent, DraftStatement } from '../src/engine/intent.ts';
import { isSetting, type ParsedQuestion } from '../src/search/question.ts';
import { searchPassages, passageContext, termsInTexts, type PassageHit } from '../src/search/passageIndex.ts';
import { GENERIC_NAME_WORDS, STOP_WORDS, contentTerms, normalise, normalisedTerms, rootOfStem, stem } from '../src/search/text.ts';
import { datesIn, organisationsAt, organisationsOfDocument, peopleAt, type Links } from '../src/search/linking.ts';
import {
  answeringLine,
  cellAsked,
  countOf,
  extractAnswer,
  namedPairs,
  neighbours,
  neighbourTexts,
  positionOf,
  sentences,
  CAUSE,
  REASON,
  unitDates,
  unitOf,
  wantedKind,
  type PassageUnit,
  type Wanted,
} from '../src/search/passageReading.ts';
import type { Knowledge } from '../src/knowledge/knowledge.ts';
import { MONTH_NAMES } from '../src/knowledge/dates.ts';
import type { Passage } from '../src/knowledge/documents.ts';
import { holdsRoleWords, ROLE_TERMS, roleTermsIn } from '../src/engine/fromDocuments.ts';

import { countedTerms, itemText, numberWord } from './_shared.ts';
import { otherForms } from '../src/search/irregularVerbs.ts';
import { kinOf } from '../src/search/kin.ts';
import { oppositesOf } from '../src/search/opposites.ts';

/** Question words that say what kind of answer is wanted, not what it is about. */
const ASKING = new Set(
  [
    'who',
    'when',
    'why',
    'how',
    'many',
    'much',
    'happen',
    'happened',
    'say',
    'said',
    'mean',
    'does',
    'did',
    'do',
    'will',
    'would',
    'went',
    'give',
    'gave',
    'consider',
    'considered',
  ].map(stem),
);

/** Words that ask a length of time ("how long will it last?"), not what lasts. */
const DURATION_ASKING = new Set(['long', 'last', 'take', 'run', 'go', 'continue'].map(stem));

/** Words placing an event among others ("first", "originally"), which a passage need not repeat unless they qualify a noun ("the first meeting"). */
const ORDER_WORDS = new Set(['first', 'firstly', 'initially', 'originally', 'finally', 'eventually', 'last', 'lastly']);

/** Words asking a date by what it is: "what's the deadline for the plan?". */
const DATE_ASKING = new Set(['deadline', 'date', 'due'].map(stem));

/** Words naming a kind of source ("according to the briefing", "in the article"): they say where to look, not what it says. */
const SOURCE_WORDS = new Set(
  [
    'briefing',
    'brief',
    'report',
    'article',
    'paper',
    'letter',
    'note',
    'newsletter',
    'document',
    'guidance',
    'page',
    'blog',
    'bulletin',
    'story',
    'piece',
    'minutes',
    'news',
    'source',
    'doc',
  ].map(stem),
);

/** Words saying a post has nobody in it yet. */
const VACANCY = /\b(?:in progress|vacant|vacancy|to be appointed|yet to be appointed|not yet appointed|being recruited|recruitment (?:to|for|is under way))\b/i;

const rootsOfTerms = new WeakMap<Set<string>, Set<string>>();
/** The roots of a unit's terms ("sav" for "savings" and "save"), made once per unit. */
function unitRoots(terms: Set<string>): Set<string> {
  let roots = rootsOfTerms.get(terms);
  // "Rebranded" speaks to "branding": a word made again with "re-" has the root of the word.
  if (!roots)
    rootsOfTerms.set(
      terms,
      (roots = new Set([...terms].flatMap((t) => (t.length >= 6 && t.startsWith('re') ? [rootOfStem(t), rootOfStem(t.slice(2))] : [rootOfStem(t)])))),
    );
  return roots;
}

/** The stems a word of the same root may have in a document ("hop", "hope", "hoped" for "hope"). */
function sameRoot(term: string): string[] {
  const r = rootOfStem(term);
  return r.length < 3 ? [] : [r, `${r}e`, `${r}ed`];
}

/** "Where are the other success regimes?", "apart from Essex, which …": the answer speaks of the others. */
const asksOthers = (q: ParsedQuestion) => q.words.includes('other') || q.words.includes('others');
const OTHER = /\bother\b/i;

/** Whether the unit sits under a heading that asks the question: its question word and two of its topic words. */
function underAskingHeading(unit: PassageUnit, q: ParsedQuestion, topic: string[]): boolean {
  const section = unit.passages[0].section;
  if (!section) return false;
  const words = normalise(section).split(' ');
  const terms = new Set(normalisedTerms(words.join(' ')));
  return (
    words[0] === q.words[0] &&
    ['who', 'what', 'when', 'why', 'how', 'which', 'where'].includes(words[0]) &&
    topic.filter((t) => terms.has(t)).length >= Math.min(2, topic.length)
  );
}

/** Whether a line of the text opens by defining the term: "Authorised with conditions: the CCG …", "X means …". */
function definesTerm(text: string, term: string): boolean {
  const t = normalise(term);
  return text.split('\n').some((line) => {
    const m = /^\s*(?:[-*•]\s*)?(.{3,80}?)(?::|\s+[–—-]\s+|\s+means\b|\s+is\b)/.exec(line);
    return !!m && normalise(m[1]) === t;
  });
}

/** What a passage that holds no answer of the kind asked keeps of its fit. */
const UNANSWERED_FIT = 0.55;
/** Shorter passages (a lone list item such as "Southend") say too little to stand as an answer. */
const MIN_PASSAGE_CHARS = 30;
const DEADLINE_WORDS = new Set(['deadline', 'due', 'until']);
/** A date a line says something must happen by: "by 28 April 2017", "no later than the end of March". */
const DEADLINE =
  /\b(?:by|before|no later than|deadline of|due on|due by)\s+(?:the\s+)?(?:end of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
/** A paragraph this short is shown whole beside a yes or no, rather than by its answering sentence. */
const SHORT_PARAGRAPH_CHARS = 240;

/** Capitalised words that say what kind of body, not which one: they need not stand in the passage. */
const KIND_WORDS = new Set(['nhs', 'ccg', 'ccgs', 'icb', 'icbs', 'stp', 'stps', 'ics', 'gp', 'gps', 'i', 'board', 'trust', 'england']);

/** How many paragraphs on an answer may stand from the paragraph speaking to the question that it answers after. */
const FOLLOWING = 2;
/** A list's items that are only names ("NHS Coventry and Rugby CCG", "Simon Stevens"): capitalised words, a few joining ones. */
const BARE_NAME = /^(?:(?:\(?[A-Z0-9][\w'’&.,()-]*|and|of|the|for|on|in|upon)\s*){1,9}$/;

/** True for a list of (mostly) bare names, a page's tags or related links rather than what it says. */
function isTagList(unit: PassageUnit): boolean {
  const items = unit.passages.filter((p) => p.kind === 'list-item');
  // Most, not all: a page's foot mixes a link's headline in among the tags.
  return items.length > 2 && items.filter((p) => BARE_NAME.test(itemText(p.text))).length >= 0.8 * items.length;
}

/** A unit the search found that holds the question's entities and enough of its words, with what ranks it. */
interface Candidate {
  hit: PassageHit;
  unit: PassageUnit;
  fit: number;
  free: number;
  overlap: number;
  own: number;
  cell: number;
  /** 1 when the unit says outright what is asked: a cause, a length of time, a section, a definition. */
  said: number;
  fromSource: number;
  read?: ReadAnswer;
  /** The overlap with the question's topic, before the kind of answer is counted. */
  topical: number;
  /** A list of bare names ("Topics: NHS Dudley CCG, Simon Stevens …"): a page's tags, an answer only to "which …". */
  tags: boolean;
  /** The paragraph this one answers after (it speaks to the question; this one holds the answer). */
  after?: Candidate;
  /** 0 when a "who is …" is answered by someone who held the post before ("the CCG's last accountable officer"). */
  current: number;
  /** How many of the question's topic words, and of the words for the kind of body it names, the answering line holds. */
  lineFit: number;
}

/** Words saying a post was someone's before: "former", "the CCG's last accountable officer", "outgoing". */
const PAST_HOLDER = new Set(['former', 'formerly', 'last', 'previous', 'previously', 'outgoing', 'ex']);

/** Whether the line gives a role asked as one held before: a word of the past just ahead of it ("a former chair"). */
function heldBefore(line: string, roles: string[]): boolean {
  const ws = normalise(line).split(' ');
  return ws.some((w, i) => contentTerms(w).some((t) => roles.includes(t)) && ws.slice(Math.max(0, i - 3), i).some((x) => PAST_HOLDER.has(x)));
}
/** Words a question uses when it asks who held a post before. */
const PAST_ASKED = new Set(['was', 'were', 'did', 'former', 'previous', 'previously', 'before', 'last', 'used']);
/** The words a passage calls a kind of body by ("the board" for the ICB). */
const KIND_NAMES: Record<string, string[]> = { icb: ['board', 'icb'], ccg: ['ccg', 'group'], stp: ['partnership', 'stp'], trust: ['trust'] };

export const intent: Intent = {
  name: 'passage',
  description: 'Quote the passage of a source document that answers the question',
  fallback: true,
  examples: [],
  answer({ q, k, ix }) {
    const asking = q.answerType === 'duration' ? (t: string) => ASKING.has(t) || DURATION_ASKING.has(t) : (t: string) => ASKING.has(t);
    const wanted = [...new Set(q.terms.filter((t) => !asking(t)))];
    if (wanted.length === 0) return null;
    // What the passage must speak to: the question's own known words, and each name it mentions (as one unit).
    const unknown = new Set(q.unknown.map(stem));
    const sources = wanted.filter((t) => SOURCE_WORDS.has(t));
    // Words that only qualify ("already", "actually") are not what a passage must say: the nouns, verbs and numbers are.
    // "When did he first say …": a word of order says when among events, not what happened (in a "when" always:
    // the tagger reads "first say" as a noun phrase).
    const ordering = (t: string) =>
      q.words.some(
        (w, i) => ORDER_WORDS.has(w) && stem(w) === t && (q.answerType === 'date' || (q.tokens[i + 1]?.pos !== 'NOUN' && q.tokens[i + 1]?.pos !== 'ADJ')),
      );
    const qualifies = (t: string) => ordering(t) || (!q.topics.includes(t) && !q.predicates.some((forms) => forms.includes(t)) && !/^\d/.test(t));
    // "What's the deadline for the plan?" is answered by "submit the plan by 31 May": the word asking the date need
    // not stand in the passage (it still names the column of a table row: "Deadline: 30 September 2020").
    const asksDate = (t: string) => q.answerType === 'date' && DATE_ASKING.has(t);
    const candidates = [...new Set(q.free.filter((t) => wanted.includes(t) && !unknown.has(t) && !SOURCE_WORDS.has(t) && !asksDate(t)))];
    const free = candidates.filter((t) => !qualifies(t));
    // A qualifying word the passage does hold ("severely troubled") counts for it; one it lacks costs nothing.
    const optional = candidates.filter(qualifies);
    const orgMentions = q.orgs.map((m) => q.words.slice(m.from, m.to).map(stem));
    // NHS England and the regions are the setting of most questions ("what does NHS England hope …"), not what a passage must name.
    const setting = q.orgs.map((m) => isSetting(q, m));
    const mentions = [...orgMentions, ...q.names.map((m) => q.words.slice(m.from, m.to).map(stem))];
    // A name of a kind of intervention ("special measures") may be what a whole document is about, as its title says.
    const kinds = new Set(k.lexicon.interventionTypes.map((t) => t.says.toLowerCase()));
    const interventions = [...orgMentions.map(() => false), ...q.names.map((m) => kinds.has(q.words.slice(m.from, m.to).join(' ')))];
    // "sarah bickerstaffe", typed in lower case: a first name is held by a passage naming the surname in a document
    // that names the two together ("Ms Bickerstaffe" after "Sarah Bickerstaffe").
    const unlinked = q.words.filter((w, i) => !q.linked[i] && !STOP_WORDS.has(w) && free.includes(stem(w)));
    const firstNamesIn = (doc: string, terms: string[]) =>
      unlinked.length < 2
        ? []
        : namedPairs(unlinked, k.documents.get(doc)?.text ?? '').flatMap(([first, last]) => (terms.includes(stem(last)) ? [stem(first)] : []));
    // An organisation counts as held when the entity check found it (in the passage, its heading or its document's title).
    // A unit also holds a kind of intervention its document's title names ("… placed in financial special measures
    // after …" for a passage about the neighbouring CCGs); its document is read for first names only when asked.
    // "What strings did NHSE attach when it ok'd the merger?": when the question's own words are only verbs, the
    // passage holding every noun the lexicon reads in it ("conditions", "approve", "merger") speaks to it.
    const mentioned = new Set(mentions.flat());
    const onlyVerbs = free.length > 0 && free.every((t) => !q.topics.includes(t) && q.predicates.some((forms) => forms.includes(t)));
    const lexicalNouns = onlyVerbs ? wanted.filter((t) => !free.includes(t) && !mentioned.has(t) && !unknown.has(t)) : [];
    const share = (terms: string[], orgsHeld: boolean, doc: string, firstNames = false) => {
      const named = firstNames ? firstNamesIn(doc, terms) : [];
      const titled = new Set(interventions.some(Boolean) ? contentTerms(k.documents.get(doc)?.title ?? '') : []);
      const hasFree = free.filter((w) => terms.includes(w) || named.includes(w)).length;
      const hasMention = mentions.filter(
        (m, i) => (i < orgMentions.length && (orgsHeld || setting[i])) || m.some((w) => terms.includes(w) || (interventions[i] && titled.has(w))),
      ).length;
      const nounsHeld = lexicalNouns.length > 0 && lexicalNouns.every((t) => terms.includes(t));
      const hasOptional = optional.filter((w) => terms.includes(w)).length;
      return {
        free: free.length ? Math.max(hasFree / free.length, nounsHeld ? 0.5 : 0) : 1,
        all: (hasFree + hasMention + hasOptional) / Math.max(1, free.length + mentions.length + hasOptional),
      };
    };
    // Names are common across a corpus and can crowd out the passage with the question's own words: look for both.
    const found = new Map<string, PassageHit>();
    const add = (hits: PassageHit[]) => hits.forEach((h) => found.has(h.passage.id) || found.set(h.passage.id, h));
    add(searchPassages(ix.passages, k.passages, wanted, 10));
    // The same terms would find the same hits again (a question naming nothing has no other words).
    if (free.length !== wanted.length || free.some((t, i) => t !== wanted[i])) add(searchPassages(ix.passages, k.passages, free, 10));
    // The lexicon reads "came into being" as "open"; a document says "came into being": its words are looked for too.
    const spoken = q.spoken.filter((t) => !ASKING.has(t));
    if (spoken.length) add(searchPassages(ix.passages, k.passages, [...free, ...spoken], 10));
    // A document says "led", "took", "came" where the question, read with lemmas, says "lead", "take", "come", and
    // "it is hoped", "savings" where it says "hope", "save": the other forms of its words are looked for too.
    const wantedSet = new Set(wanted);
    // … and so are the words the lexicon counts as their kin ("deficit" for "overspend").
    const kin = kinOf(k);
    const variants = [...new Set([...wanted.flatMap(otherForms), ...q.predicates.flat().flatMap(sameRoot), ...wanted.flatMap((t) => kin(t).flat())])].filter(
      (t) => !wantedSet.has(t),
    );
    if (variants.length) add(searchPassages(ix.passages, k.passages, [...free, ...variants], 10));
    // "Did they oppose it?" is answered by the passage saying they supported it (and the verdict is no).
    const opposite = oppositesOf(k);
    const opposites = free.flatMap(opposite);
    if (opposites.length) add(searchPassages(ix.passages, k.passages, [...wanted, ...opposites], 10));
    // "What does the Commissioner newsletter say about STPs?": words of a document's title or publisher pick that document.
    // The document is small: its passages are read directly rather than filtered out of a search of them all.
    // Which of the other words each passage holds comes from the index where it has the passage: no passage is made
    // or read until it is among the five kept.
    for (const { id, terms } of ix.titles.documentsWith(wanted)) {
      // The other words are looked for as the document may say them too ("reducing" for "cuts").
      const rest = wanted.filter((t) => !terms.includes(t));
      const restKin = [...rest, ...rest.flatMap((t) => kin(t).flatMap((ws) => (ws.length === 1 ? ws : [])))];
      const restSaid = [...new Set([...restKin, ...rest.flatMap(otherForms), ...restKin.flatMap(sameRoot)])];
      const range = k.documents.has(id) ? k.passages.rangeOf(id) : undefined;
      if (!range) continue;
      const scored = termsInTexts(ix.passages, k.passages, range.from, range.to, restSaid).map((matched, j) => ({ at: range.from + j, matched }));
      add(
        scored
          .filter((h) => h.matched.length > 0)
          .sort((x, y) => y.matched.length - x.matched.length)
          .slice(0, 10)
          .map((h) => ({ passage: k.passages.at(h.at)!, score: h.matched.length, terms: [...h.matched, ...terms] })),
      );
      // "Why did NHS England step in at Hull?": the document about Hull says why in words the question does not use
      // ("the CCG's difficulties arise from three matters:"): its passages giving a cause are read too.
      if (q.answerType === 'reason')
        add(
          scored
            .map((h) => k.passages.at(h.at)!)
            .filter((p) => CAUSE.test(p.text) || (p.intro !== undefined && CAUSE.test(p.intro)))
            .slice(0, 3)
            .map((p) => ({ passage: p, score: 1, terms })),
        );
    }
    const about = questionEntities(q, (w) => ix.organisations.isPlaceName(w));
    // "The forecast at month 10": a finance report's month, which a report of month 9 does not give.
    const monthAsked = /\bmonth (\d{1,2})\b/i.exec(q.raw)?.[1];
    const kind = wantedKind(q.words);
    const asksWhy = q.answerType === 'reason';
    // "When does the plan have to be in by?", "what's the deadline": a line saying "by 28 April 2017" says it outright.
    const asksDeadline =
      kind === 'date' &&
      q.answerType === 'date' &&
      (q.words.at(-1) === 'by' || q.words.some((w, i) => DEADLINE_WORDS.has(w) || (w === 'by' && q.words[i + 1] === 'when')));
    // "What does 'authorised with conditions' mean?": the term quoted, which a line defining it opens with.
    const defined = q.answerType === 'definition' ? /['‘"“]([^'’"”]{3,60})['’"”]/.exec(q.raw)?.[1] : undefined;
    // Each hit answers as its unit (a list with its introducing line); the unit's words count, and it must hold the question's entities.
    const seen = new Set<string>();
    const good: Candidate[] = [];
    const topic = topicTerms(q);
    const kindNames = [...new Set(q.orgs.flatMap((m) => KIND_NAMES[m.org.type] ?? []))];
    for (const hit of found.values()) {
      const reading = readingOf(k, listIntroducedBy(k, hit.passage) ?? hit.passage);
      const unit = reading.unit;
      if (seen.has(unit.quote)) continue;
      // The cheap checks first: reading the unit's words costs more than either, and half the hits fail the entity check.
      // A table row says what it is with its label or columns ("Primary Care Commissioning Committee: Chris Barraclough").
      const labelled = unit.passages[0].label !== undefined || unit.passages[0].columns !== undefined;
      // A line introducing what follows says nothing itself, unless sentences before it do ("The CCG had set a target
      // of £4.2m. By month 10 it forecast delivering £3.525m:" above a table).
      if ((unit.quote.length < MIN_PASSAGE_CHARS && !labelled) || (unit.quote.endsWith(':') && sentences(unit.quote).length < 2)) continue;
      if (!holdsEntities(k, ix.links, reading, about)) continue;
      if (monthAsked && !reportsMonth(k, unit, monthAsked)) continue;
      const unitTerms = termsOf(reading);
      // "Which workstreams does he lead?" is answered by "led by …", "what will it save?" by "savings": a verb's other
      // forms count as it, and so do a word of the same root and an opposite.
      const held = (t: string) =>
        unitTerms.has(t) ||
        unitTerms.has(numberWord(t) ?? '') ||
        unitRoots(unitTerms).has(rootOfStem(t)) ||
        [...otherForms(t), ...opposite(t)].some((f) => unitTerms.has(f)) ||
        kin(t).some((ws) => ws.every((w) => unitTerms.has(w) || unitRoots(unitTerms).has(rootOfStem(w))));
      const terms = [...new Set([...hit.terms, ...wanted.filter(held)])];
      // "Who is the CFO of …?": a passage that names nobody in that role does not answer it, whoever else it names.
      const roleAsked = kind === 'person' ? rolesAsked(q, unitTerms) : [];
      if (!holdsRoleWords(unitTerms, roleAsked)) continue;
      const enough = (x: { free: number; all: number }) => x.free >= 0.5 && x.all >= (unknown.size ? 0.6 : 0.5);
      // The document is read for first names only when the words alone fall short.
      let s = share(terms, about.orgs.length > 0, unit.passages[0].document);
      if (!enough(s)) s = share(terms, about.orgs.length > 0, unit.passages[0].document, true);
      if (!enough(s)) continue;
      seen.add(unit.quote);
      const own = namesOwn(k, ix.links, unit, about);
      const cell = !q.words.includes('why') && q.answerType !== 'list' && isCell(k, ix.links, unit, topic, about) ? 1 : 0;
      const fromSource = sources.length && sources.some((t) => sourceTermsOf(k, unit).has(t)) ? 1 : 0;
      const read = kind ? readAnswer(k, ix.links, ix.organisations, unit, q, wanted, kind) : undefined;
      // "Who chairs …?": a unit naming nobody beside that role does not answer it, whoever else it names, unless it
      // says the post is empty ("a Programme Director (appointment in progress)").
      if (roleAsked.length && !read?.answer && !VACANCY.test(unit.quote)) continue;
      // A unit saying outright what is asked ranks first: a cause ("because", "arise from") for a "why", a length of
      // time for "how long", a section's number for "what section", a line defining the term asked about. A unit
      // holding the kind of answer asked for (a count of the thing counted, a date, a name), or a "why"'s purpose
      // ("to improve"), counts as one more word of the question.
      const said =
        (asksWhy && CAUSE.test(unit.quote)) ||
        ((kind === 'duration' || kind === 'reference') && !!read?.answer) ||
        (defined && definesTerm(unit.quote, defined)) ||
        (asksDeadline && DEADLINE.test(unit.quote))
          ? 1
          : 0;
      // A bare year ("2017/18") answers "when" less than a day or a month does ("by 28 April 2017").
      const yearOnly = kind === 'date' && !!read?.answer && /^\d{4}(?:[/-]\d{2})?$/.test(read.answer);
      const typed = read?.answer ? (read.attached ? 1.5 : yearOnly ? 0.5 : 1) : asksWhy && REASON.test(unit.quote) ? 0.5 : 0;
      // "Where are the other success regimes?": a unit speaking of the others.
      const others = asksOthers(q) && OTHER.test(unit.quote) ? 1 : 0;
      // "Who approves a CCG merger?": a unit under the heading "Who approves a merger" is what the document says to it.
      const headed = underAskingHeading(unit, q, topic) ? 1 : 0;
      const topical = overlap(topic, reading) + others + headed;
      const current = kind === 'person' && read?.line && !q.words.some((w) => PAST_ASKED.has(w)) && heldBefore(read.line, roleAsked) ? 0 : 1;
      const lineTerms = new Set(contentTerms(read?.line ?? ''));
      const lineFit = [...topic, ...kindNames].filter((t) => lineTerms.has(t)).length;
      good.push({
        hit,
        unit,
        fit: s.all,
        free: s.free,
        overlap: topical + typed,
        topical,
        own,
        cell,
        said,
        fromSource,
        read,
        tags: isTagList(unit),
        current,
        lineFit,
      });
    }
    if (!good.length) return null;
    // "… has been placed in special measures. … NHS England confirmed the decision on 10 October 2017": a paragraph
    // holding the kind of answer asked for, just after one that speaks to the question, answers it with that one.
    for (const g of good) {
      if (!g.read?.answer || g.unit.passages.length > 1) continue;
      const at = positionOf(k, g.unit.passages[0]);
      const gap = (h: Candidate) => at - positionOf(k, h.unit.passages.at(-1)!);
      const before = good.find(
        (h) =>
          !h.read?.answer &&
          !h.tags &&
          h.topical > g.topical &&
          h.unit.passages[0].document === g.unit.passages[0].document &&
          h.unit.passages[0].section === g.unit.passages[0].section &&
          gap(h) >= 1 &&
          gap(h) <= FOLLOWING,
      );
      if (!before) continue;
      g.overlap += before.topical - g.topical;
      g.fit = Math.max(g.fit, before.fit);
      g.after = before;
    }
    // The unit speaking to more of the question's own words first; a list first when the question asks "which …".
    const listWanted = asksForList(q) || q.answerType === 'list';
    // A list of several items answers "which …" before a single table row does, and either before a sentence.
    const listness = (u: PassageUnit) => (u.passages.length > 1 ? 2 : u.passages[0].columns ? 1 : 0);
    const isList = (u: PassageUnit) => listness(u) > 0;
    good.sort(
      (a, b) =>
        (listWanted ? 0 : Number(a.tags) - Number(b.tags)) ||
        b.cell - a.cell ||
        b.fromSource - a.fromSource ||
        b.said - a.said ||
        b.current - a.current ||
        b.free - a.free ||
        // "Who leads the back office work?": the line naming the person speaks of what they lead.
        (kind === 'person' && a.read?.answer && b.read?.answer ? b.lineFit - a.lineFit : 0) ||
        b.overlap - a.overlap ||
        b.own - a.own ||
        b.fit - a.fit ||
        (listWanted ? listness(b.unit) - listness(a.unit) : 0) ||
        b.lineFit - a.lineFit ||
        b.hit.score - a.hit.score,
    );
    const best = good[0];
    const chosen = [best, ...good.slice(1).filter((g) => g.hit.score >= best.hit.score * 0.75 && g.unit.quote.length < 400 && g.fit >= best.fit)].slice(0, 2);
    // "Which local authorities …": the list the best passage introduces or sits beside, when it was not chosen already.
    const list =
      listWanted && !isList(best.unit)
        ? good.find((g) => isList(g.unit) && g.unit.passages[0].document === best.unit.passages[0].document && g.free >= 0.5)
        : undefined;
    if (list && !chosen.includes(list)) chosen.splice(1, 1, list);
    else if (best.after && !chosen.includes(best.after)) chosen.splice(1, 1, best.after);
    return {
      // The answer is pulled out of the best unit, or the one it answers after: a figure opening a passage shown
      // beside them would read as the answer.
      statements: chosen.map((g, i) => {
        const read = g.read ?? readAnswer(k, ix.links, ix.organisations, g.unit, q, wanted, kind);
        return statement(k, g.unit, q, i === 0 || g === best.after ? read : { ...read, answer: null });
      }),
      leadIn: neighbourTexts(k, best.unit.passages[0], LEAD_IN, 0).slice(0, -1).join(' '),
      // A "when" or "who" the passage names no date or person for (none of the event asked, or nobody in the role)
      // is only the nearest thing it says: below the bar, it is offered as such, not stated as the answer.
      fit:
        (q.answerType === 'date' || q.answerType === 'person') && !best.read?.answer && !VACANCY.test(best.unit.quote) ? best.fit * UNANSWERED_FIT : best.fit,
    };
  },
};

/** The question's topic words beyond the organisations it names, unknown words included ("save" for "savings"). */
function topicTerms(q: ParsedQuestion): string[] {
  // A national body asked about ("does the ICB take over specialised commissioning?") is what the passage must speak to.
  const named = q.orgs.filter((m) => !(m.org.type === 'national-body' && !isSetting(q, m) && m !== q.orgs[0]));
  const orgWords = new Set(named.flatMap((m) => q.words.slice(m.from, m.to)));
  const within = (ms: typeof q.orgs, i: number) => ms.some((m) => m.from <= i && i < m.to);
  // Of the body asked about, the words that tell it from others ("specialised", not "commissioning").
  const skipped = (w: string, i: number) => orgWords.has(w) || within(named, i) || (within(q.orgs, i) && GENERIC_NAME_WORDS.has(w));
  return [
    ...new Set(
      q.words
        .filter((w, i) => !skipped(w, i))
        .flatMap((w) => contentTerms(w))
        .concat(q.spoken)
        .filter((t) => !ASKING.has(t) && !SOURCE_WORDS.has(t)),
    ),
  ];
}

/**
 * What is read of a hit's unit, kept for the next question that finds the same passage: the unit, and (each made
 * when first needed) its topic terms and their first four letters, the organisations it and its headings name and
 * those around it, and its words for names. None of it depends on the question.
 */
interface UnitReading {
  unit: PassageUnit;
  /** Its quote and context (heading, label, introducing line, column names), normalised. */
  normal?: string;
  terms?: Set<string>;
  prefixes?: Set<string>;
  own?: string[];
  around?: string[];
  /** The unit's own text (quote, context, document title) normalised, then each passage around it, each padded with spaces. */
  spaced?: string[];
}

/** How many hits' readings are kept (the most recently found). */
const READINGS = 1000;
const readings = new WeakMap<Knowledge, Map<number, UnitReading>>();

/** The reading of the unit a hit answers as (a list with its introducing line, a row, a paragraph). */
function readingOf(k: Knowledge, p: Passage): UnitReading {
  const at = positionOf(k, p);
  // A heading ("Criteria an application must meet") answers as what stands under it.
  const start = p.kind === 'heading' ? (firstUnder(k, p) ?? p) : p;
  const made = () => ({ unit: unitOf(k, listAfter(k, start) ?? start) });
  if (at < 0) return made();
  let kept = readings.get(k);
  if (!kept) readings.set(k, (kept = new Map()));
  let reading = kept.get(at);
  if (reading) kept.delete(at);
  else reading = made();
  kept.set(at, reading);
  if (kept.size > READINGS) kept.delete(kept.keys().next().value!);
  return reading;
}

/** The unit's quote and context, normalised (its terms and its words for names are read from it). */
function normalOf(r: UnitReading): string {
  return (r.normal ??= normalise(`${r.unit.quote} ${r.unit.passages.map(passageContext).join(' ')}`));
}

/** The unit's topic terms: of its quote and its context (what `contentTerms` gives of them, from their normalised text). */
function termsOf(r: UnitReading): Set<string> {
  return (r.terms ??= new Set(normalisedTerms(normalOf(r))));
}

const titles = new WeakMap<Knowledge, Map<string, string>>();

/**
 * A document's title and publisher, normalised (kept for every document a hit was found in): "does Dave West …" is
 * asked of the newsletter its publisher line says he writes.
 */
function normalTitle(k: Knowledge, doc: { id: string; title: string; publisher: string }): string {
  let kept = titles.get(k);
  if (!kept) titles.set(k, (kept = new Map()));
  let title = kept.get(doc.id);
  if (title === undefined) kept.set(doc.id, (title = normalise(`${doc.title} ${doc.publisher}`)));
  return title;
}

/** How many topic terms a unit holds, allowing for endings the stemmer leaves apart ("merge"/"merger", "save"/"savings"). */
function overlap(topic: string[], reading: UnitReading): number {
  const unitTerms = termsOf(reading);
  const prefixes = (reading.prefixes ??= new Set([...unitTerms].filter((t) => t.length >= 4).map((t) => t.slice(0, 4))));
  const near = (t: string) => (t.length >= 5 ? prefixes.has(t.slice(0, 4)) : t.length === 4 && unitTerms.has(t.slice(0, 3)));
  // A word sharing only its first letters ("special" for "specialised") counts a little less than the word itself.
  const exact = (t: string) => unitTerms.has(t) || otherForms(t).some((f) => unitTerms.has(f));
  return topic.reduce((n, t) => n + (exact(t) ? 1 : near(t) ? 0.9 : 0), 0);
}

/** "Which CCGs …", "what are the …", "list the …": the answer is several things. */
function asksForList(q: ParsedQuestion): boolean {
  return q.words[0] === 'which' || q.words[0] === 'list' || (q.words[0] === 'what' && q.words[1] === 'are');
}

/** The first passage under a heading, in its document. */
function firstUnder(k: Knowledge, heading: Passage): Passage | undefined {
  const title = heading.text.replace(/:$/, '');
  return neighbours(k, heading, 0, 2).find((x) => x !== heading && x.kind !== 'heading' && x.section === title);
}

/** An introducing line ("The board approved:") answers as the list it introduces. */
function listAfter(k: Knowledge, p: Passage): Passage | undefined {
  if (!p.text.endsWith(':')) return undefined;
  // The list follows its introducing line: a few places on at most (a heading or a blank table cell may come between).
  return neighbours(k, p, 0, 4).find((x) => x.kind === 'list-item' && x.listStart === p.start);
}

/** The role words of a "who" question ("chair", "chief", "financial", "officer"). */
function rolesAsked(q: ParsedQuestion, unitTerms?: Set<string>): string[] {
  const roles = roleTermsIn(q.words);
  // "Who runs it - who's the AO?": "lead" on its own (as the lexicon reads "runs", "heads", "in charge of") asks
  // who is in charge, which the named role says; within a role ("clinical lead") it is part of it.
  const inRole = q.words.some(
    (w, i) => w === 'lead' && [q.words[i - 1], q.words[i + 1]].some((n) => n !== undefined && n !== 'lead' && roleTermsIn([n]).length > 0),
  );
  if (roles.length > 1 && !inRole) return roles.filter((t) => t !== 'lead');
  // "Who's the boss at NHS Dorset?" (read as "lead"): whoever holds the top post the unit names.
  const generic = roles.length === 1 && roles[0] === 'lead' && q.words.some((w, i) => w === 'lead' && q.lexical[i]);
  return (generic && unitTerms && TOP_ROLES.find((r) => holdsRoleWords(unitTerms, r))) || roles;
}

/** The posts that head a body, as role terms: what "who runs it?" asks for. */
const TOP_ROLES = [['chief', 'executive'], ['accountable', 'officer'], ['chief', 'officer'], ['chair']].map((r) => r.map(stem));

/** A line whose subject is what the line before it names: "It will be chaired by …". */
const PRONOUN_OPENING = /^(?:It|This|They|These|He|She)\b/;

/** The line of a unit that answers, and the answer standing in it (when one does, of the kind asked for). */
interface ReadAnswer {
  line: string;
  answer: string | null;
  /** The answer is a count standing right before the word counted ("the seven CCGs in Essex"). */
  attached: boolean;
}

function readAnswer(k: Knowledge, links: Links, names: NamePairs, unit: PassageUnit, q: ParsedQuestion, wanted: string[], kind: Wanted): ReadAnswer {
  const peopleRoles = unit.passages.flatMap((p) => peopleAt(links, positionOf(k, p))).filter((m) => wanted.some((t) => contentTerms(m.role).includes(t)));
  // "How many practices …": the word counted weighs most in choosing the sentence.
  const counted = kind === 'number' ? countedTerms(q) : [];
  // A role written in the unit's heading, introducing line or column names ("Place directors:") stands beside every name in it.
  const contextTerms = new Set(unit.passages.flatMap((p) => contentTerms(passageContext(p))));
  const roles = kind === 'person' ? rolesAsked(q, new Set(contentTerms(unit.quote))) : [];
  const ctx = {
    ...context(q, peopleRoles),
    counted,
    roles: holdsRoleWords(contextTerms, roles) ? [] : roles,
    inOrganisationName: (a: string, b: string) => names.hasNamePair(a, b),
  };
  // The passage as a whole holds the organisations asked about: the line is chosen on the other words.
  // A line counting the very thing asked ("fall into two categories") answers before any line holding a number,
  // the line introducing a list among them ("the most likely cases fall into two categories:"); so does the one line
  // giving a length of time for "how long", or a section's number for "what section".
  const intro = unit.passages[0].intro;
  // … and so does the one line naming someone beside the role asked ("It will be chaired by … Professor Alan Hargreaves").
  const direct = (l: string) =>
    kind === 'duration' || kind === 'reference'
      ? extractAnswer(kind, l, ctx) !== null
      : kind === 'person' && ctx.roles.length
        ? holdsRoleWords(new Set(contentTerms(l)), ctx.roles) && extractAnswer(kind, l, ctx) !== null
        : counted.length > 0 && countOf(l, undefined, counted) !== null;
  const directLines = [...(intro ? [intro] : []), ...unit.lines].filter(direct);
  // The line speaking to the question's words, or to their kin ("its allocation for the year" for "budget").
  const topic = topicTerms(q);
  const line =
    directLines.length === 1
      ? directLines[0]
      : answeringLine(
          // The line introducing a list is shown with it, and may hold the answer ("… by 28 April 2017. It should set out:").
          kind === 'date' && intro ? { ...unit, lines: [...sentences(intro), ...unit.lines] } : unit,
          // The things counted weigh double ("how many practices"); a sum's subject ("how much QIPP") once.
          // In a yes/no the line shown carries the verdict: the one speaking of the nouns asked after ("did any boundaries
          // change?") before one repeating its verb.
          [
            ...topic,
            ...topic.flatMap((t) => kinOf(k)(stem(t)).flat()),
            ...counted,
            ...(q.words.includes('many') ? counted : []),
            ...(q.answerType === 'yes-no' ? q.topics : []),
          ],
          (l) => (kind ? extractAnswer(kind, l, ctx) !== null : asksOthers(q) && OTHER.test(l)),
          // "Who was Ann Radmore's letter sent to?": the unit is about her; the line is chosen on what is asked of her.
          new Set(q.names.filter((n) => n.items.some((x) => x.kind === 'person')).flatMap((n) => q.words.slice(n.from, n.to).flatMap((w) => contentTerms(w)))),
        );
  // "Who chairs the primary care and community commissioning committee?": the line naming someone in the role must
  // also speak of what they hold it in, not another group they chair.
  const object = ctx.roles.length ? q.topics.filter((t) => !ROLE_TERMS.has(t)) : [];
  const lineTerms = new Set(contentTerms(line));
  // "A … programme board will oversee the work. It will be chaired by …": a line opening with a pronoun speaks of
  // what the line before it names.
  const before = PRONOUN_OPENING.test(line) ? unit.lines[unit.lines.indexOf(line) - 1] : undefined;
  const objectTerms = before ? new Set([...lineTerms, ...contentTerms(before)]) : lineTerms;
  const ofObject = object.length < 2 || object.filter((t) => objectTerms.has(t)).length * 2 >= object.length;
  // A row of figures under named columns answers with the column the question names ("delivered", not "target").
  const row = kind === 'number' && unit.passages.length === 1 && unit.passages[0].columns ? unit.passages[0] : undefined;
  const cell = row ? columnAsked(k, row, wanted) : null;
  const found = cell ?? (ofObject && (kind !== 'date' || speaksOfEvent(k, q, lineTerms)) ? extractAnswer(kind, line, ctx) : null);
  // A sum asked ("what was its deficit?") is answered by money or a share, never by "three" of "a three-year plan".
  const answer = found && q.answerType === 'amount' && !/[£$€%\d]|per cent/.test(found) ? null : found;
  if (answer === null && kind === 'person' && !ctx.roles.length) {
    // "Margaret Ellery retired on 30 September 2018. Sandra Okoye joined from …": a line about the person asked
    // after, with the one who followed named in the next; both are shown, as the document has them.
    const next = unit.lines[unit.lines.indexOf(line) + 1];
    const from = unit.quote.indexOf(line);
    const to = next === undefined ? -1 : unit.quote.indexOf(next, from + line.length);
    const following = next === undefined ? null : extractAnswer(kind, next, ctx);
    if (following && from >= 0 && to >= 0) return { line: unit.quote.slice(from, to + next.length), answer: following, attached: false };
  }
  return {
    line,
    answer: answer && kind === 'person' ? fullName(k, unit, answer) : answer,
    attached: answer !== null && countOf(line, undefined, counted) === answer,
  };
}

/** The figure of a row under the column the question's words (or their forms and kin) name. */
function columnAsked(k: Knowledge, row: Passage, wanted: string[]): string | null {
  const asked = new Set(wanted.flatMap((t) => [t, ...otherForms(t), ...kinOf(k)(t).flat()]));
  return cellAsked(row, (t) => asked.has(t) || otherForms(t).some((f) => asked.has(f)));
}

/**
 * "When were the conditions lifted?": a date answers only from a line speaking of the event asked (in the question's
 * words or the document's own for them), not from one dating something else about it ("will review … in July 2019").
 * As the answering line is chosen, a word of five letters or more meets one sharing its first four ("apply", "application").
 */
function speaksOfEvent(k: Knowledge, q: ParsedQuestion, lineTerms: Set<string>): boolean {
  const roots = unitRoots(lineTerms);
  const prefixes = new Set([...lineTerms].map((t) => t.slice(0, 4)));
  const says = (f: string) => lineTerms.has(f) || roots.has(rootOfStem(f)) || (f.length >= 5 && prefixes.has(f.slice(0, 4)));
  return (
    q.spoken.some(says) ||
    q.predicates.every((forms) => forms.some((t) => [t, ...otherForms(t), ...sameRoot(t)].some(says) || kinOf(k)(t).some((ws) => ws.every(says))))
  );
}

/**
 * "Please submit a single plan by 28 April 2017. It should set out:": a paragraph introducing a list answers as
 * that list (with it as the introducing line); the first item stands for the unit.
 */
function listIntroducedBy(k: Knowledge, p: Passage): Passage | undefined {
  if (!p.text.endsWith(':') || p.listStart !== undefined) return undefined;
  const next = k.passages.at(positionOf(k, p) + 1);
  return next?.kind === 'list-item' && next.intro === p.text ? next : undefined;
}

/** "Ms Bickerstaffe" as the document names her in full elsewhere ("a single chief officer, Sarah Bickerstaffe"). */
function fullName(k: Knowledge, unit: PassageUnit, name: string): string {
  const short = /^(?:Mr|Mrs|Ms|Miss|Dr) ([A-Z][a-z'’-]+)$/.exec(name);
  if (!short) return name;
  const text = k.documents.get(unit.passages[0].document)?.text ?? '';
  const full = new RegExp(`\\b(?:Dr |Professor |Sir |Dame )?[A-Z][a-z'’-]+ ${short[1]}\\b`).exec(text)?.[0];
  return full && !/^(Mr|Mrs|Ms|Miss|The|NHS) /.test(full) ? full : name;
}

/** The terms of the document a unit stands in that say what it is: its title, publisher and kind. */
function sourceTermsOf(k: Knowledge, unit: PassageUnit): Set<string> {
  const doc = k.documents.get(unit.passages[0].document)!;
  return new Set(contentTerms(`${doc.title} ${doc.publisher} ${doc.kind}`));
}

/** The answer first (when one stands), then what the source says: the answering sentence, the list, or the row with its columns. */
function statement(k: Knowledge, unit: PassageUnit, q: ParsedQuestion, { line, answer }: ReadAnswer): DraftStatement {
  const doc = k.documents.get(unit.passages[0].document)!;
  const label = unit.passages[0].label && !unit.passages[0].columns ? `${unit.passages[0].label}: ` : '';
  const list = unit.passages.length > 1 || (unit.passages[0].intro && unit.passages[0].kind === 'list-item');
  // "What did Anita Donley say?" asks for the words themselves: the whole passage.
  // Beside a yes or no a short paragraph reads whole: its other sentence may carry the verdict ("… are not
  // affected. X and Y both …").
  const whole = q.quoting || (q.answerType === 'yes-no' && unit.display.length <= SHORT_PARAGRAPH_CHARS);
  const shown = list ? `\n${unit.display}` : ` “${label}${whole ? unit.display : line}”`;
  // The answer opens the sentence: "two categories" reads "Two."
  const lead = answer ? `${answer.charAt(0).toUpperCase()}${answer.slice(1)}. ` : '';
  return { text: `${lead}${doc.title} (${doc.publishedLabel}) says:${shown}`, sources: [{ document: doc.id, quote: unit.quote }] };
}

/** The register's names read as word pairs: "milton keynes" is a place's. */
type NamePairs = { hasNamePair(a: string, b: string): boolean };

const context = (q: ParsedQuestion, peopleRoles: { name: string }[]) => ({
  orgs: q.orgs.map((m) => m.org),
  peopleRoles,
  questionWords: q.words,
  questionTerms: q.free,
});

interface Entities {
  /** Each organisation asked about, with what counts as naming it: itself, its members, its predecessors and successors. */
  orgs: { code: string; covers: Set<string> }[];
  /** Capitalised words of the question beyond the organisations: places, people, programmes. */
  names: string[];
  dates: { start: string; end: string }[];
}

function questionEntities(q: ParsedQuestion, isPlace: (word: string) => boolean): Entities {
  // National bodies and regions are the setting of nearly every document, not what a question is about.
  // "The nw london ccgs": a group of CCGs named as one is also the system they make up (its STP or ICB).
  const orgs = q.orgs
    .filter((m) => m.org.type !== 'national-body' && m.org.type !== 'region')
    .map(({ org: o, text }) => ({
      code: o.code,
      covers: new Set([
        o.code,
        ...o.members,
        ...o.successors.map((s) => s.code),
        ...o.predecessors.map((s) => s.code),
        ...(/\bccgs$/.test(text) && o.parent ? [o.parent] : []),
      ]),
    }));
  const linked = new Set(q.orgs.flatMap((m) => q.words.slice(m.from, m.to)));
  for (const n of q.names) for (const w of q.words.slice(n.from, n.to)) linked.add(w);
  // A person the facts know needs only their surname in the passage ("Mr Stevens").
  const surnames = q.names.flatMap((n) => n.items.flatMap((i) => (i.kind === 'person' ? [normalise(i.person.name).split(' ').at(-1)!] : [])));
  const names = [...q.raw.matchAll(/[A-Za-z][A-Za-z'’-]*/g)]
    .filter((m, i) => i > 0 && /^[A-Z]/.test(m[0]))
    .map((m) => normalise(m[0]))
    .filter((w) => w && !linked.has(w) && !KIND_WORDS.has(w) && !MONTHS.has(w));
  // "the eight lancashire ccgs", typed in lower case: a word naming a place the question names no body for.
  const places = q.words.filter((w, i) => !q.linked[i] && !q.lexical[i] && !linked.has(w) && isPlace(w));
  return { orgs, names: [...new Set([...names, ...surnames, ...places])], dates: q.dates.map((d) => ({ start: d.value.start, end: d.value.end })) };
}

/** A table row for the organisation asked about (or the Total row), under a column the question names: "Hillingdon's forecast variance". */
function isCell(k: Knowledge, links: Links, unit: PassageUnit, topic: string[], about: Entities): boolean {
  const columns = unit.passages[0].columns;
  if (unit.passages.length !== 1 || !columns || !columns.slice(1).some((c) => contentTerms(c).some((t) => topic.includes(t)))) return false;
  const named = organisationsAt(links, positionOf(k, unit.passages[0]));
  // "The total forecast deficit of the nw london ccgs": the table's Total row, under the body's table.
  const totalAsked = topic.includes('total') && /^total\b/i.test(unit.passages[0].text);
  return about.orgs.some((o) => named.includes(o.code)) || (totalAsked && about.orgs.length > 0);
}

/** 1 when the unit itself names an organisation asked about (a table row for Hillingdon, not the summary above it). */
function namesOwn(k: Knowledge, links: Links, unit: PassageUnit, about: Entities): number {
  if (!about.orgs.length) return 0;
  // A list's own words include the line that introduces it ("NHS Corby CCG was authorised with five conditions. It must:").
  const intro = unit.passages[0].intro ? neighbours(k, unit.passages[0], 2, 0).filter((p) => p.start === unit.passages[0].listStart) : [];
  const own = [...intro, ...unit.passages].flatMap((p) => organisationsAt(links, positionOf(k, p)));
  return about.orgs.some((o) => own.some((c) => o.covers.has(c))) ? 1 : 0;
}

const MONTHS = new Set(MONTH_NAMES);

/**
 * The unit holds the question's entities: every organisation asked about is named in the unit, its heading or
 * the document's own title (itself, one of its members, or one it merged into or from: never a neighbour or
 * the body above it); every other name stands in it; and a period asked about overlaps a date it gives (or
 * the document's date).
 */
function holdsEntities(k: Knowledge, links: Links, reading: UnitReading, about: Entities): boolean {
  const unit = reading.unit;
  const doc = k.documents.get(unit.passages[0].document)!;
  if (about.orgs.length) {
    const own = (reading.own ??= unit.passages.flatMap((p) => [...organisationsAt(links, positionOf(k, p)), ...headingOrgs(k, links, p)]));
    const named = [...own, ...organisationsOfDocument(k, doc.id)];
    const covered = (o: Entities['orgs'][number], codes: string[]) => codes.some((c) => o.covers.has(c) || k.organisations.get(c)?.parent === o.code);
    // A passage naming other bodies is about them (a neighbouring CCG, a think tank), unless they are providers
    // inside the area asked about; one naming none may rest on the passages around it naming the body.
    // NHS England and the regions are the setting of what a passage says ("we cannot agree our plans with NHS England").
    const others = own.filter((c) => !SETTINGS.has(k.organisations.get(c)?.type ?? ''));
    const providersOnly = others.length > 0 && others.every((c) => PROVIDERS.has(k.organisations.get(c)?.type ?? ''));
    const nearby = (o: Entities['orgs'][number]) =>
      (others.length === 0 || (providersOnly && AREAS.has(k.organisations.get(o.code)?.type ?? ''))) &&
      covered(o, (reading.around ??= aroundOrgs(k, links, unit.passages[0])));
    if (!about.orgs.every((o) => covered(o, named) || nearby(o))) return false;
  }
  if (about.names.length) {
    // A place may be named a few passages up ("the Essex hospital plans"): the passages around count too.
    const unitText = () => `${unit.quote} ${unit.passages.map(passageContext).join(' ')} ${doc.title} ${doc.publisher}`;
    if (about.names.every((n) => /^[a-z]+$/.test(n))) {
      // A word of letters alone is a word of the whole text when it is one of any part (parts join at a space), so
      // the unit's own text is read first and the passages around only for the names it does not hold.
      // The unit's text is its quote and context, then the document's title and publisher (a name of letters is a word of any).
      const spaced = (reading.spaced ??= [` ${normalOf(reading)} ${normalTitle(k, doc)} `]);
      let missing = about.names.filter((n) => !spaced[0].includes(` ${n} `));
      if (missing.length && spaced.length === 1) for (const text of neighbourTexts(k, unit.passages[0], 3, 3)) spaced.push(` ${normalise(text)} `);
      for (let i = 1; i < spaced.length && missing.length; i++) missing = missing.filter((n) => !spaced[i].includes(` ${n} `));
      if (missing.length) return false;
    } else {
      const words = new Set(normalise(`${unitText()} ${aroundText(k, unit.passages[0])}`).split(' '));
      if (!about.names.every((n) => words.has(n))) return false;
    }
  }
  if (about.dates.length) {
    // A document's title sets the period of all it says ("CCG mergers taking effect on 1 April 2021: criteria and process").
    const dates = [...unitDates(unit, links, k), ...datesIn(doc.title)].map((d) => d.start);
    const published = doc.published;
    const overlaps = (d: { start: string; end: string }) =>
      dates.some((s) => s >= d.start && s <= d.end) ||
      (published >= d.start.slice(0, published.length) && published <= d.end.slice(0, published.length)) ||
      unitDates(unit, links, k).some((m) => m.precision === 'financial-year' && m.start <= d.end && m.start >= d.start.slice(0, 4)) ||
      yearlessMonth(`${unit.quote} ${unit.passages.map((p) => p.label ?? '').join(' ')}`, d, published);
    if (!about.dates.every(overlaps)) return false;
  }
  return true;
}

/**
 * "Early March: publication of plans" in a briefing of January 2016 speaks of March 2016: a month named without a
 * year is in the document's year or the next, so it overlaps a month asked about in either.
 */
function yearlessMonth(quote: string, d: { start: string; end: string }, published: string): boolean {
  if (d.start.slice(0, 7) !== d.end.slice(0, 7)) return false;
  const month = MONTH_NAMES[Number(d.start.slice(5, 7)) - 1];
  const year = Number(d.start.slice(0, 4));
  const from = Number(published.slice(0, 4));
  return new RegExp(`\\b${month}\\b(?!\\s+\\d{4})`, 'i').test(quote) && (year === from || year === from + 1);
}

/** Whether a unit speaks of the reporting month asked ("month 10"): it, or its document's title, names no other. */
function reportsMonth(k: Knowledge, unit: PassageUnit, month: string): boolean {
  const text = `${unit.quote} ${unit.passages.map(passageContext).join(' ')} ${k.documents.get(unit.passages[0].document)?.title ?? ''}`;
  const named = [...text.matchAll(/\bmonth (\d{1,2})\b/gi)].map((m) => m[1]);
  return named.length === 0 || named.includes(month);
}

/** How many paragraphs before a passage may say whom it is about ("He writes: …"). */
const LEAD_IN = 2;
const PROVIDERS = new Set(['trust', 'provider']);
const SETTINGS = new Set(['national-body', 'region']);
const AREAS = new Set(['ccg', 'icb', 'stp', 'stp-footprint', 'region']);
/** How far back a heading is looked for. */
const HEADING_REACH = 400;
/** How many passages either side count as a passage's surroundings. */
const AROUND = 6;

/** The text of the passages just around one (three either side), in its document. */
function aroundText(k: Knowledge, p: Passage): string {
  return neighbourTexts(k, p, 3, 3).join(' ');
}

/** Organisations named in the passages around one, in its document. */
function aroundOrgs(k: Knowledge, links: Links, p: Passage): string[] {
  const at = positionOf(k, p);
  const out: string[] = [];
  for (let i = Math.max(0, at - AROUND); i <= Math.min(k.passages.length - 1, at + AROUND); i++) {
    if (k.passages.documentAt(i) === p.document) out.push(...organisationsAt(links, i));
  }
  return out;
}

/** Organisations named by the heading a passage sits under. */
function headingOrgs(k: Knowledge, links: Links, p: Passage): string[] {
  if (!p.section) return [];
  // The heading stands before the passage in its document: walk back to it by position, on the columns.
  const at = positionOf(k, p);
  const ps = k.passages;
  for (let i = at - 1; i >= 0 && i >= at - HEADING_REACH; i--) {
    if (ps.documentAt(i) !== p.document) break;
    if (ps.kindOf(i) === 'heading' && ps.textAt(i).replace(/:$/, '') === p.section) return organisationsAt(links, i);
  }
  return [];
}
