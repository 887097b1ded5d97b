/** Block Kit rendering of an organisation card: register fields, status, interventions, people, sources. */
import type { HeaderBlock, KnownBlock, MrkdwnElement, SectionBlock } from './slackTypes.ts';
import type { DatedOrgRef, OrgCard, OrgCardOrganisation, OrgRef } from '../engine/orgCard.ts';
import { ACTIONS, type QuestionRef } from './actions.ts';
import { LIMITS, note, packMessages, sections, type SlackMessage } from './blockLimits.ts';
import { answerButtons, choiceButtons } from './buttons.ts';
import { sourcesBlocks } from './citations.ts';
import { escapeAndTruncate, escapeSlack, isSlackUserId, mrkdwn, plainText } from './escape.ts';

/** Where the card is shown (same meaning as for answers). */
export interface OrgRenderContext {
  query: string;
  surface: 'ephemeral' | 'channel';
  echoQuestion?: boolean;
  askedBy?: string;
}

/** Renders an OrgCard as one or more messages; not-found and ambiguous cards offer buttons to pick. */
export function renderOrgCard(card: OrgCard, ctx: OrgRenderContext): SlackMessage[] {
  const ref: QuestionRef = { k: 'org', q: ctx.query, i: 'org-card' };
  const org = card.organisation;
  const continuation = ctx.surface === 'channel' ? 'thread' : 'below';
  if (!card.found || !org) {
    return packMessages([...echo(ctx), ...notFoundBlocks(card)], {
      fallback: escapeSlack(card.status || `No organisation matches “${ctx.query}”.`),
      continuation,
    });
  }
  const body: KnownBlock[] = [
    ...echo(ctx),
    header(org.name),
    ...sections(escapeSlack(card.status || org.name)),
    ...fieldSections(org),
    ...historyBlocks(org),
    ...interventionBlocks(card),
    ...peopleBlocks(card),
    ...inDocumentsBlocks(card),
    ...sourcesBlocks(card.citations),
  ];
  const pinned = answerButtons({
    ref,
    quotes: card.citations.length > 0,
    share: ctx.surface === 'ephemeral',
    feedback: true,
  });
  return packMessages(body, { pinned, fallback: escapeSlack(`${org.name} (${org.code}): ${card.status}`), continuation });
}

function echo(ctx: OrgRenderContext): KnownBlock[] {
  if (!ctx.echoQuestion) return [];
  const who = ctx.askedBy && isSlackUserId(ctx.askedBy) ? `<@${ctx.askedBy}> looked up` : 'You looked up';
  return [note(`${who}: “${escapeAndTruncate(ctx.query, 2000)}”`)];
}

function header(name: string): HeaderBlock {
  return { type: 'header', text: plainText(escapeAndTruncate(name, LIMITS.headerText)) };
}

const refText = (r: OrgRef) => `${escapeSlack(r.name)} (${escapeSlack(r.code)})`;
const datedText = (r: DatedOrgRef) => refText(r) + (r.date ? `, ${escapeSlack(r.date)}` : '');

/** Code, type, region, parent, opened, closed, predecessors, successors: at most ten fields a section. */
function fieldSections(org: OrgCardOrganisation): SectionBlock[] {
  const fields: [string, string][] = [
    ['ODS code', escapeSlack(org.code)],
    ['Type', escapeSlack(org.type)],
    ['Region', org.region ? refText({ ...org.region, type: 'region' }) : '—'],
    ['Parent', org.parent ? refText(org.parent) : '—'],
    ['Opened', org.opened ? escapeSlack(org.opened) : '—'],
    ['Closed', org.closed ? escapeSlack(org.closed) : 'Open'],
    ['Predecessors', listOrDash(org.predecessors.map(datedText))],
    ['Successors', listOrDash(org.successors.map(datedText))],
  ];
  const elements: MrkdwnElement[] = fields.map(([label, value]) => mrkdwn(fieldText(label, value)));
  const blocks: SectionBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.sectionFields) {
    blocks.push({ type: 'section', fields: elements.slice(i, i + LIMITS.sectionFields) });
  }
  return blocks;
}

const overflowsField = (label: string, items: string[]) => `*${label}*\n${items.join('\n')}`.length > LIMITS.fieldText;

/** A field's text within 2,000 characters; a list too long for a field says how many it leaves out (listed in full below). */
function fieldText(label: string, value: string): string {
  const text = `*${label}*\n${value}`;
  if (text.length <= LIMITS.fieldText) return text;
  const lines = value.split('\n');
  const kept: string[] = [];
  let size = label.length + 40;
  for (const line of lines) {
    if (size + line.length + 1 > LIMITS.fieldText) break;
    kept.push(line);
    size += line.length + 1;
  }
  return `*${label}*\n${kept.join('\n')}\n…and ${lines.length - kept.length} more (see below)`;
}

function listOrDash(items: string[]): string {
  return items.length === 0 ? '—' : items.join('\n');
}

/** Names and parents over time, the final successors and the members, in full. */
function historyBlocks(org: OrgCardOrganisation): KnownBlock[] {
  const lines: string[] = [];
  const otherNames = org.names.filter((n) => n !== org.name);
  if (otherNames.length > 0) lines.push(`*Also known as:* ${otherNames.map(escapeSlack).join('; ')}`);
  if (org.parents.length > 0) {
    lines.push(`*Parents over time:* ${org.parents.map((p) => `${refText(p)} (${escapeSlack(p.period)})`).join('; ')}`);
  }
  const finals = org.finalSuccessors.filter((f) => !org.successors.some((s) => s.code === f.code));
  if (finals.length > 0) lines.push(`*Carried on today by:* ${finals.map(datedText).join('; ')}`);
  const blocks: KnownBlock[] = lines.length > 0 ? sections(lines.join('\n')) : [];
  for (const [label, list] of [['Predecessors', org.predecessors], ['Successors', org.successors]] as const) {
    const items = list.map(datedText);
    if (overflowsField(label, items)) blocks.push(...sections(`*${label} (${items.length}):* ${items.join('; ')}`));
  }
  if (org.members.length > 0) {
    blocks.push(...sections(`*Members (${org.members.length}):* ${org.members.map(refText).join('; ')}`));
  }
  return blocks;
}

function interventionBlocks(card: OrgCard): KnownBlock[] {
  if (card.interventions.length === 0) return [];
  const items = card.interventions.map((iv) => {
    const head = `*${escapeSlack(iv.title)}* · ${escapeSlack(iv.date)} · _${escapeSlack(iv.status)}_`;
    const outcome = iv.outcome ? `\n_Outcome:_ ${escapeSlack(iv.outcome)}` : '';
    return `${head}\n${escapeSlack(iv.summary)}${outcome}`;
  });
  return [{ type: 'divider' }, ...sections(`*Interventions*\n\n${items.join('\n\n')}`)];
}

/** "In the documents": passages naming the organisation, read at load and marked apart from the curated facts. */
function inDocumentsBlocks(card: OrgCard): KnownBlock[] {
  if (!card.inDocuments?.length) return [];
  const lines = card.inDocuments.map((m) => `• _${escapeSlack(m.title)}_, ${escapeSlack(m.published)}: the source says “${escapeSlack(m.quote.replace(/\t/g, ' · '))}”`);
  return sections(`*In the documents* (read from the sources, not curated facts)\n${lines.join('\n')}`);
}

function peopleBlocks(card: OrgCard): KnownBlock[] {
  if (card.people.length === 0) return [];
  const lines = card.people.map(
    (p) => `• *${escapeSlack(p.name)}*, ${escapeSlack(p.title)}${p.date ? ` (${escapeSlack(p.date)})` : ''}`,
  );
  return sections(`*People*\n${lines.join('\n')}`);
}

function notFoundBlocks(card: OrgCard): KnownBlock[] {
  const status = escapeSlack(card.status || `No organisation matches “${card.query}”.`);
  const choices = card.candidates?.length ? card.candidates : (card.suggestions ?? []);
  const heading = card.candidates?.length ? '*Several organisations match. Pick one:*' : '*Closest names:*';
  if (choices.length === 0) return sections(status);
  const list = choices.map((c) => `• ${refText(c)}, ${escapeSlack(c.type)}`).join('\n');
  const buttons = choiceButtons(
    choices.map((c) => ({ label: `${c.name} (${c.code})`, ref: { k: 'org', q: c.code } as QuestionRef })),
    ACTIONS.showOrg,
  );
  return [...sections(`${status}\n\n${heading}\n${list}`), ...buttons];
}
