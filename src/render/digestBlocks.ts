/**
 * A digest as Slack messages: a header, then entries grouped by organisation and date, each with a
 * context line quoting its sources. Long digests become a first message plus thread replies
 * (packMessages keeps every part inside Block Kit's limits); nothing is cut silently.
 */
import type { Button, KnownBlock } from './slackTypes.ts';
import type { Citation } from '../engine/answer.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { datedApart } from '../engine/asOf.ts';
import { contexts, LIMITS, note, packMessages, sections, type SlackMessage } from './blockLimits.ts';
import { registerSourceName, sourceLabel } from './citations.ts';
import { escapeSlack, plainText, truncate } from './escape.ts';
import { isRegisterCitation } from './registerRows.ts';
import { ACTIONS, encodeRef } from './actions.ts';
import { button } from './buttons.ts';
import { groupByOrganisation, KIND_NAMES, windowLabel } from '../digest/group.ts';
import type { Digest, DigestEntry } from '../digest/types.ts';

const QUOTE_CHARS = 400;
const DATED = 'Dated events';

/** The Slack messages for a digest; `title` heads it ("Weekly digest"). The first goes to the channel, the rest in its thread (or below, for a preview). */
export function digestMessages(knowledge: Knowledge, digest: Digest, title: string, continuation: 'thread' | 'below' = 'thread'): SlackMessage[] {
  const heading = `${title}: ${windowLabel(digest.from, digest.to)}`;
  const counts = [
    plural(digest.events.length, 'dated entry', 'dated entries'),
    ...(digest.changes.length ? [plural(digest.changes.length, 'change', 'changes') + ' to the knowledge'] : []),
  ];
  const body: KnownBlock[] = [
    { type: 'header', text: plainText(truncate(heading, LIMITS.headerText)) },
    note(
      `${digest.filter ? `Only ${escapeSlack(digest.filter)} · ` : ''}${counts.join(', ')} · ${escapeSlack(datedApart(digest.sourcesAsOf, digest.registerAsOf))}`,
    ),
  ];
  let buttons = 0;
  const section = (label: string, entries: DigestEntry[]) => {
    if (!entries.length) return;
    body.push({ type: 'divider' }, ...sections(`*${label}*`));
    for (const group of groupByOrganisation(knowledge, entries)) {
      body.push(...sections(`*${escapeSlack(group.label)}*`));
      for (const e of group.entries) {
        // The summary already names up to three changed fields; longer lists are spelt out.
        const changes = (e.changes?.length ?? 0) > 3 ? e.changes!.map((c) => `\n    ◦ ${escapeSlack(c)}`).join('') : '';
        const [line, ...rest] = sections(`• ${e.date ? `*${escapeSlack(e.date.label)}* · ` : ''}_${KIND_NAMES[e.kind]}_: ${escapeSlack(e.summary)}${changes}`);
        body.push({ ...line!, ...quotesButton(e, label === DATED, ++buttons) }, ...rest);
        if (e.citations.length) body.push(...contexts(sourceElements(e.citations)));
      }
    }
  };
  section(DATED, digest.events);
  section('Changes to the knowledge since the last digest', digest.changes);
  const fallback = escapeSlack(`${heading} (${counts.join(', ')})`);
  return packMessages(body, { fallback, continuation });
}

/** The one-line message of a quiet period, for channels that asked to hear about those too. */
export function quietMessage(title: string, from: string, to: string, filter: string | null): SlackMessage {
  const text = escapeSlack(`${title}: no changes from ${windowLabel(from, to)}${filter ? ` for ${filter}` : ''}.`);
  return { text, blocks: [note(text)] };
}

/**
 * "Show quotes" beside a dated entry citing register rows: the rows as labelled fields, for the person who
 * clicked only, as under an answer. The button names the entry by its id, found again in the knowledge.
 * (A change to the knowledge cannot be found again once the knowledge has moved on, and cites documents, quoted here.)
 */
function quotesButton(e: DigestEntry, dated: boolean, n: number): { accessory?: Button } {
  const value = dated && e.citations.some(isRegisterCitation) ? encodeRef({ k: 'entry', q: e.id }) : null;
  return value ? { accessory: button('Show quotes', `${ACTIONS.showQuotes}:${n}`, value) } : {};
}

/**
 * An entry's sources as answers give them: a document as "Title · Publisher · April 2017" (linked) with
 * its quote; the register's rows as the one line "NHS organisation register (ODS), 2 rows", the rows
 * themselves under the entry's Show quotes.
 */
function sourceElements(citations: Citation[]): string[] {
  const rows = citations.filter(isRegisterCitation);
  const elements: string[] = [];
  for (const c of citations) {
    if (!isRegisterCitation(c)) elements.push(`${sourceLabel(c)}: “${truncate(escapeSlack(c.quote), QUOTE_CHARS)}”`);
    else if (c === rows[0]) elements.push(registerSourceName(rows.length));
  }
  return elements;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
