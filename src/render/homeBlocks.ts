/** The App Home tab: what the bot knows, how to ask, recent interventions and channel digests. */
import type { Overview } from '../engine/overview.ts';
import type { HomeView, KnownBlock } from './slackTypes.ts';
import { ACTIONS } from './actions.ts';
import { LIMITS, note, sections } from './blockLimits.ts';
import { actionsRow, button } from './buttons.ts';
import { escapeSlack, link, plainText } from './escape.ts';
import { EXAMPLE_QUESTIONS, USAGE_LINES } from './helpBlocks.ts';
import { statusLabel } from '../engine/describe.ts';

/** A channel digest subscription as the Home tab lists it (the store owns the real record). */
export interface DigestSubscriptionSummary {
  channel: string;
  schedule: string;
  filter?: string;
  paused?: string;
}

/** The engine overview the Home tab shows (declared once, in the engine). */
export type { Overview as HomeOverview } from '../engine/overview.ts';

const MAX_INTERVENTIONS = 10;
const MAX_SUBSCRIPTIONS = 25;

/**
 * Builds the Home view. `subscriptions` is null when no subscription store is wired in yet, and an
 * empty list when there are simply none.
 */
export function renderHome(overview: Overview, subscriptions: DigestSubscriptionSummary[] | null): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText('Commissioning') },
    ...sections('Cited answers about NHS commissioning: organisations, interventions, people and programmes. Every statement quotes its source.'),
    ...actionsRow([button('Ask a question', ACTIONS.openAskModal, undefined, 'primary')], 'home_actions'),
    ...sections(`*How to ask*\n${USAGE_LINES.join('\n')}`),
    ...sections(`*Examples*\n${EXAMPLE_QUESTIONS.map((q) => `• ${q}`).join('\n')}`),
    { type: 'divider' },
    ...knowledgeBlocks(overview),
    { type: 'divider' },
    ...interventionBlocks(overview),
    { type: 'divider' },
    ...subscriptionBlocks(subscriptions),
  ];
  return { type: 'home', blocks: blocks.slice(0, LIMITS.blocksPerHomeView) };
}

function knowledgeBlocks(overview: Overview): KnownBlock[] {
  const docs = overview.documents.map((d) => `• ${link(d.url, d.title)} · ${escapeSlack(d.publisher)} · ${escapeSlack(d.published)}`);
  return [
    ...sections(
      `*What I know*\n${overview.documents.length} source documents, the newest from *${escapeSlack(overview.sourcesAsOf ?? overview.asOf)}*, and ${overview.organisationCount.toLocaleString('en-GB')} organisations from the NHS organisation register (ODS)${overview.registerAsOf ? `, whose dates run to ${escapeSlack(overview.registerAsOf)}` : ''}.`,
    ),
    ...sections(docs.length > 0 ? docs.join('\n') : '_No documents loaded._'),
  ];
}

function interventionBlocks(overview: Overview): KnownBlock[] {
  const items = overview.recentInterventions.slice(0, MAX_INTERVENTIONS).map((iv) => {
    const orgs = iv.organisations.length > 0 ? `\n${iv.organisations.map(escapeSlack).join(', ')}` : '';
    return `• *${escapeSlack(iv.title)}* · ${escapeSlack(iv.date)} · _${escapeSlack(statusLabel(iv.status))}_${orgs}`;
  });
  const more = overview.recentInterventions.length - items.length;
  return [
    ...sections(`*Latest in the sources*\n${items.length > 0 ? items.join('\n') : '_None recorded._'}`),
    ...(more > 0 ? [note(`…and ${more} earlier. Ask “which interventions are there?” for the full list.`)] : []),
  ];
}

function subscriptionBlocks(subscriptions: DigestSubscriptionSummary[] | null): KnownBlock[] {
  if (subscriptions === null) {
    return sections('*Channel digests*\nDigest subscriptions are not set up yet.');
  }
  if (subscriptions.length === 0) {
    return sections('*Channel digests*\nNo channel has a digest yet. In a channel, run `/commissioning digest help` to set one up.');
  }
  const lines = subscriptions.slice(0, MAX_SUBSCRIPTIONS).map((s) => {
    const filter = s.filter ? ` · only ${escapeSlack(s.filter)}` : '';
    const paused = s.paused ? ` · _paused (${escapeSlack(s.paused)})_` : '';
    return `• ${channelRef(s.channel)} · ${escapeSlack(s.schedule)}${filter}${paused}`;
  });
  const more = subscriptions.length - lines.length;
  return [...sections(`*Channel digests*\n${lines.join('\n')}`), ...(more > 0 ? [note(`…and ${more} more.`)] : [])];
}

/** A channel mention for a real channel id, otherwise the escaped name. */
function channelRef(channel: string): string {
  return /^[CGD][A-Z0-9]{2,20}$/.test(channel) ? `<#${channel}>` : escapeSlack(channel);
}
