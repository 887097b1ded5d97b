/**
 * A digest as Slack messages: a header, then entries grouped by organisation and date, each with a
 * context line quoting its sources. Long digests become a first message plus thread replies
 * (packMessages keeps every part inside Block Kit's limits); nothing is cut silently.
 */
import type { KnownBlock } from './slackTypes.ts';
import type { Citation } from '../engine/answer.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { contexts, LIMITS, note, packMessages, sections, type SlackMessage } from './blockLimits.ts';
import { escapeSlack, link, plainText, truncate } from './escape.ts';
import { groupByOrganisation, KIND_NAMES, windowLabel } from '../digest/group.ts';
import type { Digest, DigestEntry } from '../digest/types.ts';

const QUOTE_CHARS = 400;

/** The Slack messages for a digest; `title` heads it ("Weekly digest"). The first goes to the channel, the rest in its thread (or below, for a preview). */
export function digestMessages(knowledge: Knowledge, digest: Digest, title: string, continuation: 'thread' | 'below' = 'thread'): SlackMessage[] {
  const heading = `${title}: ${windowLabel(digest.from, digest.to)}`;
  const counts = [
    plural(digest.events.length, 'dated entry', 'dated entries'),
    ...(digest.changes.length ? [plural(digest.changes.length, 'change', 'changes') + ' to the knowledge'] : []),
  ];
  const body: KnownBlock[] = [
    { type: 'header', text: plainText(truncate(heading, LIMITS.headerText)) },
    note(`${digest.filter ? `Only ${escapeSlack(digest.filter)} · ` : ''}${counts.join(', ')} · knowledge as of ${escapeSlack(digest.knowledgeAsOf)}`),
  ];
  const section = (label: string, entries: DigestEntry[]) => {
    if (!entries.length) return;
    body.push({ type: 'divider' }, ...sections(`*${label}*`));
    for (const group of groupByOrganisation(knowledge, entries)) {
      body.push(...sections(`*${escapeSlack(group.label)}*`));
      for (const e of group.entries) {
        // The summary already names up to three changed fields; longer lists are spelt out.
        const changes = (e.changes?.length ?? 0) > 3 ? e.changes!.map((c) => `\n    ◦ ${escapeSlack(c)}`).join('') : '';
        body.push(...sections(`• ${e.date ? `*${escapeSlack(e.date.label)}* · ` : ''}_${KIND_NAMES[e.kind]}_: ${escapeSlack(e.summary)}${changes}`));
        if (e.citations.length) body.push(...contexts(e.citations.map(citationLine)));
      }
    }
  };
  section('Dated events', digest.events);
  section('Changes to the knowledge since the last digest', digest.changes);
  const fallback = escapeSlack(`${heading} (${counts.join(', ')})`);
  return packMessages(body, { fallback, continuation });
}

/** The one-line message of a quiet period, for channels that asked to hear about those too. */
export function quietMessage(title: string, from: string, to: string, filter: string | null): SlackMessage {
  const text = escapeSlack(`${title}: no changes from ${windowLabel(from, to)}${filter ? ` for ${filter}` : ''}.`);
  return { text, blocks: [note(text)] };
}

/** "Source title, April 2017: “quote”" with the title linked when the source has a URL. */
function citationLine(c: Citation): string {
  const title = link(c.url, c.title || c.document);
  return `${title}${c.published ? `, ${escapeSlack(c.published)}` : ''}: “${truncate(escapeSlack(c.quote), QUOTE_CHARS)}”`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
