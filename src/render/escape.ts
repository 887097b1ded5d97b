/**
 * Escaping and text objects for Slack. Everything that is not the bot's own wording (user text,
 * document quotes, organisation names, titles) goes through `escapeSlack` before it is placed in a
 * text object, so `<!channel>`, `<@U…>` or `<http://evil|disguised>` arrive as inert characters.
 */
import type { MrkdwnElement, PlainTextElement } from './slackTypes.ts';

/** Escapes the three characters Slack treats as control characters: & < >. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A mrkdwn text object with `verbatim: true` (no auto-linking of names, channels or URLs). */
export function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

/** A plain_text object; `text` must already be escaped and within the element's limit. */
export function plainText(text: string): PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

/** Shortens `text` to at most `max` characters, ending with an ellipsis when it had to cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  // Do not leave half an escape entity (&amp; &lt; &gt;) at the end.
  return cut.replace(/&[a-z]{0,3}$/, '') + '…';
}

/** Escaped text shortened to `max` characters (the escape is applied first, so the limit holds on the wire). */
export function escapeAndTruncate(text: string, max: number): string {
  return truncate(escapeSlack(text), max);
}

/** A mrkdwn link to an http(s) URL, or just the label when the URL is missing or not http(s). */
export function link(url: string | null | undefined, label: string): string {
  const safeLabel = escapeSlack(label).replace(/\|/g, '¦');
  if (!url || !/^https?:\/\/[^\s<>|]+$/i.test(url)) return safeLabel;
  return `<${escapeSlack(url)}|${safeLabel}>`;
}

/** Slack user ids as they appear in payloads (U… or W…); anything else is not mentioned. */
export function isSlackUserId(id: unknown): id is string {
  return typeof id === 'string' && /^[UW][A-Z0-9]{2,20}$/.test(id);
}
