/**
 * The engine: one question in, one cited Answer out. It reads the question (typos, entities), ranks the
 * intents, lets the best ones answer from the knowledge, and declines honestly when nothing covers it.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Overview } from './overview.ts';
import { DEFAULT_SEEDS_DIR } from '../knowledge/paths.ts';
import { loadKnowledgeCached } from '../knowledge/knowledgeCache.ts';
import { buildIndexes, type Indexes } from '../search/indexes.ts';
import { buildIndexesCached } from '../search/indexCache.ts';
import { parseQuestion, type ParsedQuestion } from '../search/question.ts';
import { STOP_WORDS, stem } from '../search/text.ts';
import { formatDay } from '../knowledge/dates.ts';
import { ANSWER_LIMITS, MAX_ANSWER_CHARS, MAX_CITATIONS, type Answer, type AnswerLimits } from './answer.ts';
import { contextOf, resolveFollowUp, type ConversationContext } from './conversation.ts';
import { CONFIDENCE_BAR, judge, type Judgement } from './judge.ts';
import { adviceDecline, adviceSuggestions, smallTalk, unknownNameDecline } from './declines.ts';
import { asOfLine, newestRegisterLabel, newestSourceLabel } from './asOf.ts';
import { joinAnswers } from './joinAnswers.ts';
import { splitQuestion } from './twoParts.ts';
import { withVerdict } from './verdict.ts';
import { compose, declined } from './compose.ts';
import { IntentMatcher } from './matcher.ts';
import type { Intent, IntentContext, IntentResult } from './intent.ts';
import { buildOrgCard } from './orgCardBuilder.ts';
import type { OrgCard } from './orgCard.ts';
import { loadIntents } from './intents.ts';
import { allDatedEntries } from '../digest/window.ts';
import type { DigestEntry } from '../digest/types.ts';

export const MAX_QUESTION_CHARS = 500;

/** Words of ordinary chat that say nothing about the topic but are no sign of an off-topic question. */
const CHAT_WORDS = new Set([
  'lately',
  'recently',
  'today',
  'overview',
  'summary',
  'info',
  'information',
  'details',
  'detail',
  'update',
  'updates',
  'news',
  'briefly',
  'quick',
  'quickly',
  'exactly',
  'actually',
  'really',
  'mean',
  'means',
  'meant',
  'explain',
  'describe',
  'list',
  'name',
  'names',
  'whats',
  'who',
  'hows',
  'went',
  'wrong',
  'go',
  'going',
  'goes',
  'problem',
  'problems',
  'issue',
  'issues',
  'think',
  'like',
  'good',
  'bad',
  'big',
  'main',
  'key',
  'new',
  'old',
  'next',
  'last',
  'first',
  'involved',
  'anyone',
  'someone',
  'people',
  'person',
  'happening',
  'happened',
  'happen',
]);

/** What the lexicon reads a kind of question as: they ask, they are not what is asked about. */
const ASKING_WORDS = [
  'many',
  'much',
  'long',
  'why',
  'when',
  'who',
  'what',
  'require',
  'role',
  'organisation',
  'work',
  'member',
  'part',
  // Nouns naming the kind of answer ("the deadline for …", "the total …"): a date or an amount answers them.
  'deadline',
  'date',
  'total',
  'amount',
  'figure',
  'proportion',
  'percentage',
];

/** A passage shown beside a structured answer must read as answering the question well, not only pass the bar. */
const CORROBORATION_BAR = 0.6;

/** Curated facts before a machine-read passage: a passage's confidence counts for this much against theirs. */
const PASSAGE_WEIGHT = 0.85;

export interface AskOptions {
  /** The previous turn of the conversation, for follow-ups. */
  context?: ConversationContext;
}

export type UnansweredLog = (entry: { question: string; intent: string; reason: string }) => void;

/** How each reading of a question was judged, for `ask --explain`. */
export type JudgedLog = (entry: { question: string; intent: string; judgement: Judgement; first: string }) => void;

export type { Overview } from './overview.ts';

export class Engine {
  readonly indexes: Indexes;
  private readonly matcher: IntentMatcher;
  private known?: Set<string>;
  /** Words that never count as a question's topic: chat, and the words that ask ("how many", "why"). */
  private readonly ignorable: Set<string>;
  onUnanswered?: UnansweredLog;
  onJudged?: JudgedLog;

  constructor(
    readonly knowledge: Knowledge,
    readonly intents: Intent[],
    indexes?: Indexes,
  ) {
    this.indexes = indexes ?? buildIndexes(knowledge);
    this.matcher = new IntentMatcher(intents, this.indexes.lexicon);
    this.ignorable = new Set([...CHAT_WORDS, ...ASKING_WORDS].map(stem));
  }

  /** Words the intents and chat use, which a question may hold without being out of scope (read with the first question). */
  private get knownWords(): Set<string> {
    return (this.known ??= new Set([...this.matcher.vocabulary, ...CHAT_WORDS]));
  }

  /**
   * Answers a question; never throws for anything a person can type. With `context` (the previous turn of a
   * conversation), a follow-up ("what about Southend?") is read against it; the answer carries the context
   * for the next turn.
   */
  ask(question: string, options: AskOptions = {}): Answer {
    const text = String(question ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) return declined('empty', 'Ask me a question about NHS commissioning, for example "tell me about Thurrock CCG".', helpSuggestions());
    if (text.length > MAX_QUESTION_CHARS) {
      return this.unanswered(
        text,
        'too-long',
        `That question is ${text.length} characters long; I can take up to ${MAX_QUESTION_CHARS}. Try asking one thing at a time, for example "which CCGs are under legal directions?".`,
      );
    }
    const parts = splitQuestion(text);
    if (parts.length === 1) return this.askOne(text, options.context);
    // Each part is answered on its own, the second reading the first as its context ("… and who imposed them?"),
    // within half the text and the sources the first leaves (one kept back for the second's direct answer):
    // what a part has no room for goes to its own "more", not cut.
    const [one, two] = parts as [string, string];
    const chars = Math.floor((MAX_ANSWER_CHARS - 2) / 2);
    const first = this.askOne(one, options.context, { chars, citations: MAX_CITATIONS - 1 });
    const second = this.askOne(two, first.context ?? options.context, { chars, citations: Math.max(0, MAX_CITATIONS - first.citations.length) });
    return joinAnswers(first, second, [one, two]);
  }

  private askOne(text: string, context?: ConversationContext, limits: AnswerLimits = ANSWER_LIMITS): Answer {
    let q = parseQuestion(text, this.indexes, this.knownWords);
    if (q.chat) return smallTalk(q.chat, this.knowledge);
    const resolved = resolveFollowUp(q, text, context);
    if (resolved) q = parseQuestion(resolved, this.indexes, this.knownWords);
    const answer = this.answerParsed(q, text, limits);
    if (!answer.answered) return answer;
    const next = contextOf(q, resolved ?? text, answer.intent);
    // "Who chairs it? … and what did she say?": the person a "who" question was answered with is who "she" is.
    const first = answer.text.split('\n')[0];
    const named = q.answerType === 'person' ? this.knowledge.people.find((p) => first.includes(p.name)) : undefined;
    if (named) next.mentions.unshift({ kind: 'person', text: named.name });
    return { ...answer, context: next };
  }

  private answerParsed(q: ParsedQuestion, text: string, limits: AnswerLimits): Answer {
    const ctx: IntentContext = { q, k: this.knowledge, ix: this.indexes };
    if (q.advice) return this.unanswered(text, 'advice', adviceDecline(q), adviceSuggestions(ctx, this.intents));
    if (q.unknownName)
      return this.unanswered(
        text,
        'unknown-name',
        unknownNameDecline(q.unknownName),
        q.unknownName.suggestions.length ? q.unknownName.suggestions.map((n) => `Tell me about ${n}`) : helpSuggestions(),
      );
    const topical = q.words.filter((w, i) => !STOP_WORDS.has(w) && !q.lexical[i]);
    if (topical.length > 0 && q.unknown.length / topical.length > 0.4) return this.unanswered(text, 'out-of-scope', outOfScope());

    const ranked = this.matcher.rank(q);
    const top = ranked[0]?.score ?? 0;
    let best: { intent: Intent; result: IntentResult; judgement: Judgement; index: number } | undefined;
    // A passage weighs at most PASSAGE_WEIGHT: once a curated answer is judged above that, no passage can beat it,
    // and the passage search (the costliest reading by far on a large corpus) is not run.
    const weight = (x: { intent: Intent; judgement: Judgement }) => x.judgement.confidence * (x.intent.fallback ? PASSAGE_WEIGHT : 1);
    // The passage reading, once it has been made (null when it found nothing): an answer shown beside a structured one reuses it.
    let passage: { result: IntentResult; judgement: Judgement } | null | undefined;
    for (const [i, { intent, score }] of ranked.entries()) {
      if (intent.fallback && best && weight(best) >= PASSAGE_WEIGHT) break;
      const result = safely(() => intent.answer(ctx));
      if (intent.fallback) passage = null;
      if (!result) continue;
      if (result.decline) return this.unanswered(text, intent.name, result.decline, result.suggestions);
      // "What did … say" asks for the words themselves: only a passage will do. (Words nobody knows, as in "pizza
      // place near Basildon", are topics an answer must speak to: the judgement sees to them.)
      if (!intent.fallback && q.quoting) continue;
      const rank = intent.fallback ? 1 : score / Math.max(top, 1e-9);
      const judgement = judge(q, this.knowledge, result, rank, this.matcher.intentWords.get(intent.name) ?? new Set(), this.ignorable, !!intent.fallback);
      this.onJudged?.({ question: text, intent: intent.name, judgement, first: result.statements[0]?.text ?? '' });
      if (intent.fallback) passage = { result, judgement };
      if (!best || weight({ intent, judgement }) > weight(best)) best = { intent, result, judgement, index: i };
      // The first reading that answers (names what was asked, gives the kind of thing asked for first, speaks to the topic) stands.
      if (judgement.entities && judgement.typed && judgement.leads && judgement.coverage >= 0.5 && judgement.confidence >= CONFIDENCE_BAR) {
        best = { intent, result, judgement, index: i };
        break;
      }
    }
    if (best && best.judgement.confidence >= CONFIDENCE_BAR) {
      const { intent, judgement, index } = best;
      const result = intent.fallback ? best.result : this.withDocuments(ctx, best.result, ranked, passage);
      const suggestions = result.suggestions ?? this.alternatives(ctx, ranked.slice(index + 1), ranked[index]?.score ?? 0);
      return compose(
        this.knowledge,
        intent.name,
        judgement.confidence,
        withVerdict(q, result, judgement.verdict, !!intent.fallback),
        suggestions,
        result.aboutNow ? this.asOfLine() : undefined,
        limits,
      );
    }
    if (best) return this.notSure(text, ctx, ranked, best.intent.name, best.result, best.judgement.confidence, limits);
    if (q.unknown.length) return this.unanswered(text, 'out-of-scope', outOfScope());
    return this.unanswered(text, 'no-match', `I don't know: nothing in what I hold covers that. ${HELP_LINE}`, this.didYouMean(ctx, ranked));
  }

  /**
   * A register or curated answer about an organisation the documents name also shows what a document says about
   * it, when a passage answers the question too: the sources side by side, a date in an article beside the register's.
   */
  private withDocuments(
    ctx: IntentContext,
    result: IntentResult,
    ranked: { intent: Intent; score: number }[],
    tried: { result: IntentResult; judgement: Judgement } | null | undefined,
  ): IntentResult {
    const { q } = ctx;
    // A code stands on its own source.
    if (q.answerType === 'code' || !q.orgs.some((m) => this.indexes.links.byOrganisation.has(m.org.code))) return result;
    const passage = tried === undefined ? this.readPassage(ctx, ranked) : tried;
    const first = passage?.result.statements[0];
    if (!passage || !first || passage.result.decline) return result;
    const { judgement } = passage;
    if (!judgement.entities || !judgement.typed || judgement.coverage < 0.5 || judgement.confidence < CORROBORATION_BAR) return result;
    // A document the answer already cites adds nothing; beside a yes or no, only a passage reading the same way does
    // (a passage of the other sense would read as a second verdict).
    const cited = new Set(result.statements.flatMap((st) => st.sources.flatMap((src) => ('document' in src ? [src.document] : []))));
    if (first.sources.some((src) => 'document' in src && cited.has(src.document))) return result;
    if (q.answerType === 'yes-no' && judgement.verdict !== result.verdict) return result;
    return { ...result, statements: [...result.statements, { ...first, text: `In the documents: ${first.text}` }] };
  }

  /** The passage reading of a question, judged as the answer loop judges it. */
  private readPassage(ctx: IntentContext, ranked: { intent: Intent; score: number }[]): { result: IntentResult; judgement: Judgement } | null {
    const intent = ranked.find((r) => r.intent.fallback)?.intent;
    const result = intent ? safely(() => intent.answer(ctx)) : null;
    if (!intent || !result) return null;
    return { result, judgement: judge(ctx.q, this.knowledge, result, 1, this.matcher.intentWords.get(intent.name) ?? new Set(), this.ignorable, true) };
  }

  /** Below the bar: not stated as fact. The nearest source is shown as such, with the readings that could answer. */
  private notSure(
    text: string,
    ctx: IntentContext,
    ranked: { intent: Intent; score: number }[],
    intent: string,
    result: IntentResult,
    confidence: number,
    limits: AnswerLimits,
  ): Answer {
    this.onUnanswered?.({ question: text, intent, reason: 'below the confidence bar' });
    const lead = "I'm not sure I have that. The nearest I hold:\n";
    const room = { ...limits, chars: limits.chars - lead.length };
    const nearest = compose(this.knowledge, intent, confidence, { ...result, statements: result.statements.slice(0, 2) }, [], undefined, room);
    return {
      ...nearest,
      answered: false,
      text: `${lead}${nearest.text}`.slice(0, limits.chars),
      suggestions: this.didYouMean(ctx, ranked),
    };
  }

  /** The organisation card for a name or ODS code. */
  org(query: string): OrgCard {
    return buildOrgCard(this.knowledge, this.indexes, String(query ?? '').slice(0, MAX_QUESTION_CHARS));
  }

  /** A dated entry of the digests (a register change or a dated fact) by its stable id, with its citations. */
  datedEntry(id: string): DigestEntry | undefined {
    return allDatedEntries(this.knowledge).find((e) => e.id === id);
  }

  /** What the bot knows, for App Home and help. */
  overview(): Overview {
    const k = this.knowledge;
    return {
      documents: [...k.documents.values()].map((d) => ({ id: d.id, title: d.title, publisher: d.publisher, published: d.publishedLabel, url: d.url })),
      organisationCount: k.organisations.size,
      asOf: formatDay(k.asOf),
      sourcesAsOf: newestSourceLabel(k),
      registerAsOf: newestRegisterLabel(k),
      recentInterventions: [...k.interventions]
        .sort((a, b) => b.dateValue.start.localeCompare(a.dateValue.start))
        .slice(0, 5)
        .map((i) => ({
          title: i.title,
          date: i.dateValue.label,
          status: i.outcome?.status ?? i.status,
          organisations: i.organisations.map((c) => k.organisations.get(c)?.name ?? c),
        })),
    };
  }

  /** Present-tense answers are true as of the newest document, not the register's later dates. */
  private asOfLine(): string {
    return asOfLine(newestSourceLabel(this.knowledge));
  }

  private alternatives(ctx: IntentContext, rest: { intent: Intent; score: number }[], score: number): string[] {
    return rest
      .filter((r) => !r.intent.fallback && r.score >= score * 0.85 && r.score > 0)
      .map((r) => r.intent.rephrase?.(ctx))
      .filter((s): s is string => !!s)
      .slice(0, 3);
  }

  private didYouMean(ctx: IntentContext, ranked: { intent: Intent; score: number }[]): string[] {
    const s = ranked.map((r) => r.intent.rephrase?.(ctx)).filter((x): x is string => !!x);
    return s.length ? s.slice(0, 3) : helpSuggestions();
  }

  private unanswered(question: string, intent: string, text: string, suggestions: string[] = helpSuggestions()): Answer {
    this.onUnanswered?.({ question, intent, reason: text });
    return declined(intent, text, suggestions);
  }
}

const HELP_LINE =
  'I answer questions about CCGs, STPs/ICBs and NHS England interventions (legal directions, financial special measures, mergers), the people who lead them, and what the source documents say. Try "what can you do?".';

function outOfScope(): string {
  return `That is outside what I know. ${HELP_LINE}`;
}

/** Example questions offered when the bot cannot answer. */
export function helpSuggestions(): string[] {
  return ['Which CCGs are under legal directions?', 'Tell me about Thurrock CCG', 'Who leads primary care in the Essex success regime?'];
}

function safely(fn: () => IntentResult | null): IntentResult | null {
  try {
    return fn();
  } catch (e) {
    console.error('an intent failed:', e);
    return null;
  }
}

/**
 * Loads the knowledge and the intents, and builds an engine over them. With `cacheDir`, the validated
 * knowledge and the passage index come from snapshots keyed by the knowledge's content hash (built and
 * saved when missing or stale).
 */
export async function loadEngine(seedsDir?: string, options: { cacheDir?: string } = {}): Promise<Engine> {
  // Without a cache the folder is loaded and validated, with the code that does it imported only then.
  const knowledge = options.cacheDir
    ? await loadKnowledgeCached(seedsDir ?? DEFAULT_SEEDS_DIR, options.cacheDir)
    : (await import('../knowledge/knowledge.ts')).loadKnowledge(seedsDir);
  const indexes = options.cacheDir ? buildIndexesCached(knowledge, options.cacheDir) : undefined;
  return new Engine(knowledge, await loadIntents(), indexes);
}
