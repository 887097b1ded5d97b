/**
 * `/commissioning digest …`: subscribe, unsubscribe, list, preview, quiet on|off, resume, help.
 * Parsing and acting live here, free of Slack plumbing, so the same words behave the same in tests.
 * Who may change a channel's digest: the users in DIGEST_ADMINS, or anyone when it is unset.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { SlackMessage } from '../render/blockLimits.ts';
import { sections } from '../render/blockLimits.ts';
import { escapeSlack } from '../render/escape.ts';
import type { Store } from '../store/store.ts';
import type { Subscription } from '../store/subscriptions.ts';
import { digestMessages } from '../render/digestBlocks.ts';
import { buildDigest } from '../digest/build.ts';
import { filterForCode, FilterError, resolveFilter } from '../digest/filter.ts';
import { defaultSchedule, describeSchedule, type Frequency, LONDON, nextSlot, periodDays, previousSlot, type Schedule, WEEKDAYS } from '../digest/schedule.ts';
import { factSnapshotJson, parseSnapshot } from '../digest/snapshot.ts';
import { windowLabel } from '../digest/group.ts';

/** What the digest commands work on: the store, the serving knowledge, who may change things, the clock. */
export interface DigestCommandDeps {
  store: Store;
  knowledge: () => Knowledge;
  /** User ids allowed to change subscriptions; empty or undefined lets anyone in the channel. */
  admins?: string[];
  now?: () => Date;
}

/** One `/commissioning digest …` invocation. */
export interface DigestCommandInput {
  /** Text after "digest", e.g. "subscribe weekly East of England". */
  args: string;
  user: string;
  channel: string;
}

/** A reply: shown to the caller only, or to the channel when it changed the channel's digest. */
export interface DigestReply extends SlackMessage {
  visibility: 'ephemeral' | 'in_channel';
  /** Further messages, sent after this one (a long preview). */
  more?: SlackMessage[];
}

/** Parses DIGEST_ADMINS ("U123,U456") into user ids. */
export function parseAdmins(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The help text of `/commissioning digest help` (mrkdwn, the bot's own words). */
export const DIGEST_HELP = [
  '*Channel digests of commissioning changes* (times are London time)',
  '• `/commissioning digest subscribe [daily|weekly|monthly] [on &lt;weekday&gt;] [at HH:MM] [filter]`: e.g. `subscribe weekly East of England`, `subscribe daily at 08:30 QH8`, `subscribe monthly Thurrock CCG`. Default: weekly, Mondays 09:00; daily 09:00; monthly on the 1st at 09:00.',
  '• `/commissioning digest unsubscribe`: stop this channel’s digest.',
  '• `/commissioning digest list`: every channel’s digest.',
  '• `/commissioning digest preview`: what this channel’s next digest would say, now.',
  '• `/commissioning digest quiet on|off`: off (the default) posts a one-line “no changes” for a quiet period; on stays silent when nothing changed.',
  '• `/commissioning digest resume`: restart a paused digest (after inviting the app back to the channel).',
  'A filter is a region (East of England or Y61), an STP/ICB (QH8, Mid and South Essex) or an organisation (Thurrock CCG, 07G).',
].join('\n');

/** Runs one digest subcommand and returns the reply. Never throws for bad input: the reply says what to type instead. */
export async function runDigestCommand(input: DigestCommandInput, deps: DigestCommandDeps): Promise<DigestReply> {
  const now = (deps.now ?? (() => new Date()))();
  const [word = 'help', ...rest] = input.args.trim().split(/\s+/).filter(Boolean);
  const args = rest.join(' ');
  const action = word.toLowerCase();
  const changes = ['subscribe', 'unsubscribe', 'quiet', 'resume'];
  if (changes.includes(action) && deps.admins?.length && !deps.admins.includes(input.user)) {
    return reply(
      `Only digest admins can change this channel’s digest (${deps.admins.map((u) => `<@${u}>`).join(', ')}). Ask one of them, or ask whoever runs the app to add you to DIGEST_ADMINS.`,
    );
  }
  const actor = { user: input.user, at: now.toISOString() };
  try {
    switch (action) {
      case 'subscribe':
        return await subscribe(input, args, deps, actor, now);
      case 'unsubscribe': {
        const { before } = await deps.store.subscriptions.unsubscribe(input.channel, actor);
        return before
          ? reply(`<@${input.user}> stopped this channel’s digest (it was ${describe(deps, before)}).`, 'in_channel')
          : reply('This channel has no digest to stop.');
      }
      case 'list':
        return await list(deps, now);
      case 'preview':
        return await preview(input, args, deps, now);
      case 'quiet': {
        const value = args.toLowerCase();
        if (value !== 'on' && value !== 'off')
          return reply('Say `/commissioning digest quiet on` (stay silent when nothing changed) or `quiet off` (post a one-line “no changes”).');
        if (!(await deps.store.subscriptions.get(input.channel)))
          return reply('This channel has no digest yet: `/commissioning digest subscribe weekly` sets one up.');
        await deps.store.subscriptions.setPostWhenQuiet(input.channel, value === 'off', actor);
        return reply(
          value === 'on'
            ? `<@${input.user}> set this channel’s digest to stay silent when nothing changed.`
            : `<@${input.user}> set this channel’s digest to post “no changes” when nothing changed.`,
          'in_channel',
        );
      }
      case 'resume': {
        const sub = await deps.store.subscriptions.get(input.channel);
        if (!sub) return reply('This channel has no digest to resume.');
        if (sub.status === 'active') return reply(`This channel’s digest is already running (${describe(deps, sub)}).`);
        await deps.store.subscriptions.resume(input.channel, actor);
        return reply(
          `<@${input.user}> resumed this channel’s digest; the next one (${formatInstant(nextSlot(sub, now))}) covers the time it was paused.`,
          'in_channel',
        );
      }
      case 'help':
        return { text: 'Digest commands', blocks: sections(DIGEST_HELP), visibility: 'ephemeral' };
      default:
        return {
          text: 'Digest commands',
          blocks: [...sections(`I don’t know \`digest ${escapeSlack(word)}\`.`), ...sections(DIGEST_HELP)],
          visibility: 'ephemeral',
        };
    }
  } catch (e) {
    if (e instanceof FilterError) return reply(escapeSlack(e.message));
    throw e;
  }
}

/** Parses "[daily|weekly|monthly] [on <weekday>] [at HH:MM] [filter…]"; returns the schedule and the filter words, or a problem to show. */
export function parseSubscribe(args: string): { schedule: Schedule; filter: string } | { problem: string } {
  let words = args.trim().split(/\s+/).filter(Boolean);
  let frequency: Frequency = 'weekly';
  if (/^(daily|weekly|monthly)$/i.test(words[0] ?? '')) frequency = words.shift()!.toLowerCase() as Frequency;
  const schedule = defaultSchedule(frequency);
  for (let i = 0; i < words.length; ) {
    const w = words[i].toLowerCase();
    const next = words[i + 1]?.toLowerCase() ?? '';
    if (w === 'at' && /^\d{1,2}[:.]\d{2}$/.test(next)) {
      const [h, m] = next.split(/[:.]/).map(Number);
      if (h > 23 || m > 59) return { problem: `“${next}” is not a time: use 24-hour HH:MM, e.g. \`at 08:30\`.` };
      schedule.atTime = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      words.splice(i, 2);
    } else if ((w === 'on' || w === 'every') && weekdayOf(next)) {
      if (frequency !== 'weekly') return { problem: `A weekday only fits a weekly digest: \`subscribe weekly on ${next}\`.` };
      schedule.weekday = weekdayOf(next);
      words.splice(i, 2);
    } else if (frequency === 'weekly' && i === 0 && weekdayOf(w)) {
      schedule.weekday = weekdayOf(w);
      words.splice(i, 1);
    } else i++;
  }
  words = words.filter((w, i) => !(i === 0 && /^(for|only|about)$/i.test(w)));
  return { schedule, filter: words.join(' ') };
}

async function subscribe(
  input: DigestCommandInput,
  args: string,
  deps: DigestCommandDeps,
  actor: { user: string; at: string },
  now: Date,
): Promise<DigestReply> {
  const parsed = parseSubscribe(args);
  if ('problem' in parsed) return reply(parsed.problem);
  const knowledge = deps.knowledge();
  const filter = parsed.filter ? resolveFilter(knowledge, parsed.filter) : null;
  const baseline = { knowledgeId: knowledge.id, snapshot: factSnapshotJson(knowledge) };
  const { before, after } = await deps.store.subscriptions.subscribe(input.channel, { ...parsed.schedule, filter: filter?.code ?? null }, actor, baseline);
  const what = `${describeSchedule(after!)}${filter ? `, only ${escapeSlack(filter.label)}` : ''}`;
  const next = formatInstant(nextSlot(after!, now));
  return reply(
    before
      ? `<@${input.user}> changed this channel’s digest to ${what} (it was ${describe(deps, before)}). Next digest: ${next}.`
      : `<@${input.user}> subscribed this channel to a commissioning digest, ${what}. First digest: ${next}. \`/commissioning digest preview\` shows what it would say now.`,
    'in_channel',
  );
}

async function list(deps: DigestCommandDeps, now: Date): Promise<DigestReply> {
  const subs = await deps.store.subscriptions.list();
  if (!subs.length) return reply('No channel has a digest yet. `/commissioning digest subscribe weekly` in a channel sets one up.');
  const lines = subs.map(
    (s) =>
      `• <#${s.channel}>: ${describe(deps, s)}${s.status === 'paused' ? ` — *paused*: ${escapeSlack(s.pausedReason ?? '')}` : ` — next ${formatInstant(nextSlot(s, now))}`}`,
  );
  return { text: `${subs.length} digest subscriptions`, blocks: sections(`*Digest subscriptions*\n${lines.join('\n')}`), visibility: 'ephemeral' };
}

async function preview(input: DigestCommandInput, args: string, deps: DigestCommandDeps, now: Date): Promise<DigestReply> {
  const knowledge = deps.knowledge();
  const sub = await deps.store.subscriptions.get(input.channel);
  const schedule: Schedule = sub ?? defaultSchedule('weekly');
  const next = nextSlot(schedule, now);
  const last = sub ? await deps.store.ledger.lastCompleted(sub.id) : null;
  const start = last ? new Date(last.periodEnd) : previousSlot(schedule, next);
  const { from, to } = periodDays(start, next);
  const filterText = args.trim() || null;
  const filter = filterText ? resolveFilter(knowledge, filterText) : sub?.filter ? filterForCode(knowledge, sub.filter) : null;
  const since = sub ? parseSnapshot((await deps.store.loadSeenSnapshot(sub.id))?.snapshot) : null;
  const digest = buildDigest(knowledge, { from, to, filter, since, imprecise: 'start' });
  const intro = sub
    ? `Preview of this channel’s next digest (${formatInstant(next)}), as it stands now:`
    : `This channel has no digest; here is what a weekly one would say now. \`/commissioning digest subscribe\` sets it up.`;
  if (!digest.events.length && !digest.changes.length)
    return reply(`${intro}\nNothing to report for ${windowLabel(from, to)}${filter ? ` for ${escapeSlack(filter.label)}` : ''}.`);
  const [first, ...more] = digestMessages(knowledge, digest, 'Digest preview', 'below');
  const introBlocks = sections(intro);
  return { text: first.text, blocks: [...introBlocks, ...first.blocks.slice(0, 50 - introBlocks.length)], visibility: 'ephemeral', more };
}

function describe(deps: DigestCommandDeps, s: Subscription): string {
  let filter = '';
  if (s.filter) {
    try {
      filter = `, only ${escapeSlack(filterForCode(deps.knowledge(), s.filter).label)}`;
    } catch {
      filter = `, only ${escapeSlack(s.filter)}`;
    }
  }
  return `${describeSchedule(s)}${filter}${s.postWhenQuiet ? '' : ', silent when nothing changed'}`;
}

function weekdayOf(word: string): number | null {
  const w = word.toLowerCase().replace(/s$/, '');
  const i = WEEKDAYS.findIndex((d) => d.toLowerCase() === w || d.slice(0, 3).toLowerCase() === w);
  return i >= 0 ? i + 1 : null;
}

/** "Monday 30 March 2026 at 09:00" (London time). */
function formatInstant(t: Date): string {
  return format(new TZDate(t.getTime(), LONDON), "EEEE d MMMM yyyy 'at' HH:mm");
}

function reply(text: string, visibility: DigestReply['visibility'] = 'ephemeral'): DigestReply {
  return { text, blocks: [...sections(text)], visibility };
}
