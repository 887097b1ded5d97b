/** Block Kit rendering of an organisation card (header, status, fields, sources, buttons) and of the sections its buttons open. */
import type { ActionsBlock, Button, HeaderBlock, KnownBlock, MrkdwnElement, SectionBlock } from './slackTypes.ts';
import { capitalise, statusLabel, typeLabel } from '../engine/describe.ts';
import type { DatedOrgRef, OrgCard, OrgCardOrganisation, OrgRef } from '../engine/orgCard.ts';
import { formatDay } from '../knowledge/dates.ts';
import { ACTIONS, encodeRef, type OrgSection, type QuestionRef } from './actions.ts';
import { contexts, LIMITS, note, packMessages, sections, type SlackMessage } from './blockLimits.ts';
import { actionsRow, answerButtons, button, choiceButtons, VOTE_NOTES } from './buttons.ts';
import { markers, numberedSourceLines } from './citations.ts';
import { statusLines, summarySources } from './orgSummary.ts';
import { escapeAndTruncate, escapeSlack, isSlackUserId, mrkdwn, plainText, truncate } from './escape.ts';

/** Where the card is shown (same meaning as for answers). */
export interface OrgRenderContext {
  query: string;
  surface: 'ephemeral' | 'channel';
  echoQuestion?: boolean;
  askedBy?: string;
  /** This person's vote on the card, shown on its button. */
  vote?: 'up' | 'down';
}

/**
 * Renders an OrgCard: a header, at most five cited status lines, the register fields in words, the
 * sources of those lines, and buttons that open the rest privately (Interventions, People, History,
 * Sources). Not-found and ambiguous cards offer buttons to pick.
 */
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
  const summary = card.summary ?? [];
  const body: KnownBlock[] = [
    ...echo(ctx),
    header(org.name),
    ...sections(statusLines(card, escapeSlack).join('\n')),
    ...fieldSections(org),
    // What the documents say, machine-read, apart from the curated lines above.
    ...inDocumentsBlocks(card),
    ...contexts(numberedSourceLines(summarySources(card))),
  ];
  const pinned = [
    ...sectionButtons(card, ctx.query),
    ...answerButtons({
      ref,
      quotes: card.citations.length > 0,
      quotesLabel: 'Sources',
      share: ctx.surface === 'ephemeral',
      feedback: true,
      vote: ctx.vote,
    }),
    ...(ctx.vote ? [note(VOTE_NOTES[ctx.vote])] : []),
  ];
  return packMessages(body, {
    pinned,
    fallback: escapeSlack(`${org.name} (${org.code}): ${summary.map((s) => s.text).join(' ') || card.status}`),
    continuation,
  });
}

/** Interventions (n), People (n), History: each opens that part of the card privately. */
function sectionButtons(card: OrgCard, query: string): ActionsBlock[] {
  const buttons: Button[] = [];
  const add = (section: OrgSection, label: string) => {
    const value = encodeRef({ k: 'org', q: query, s: section });
    if (value) buttons.push(button(label, `${ACTIONS.orgSection}:${buttons.length}`, value));
  };
  if (card.interventions.length > 0) add('interventions', `Interventions (${card.interventions.length})`);
  if (card.people.length > 0) add('people', `People (${card.people.length})`);
  if ((card.history ?? []).length > 0 || (card.organisation?.predecessors.length ?? 0) > 0) add('history', 'History');
  return actionsRow(buttons, 'org_sections');
}

/** One part of a card (Interventions, People, History), for posting privately; every statement cited. */
export function renderOrgSection(card: OrgCard, section: OrgSection, ctx: OrgRenderContext): SlackMessage[] {
  const org = card.organisation;
  if (!card.found || !org) return renderOrgCard(card, ctx);
  const n = card.citations.length;
  const mark = (cites: number[] | undefined) => markers(cites ?? [], n);
  let title: string;
  let items: string[];
  let used: number[];
  if (section === 'interventions') {
    title = `Interventions naming ${org.name}`;
    items = card.interventions.map((iv) => {
      const head = `*${escapeSlack(iv.title)}* · ${escapeSlack(iv.date)} · _${escapeSlack(statusLabel(iv.status))}_`;
      const outcome = iv.outcome ? `\n_${escapeSlack(iv.outcome)}_${mark(iv.outcomeCites)}` : '';
      return `${head}\n${escapeSlack(iv.summary)}${mark(iv.cites)}${outcome}`;
    });
    used = card.interventions.flatMap((iv) => [...(iv.cites ?? []), ...(iv.outcomeCites ?? [])]);
  } else if (section === 'people') {
    title = `People at ${org.name}`;
    items = card.people.map((p) => `• *${escapeSlack(p.name)}*, ${escapeSlack(p.title)}${p.date ? ` (${escapeSlack(p.date)})` : ''}${mark(p.cites)}`);
    used = card.people.flatMap((p) => p.cites ?? []);
  } else {
    title = `History of ${org.name}`;
    items = (card.history ?? []).map((s) => `${escapeSlack(s.text)}${mark(s.cites)}`);
    used = (card.history ?? []).flatMap((s) => s.cites);
    const lists = [
      ['Predecessors', org.predecessors],
      ['Successors', org.successors],
    ] as const;
    for (const [label, list] of lists) if (list.length > 0) items.push(`*${label} (${list.length}):* ${list.map(datedText).join('; ')}`);
  }
  const numbers = [...new Set(used)].filter((c) => c >= 0 && c < n).sort((a, b) => a - b);
  const body: KnownBlock[] = [
    header(title),
    ...(items.length > 0 ? sections(items.join(section === 'interventions' ? '\n\n' : '\n')) : sections('_Nothing recorded._')),
    ...contexts(numberedSourceLines(numbers.map((c) => ({ citation: card.citations[c]!, n: c + 1 })))),
  ];
  return packMessages(body, { fallback: escapeSlack(title), continuation: 'below' });
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
const datedText = (r: DatedOrgRef) => refText(r) + (r.date ? `, ${escapeSlack(day(r.date))}` : '');
/** "2013-04-01" as "1 April 2013"; anything else as given. */
const day = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDay(iso) : iso);

/** The register record in words: code, kind, region, parent, open or closed, successors. */
function fieldSections(org: OrgCardOrganisation): SectionBlock[] {
  const fields: [string, string][] = [
    ['ODS code', escapeSlack(org.code)],
    ['Type', escapeSlack(capitalise(typeLabel(org.type)))],
    ...(org.region ? [['Region', escapeSlack(org.region.name)] as [string, string]] : []),
    ...(org.parent ? [[org.closed ? 'Parent at closure' : 'Part of', refText(org.parent)] as [string, string]] : []),
    ['Status', org.closed ? `Closed ${escapeSlack(day(org.closed))}` : org.opened ? `Open since ${escapeSlack(day(org.opened))}` : 'Open'],
    ...(org.successors.length > 0 ? [['Succeeded by', listOf(org.successors.map(datedText))] as [string, string]] : []),
    ...(org.predecessors.length > 0 ? [['Formed from', listOf(org.predecessors.map(datedText))] as [string, string]] : []),
    ...(org.members.length > 0 ? [['Members', `${org.members.length} (see History)`] as [string, string]] : []),
  ];
  const elements: MrkdwnElement[] = fields.map(([label, value]) => mrkdwn(fieldText(label, value)));
  const blocks: SectionBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.sectionFields) {
    blocks.push({ type: 'section', fields: elements.slice(i, i + LIMITS.sectionFields) });
  }
  return blocks;
}

/** A short list in a field; a long one says how many and where the rest is. */
function listOf(items: string[]): string {
  return items.length <= 3 ? items.join('\n') : `${items.slice(0, 2).join('\n')}\n…and ${items.length - 2} more (see History)`;
}

/** A field's text within 2,000 characters. */
function fieldText(label: string, value: string): string {
  return truncate(`*${label}*\n${value}`, LIMITS.fieldText);
}

/** "In the documents": passages that name the organisation, read from the sources by linking, shown apart from the curated lines. */
function inDocumentsBlocks(card: OrgCard): KnownBlock[] {
  if (!card.inDocuments?.length) return [];
  const lines = card.inDocuments.map(
    (m) => `• _${escapeSlack(m.title)}_, ${escapeSlack(m.published)}: the source says “${escapeSlack(m.quote.replace(/\t/g, ' · '))}”`,
  );
  return sections(`*In the documents* (read from the sources, not curated facts)\n${lines.join('\n')}`);
}

function notFoundBlocks(card: OrgCard): KnownBlock[] {
  const status = escapeSlack(card.status || `No organisation matches “${card.query}”.`);
  const choices = card.candidates?.length ? card.candidates : (card.suggestions ?? []);
  const heading = card.candidates?.length ? '*Several organisations match. Pick one:*' : '*Closest names:*';
  if (choices.length === 0) return sections(status);
  const list = choices.map((c) => `• ${refText(c)}, ${escapeSlack(typeLabel(c.type))}${c.dates ? `, ${escapeSlack(c.dates)}` : ''}`).join('\n');
  const buttons = choiceButtons(
    choices.map((c) => ({ label: `${c.name} (${c.code})`, ref: { k: 'org', q: c.code } as QuestionRef })),
    ACTIONS.showOrg,
  );
  return [...sections(`${status}\n\n${heading}\n${list}`), ...buttons];
}
