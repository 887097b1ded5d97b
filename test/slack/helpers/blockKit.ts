/**
 * Assertions every posted message must pass: Block Kit limits, escaping of untrusted text, and no
 * link_names / parse=full. Reusable by any test that inspects what the app sent to Slack.
 */
import { expect } from 'vitest';

type Json = Record<string, any>;

/** Limits by surface (messages allow 50 blocks; Home tabs and modals 100). */
export function assertBlockKitLimits(blocks: unknown, surface: 'message' | 'home' | 'modal' = 'message'): void {
  expect(Array.isArray(blocks), 'blocks is an array').toBe(true);
  const list = blocks as Json[];
  expect(list.length, `${surface} block count`).toBeLessThanOrEqual(surface === 'message' ? 50 : 100);
  expect(list.length, 'at least one block').toBeGreaterThan(0);
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();
  for (const block of list) {
    if (block.block_id !== undefined) {
      expect(String(block.block_id).length).toBeLessThanOrEqual(255);
      // Slack refuses a message with two blocks of the same block_id.
      expect(blockIds.has(block.block_id), `block_id ${block.block_id} is unique in the message`).toBe(false);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'section':
        expect(block.text ?? block.fields, 'a section has text or fields').toBeDefined();
        if (block.text) assertText(block.text, 3000);
        if (block.fields) {
          expect(block.fields.length, 'section fields').toBeLessThanOrEqual(10);
          block.fields.forEach((f: Json) => assertText(f, 2000));
        }
        if (block.accessory) {
          expect(block.accessory.type, 'a section accessory is a button').toBe('button');
          assertButton(block.accessory, actionIds);
        }
        break;
      case 'context':
        expect(block.elements.length, 'context elements').toBeLessThanOrEqual(10);
        expect(block.elements.length).toBeGreaterThan(0);
        block.elements.forEach((e: Json) => e.type !== 'image' && assertText(e, 3000));
        break;
      case 'header':
        expect(block.text.type).toBe('plain_text');
        assertText(block.text, 150);
        break;
      case 'actions':
        expect(block.elements.length, 'actions elements').toBeLessThanOrEqual(25);
        expect(block.elements.length).toBeGreaterThan(0);
        for (const el of block.elements) {
          expect(el.type).toBe('button');
          assertButton(el, actionIds);
        }
        break;
      case 'divider':
        break;
      case 'input':
        expect(block.label.type).toBe('plain_text');
        assertText(block.label, 2000);
        break;
      default:
        throw new Error(`unexpected block type ${block.type}`);
    }
  }
}

/** A button's label, action id (unique in the message), value and url within Slack's limits. */
function assertButton(el: Json, actionIds: Set<string>): void {
  expect(el.text.type).toBe('plain_text');
  assertText(el.text, 75);
  expect(String(el.action_id).length).toBeLessThanOrEqual(255);
  expect(actionIds.has(el.action_id), `action_id ${el.action_id} is unique in the message`).toBe(false);
  actionIds.add(el.action_id);
  if (el.value !== undefined) expect(el.value.length, 'button value').toBeLessThanOrEqual(2000);
  if (el.url !== undefined) expect(el.url.length).toBeLessThanOrEqual(3000);
}

function assertText(text: Json, max: number): void {
  expect(['mrkdwn', 'plain_text']).toContain(text.type);
  expect(typeof text.text).toBe('string');
  expect(text.text.length, `text of ${text.type} within ${max}`).toBeLessThanOrEqual(max);
  expect(text.text.length, 'text is not empty').toBeGreaterThan(0);
  if (text.type === 'mrkdwn') {
    expect(text.verbatim, 'mrkdwn text is verbatim').toBe(true);
    assertOnlyOwnMarkup(text.text);
  }
}

/** Markup the app itself writes: user and channel mentions by id, and http(s) links with a label. */
const OWN_MARKUP = /^<(?:@[UW][A-Z0-9]+|#[CGD][A-Z0-9]+|https?:\/\/[^\s|<>]+\|[^<>|]+)>$/;

/** Every `<…>` in mrkdwn is markup the app wrote on purpose; any other `<` or `>` must arrive escaped. */
export function assertOnlyOwnMarkup(mrkdwn: string): void {
  for (const m of mrkdwn.matchAll(/<[^<>]*>?/g)) expect(m[0], `unexpected markup in ${JSON.stringify(mrkdwn.slice(0, 200))}`).toMatch(OWN_MARKUP);
  const stray = mrkdwn.replace(/<[^<>]*>/g, '');
  expect(stray.includes('<') || /(^|[^\n])>/.test(stray.replace(/^>/gm, '')), `stray < or > in ${JSON.stringify(mrkdwn.slice(0, 200))}`).toBe(false);
}

/** A chat.postMessage (or response_url) body: limits, fallback text, and no mention parsing switched on. */
export function assertPostedMessage(body: Json, surface: 'message' | 'home' | 'modal' = 'message'): void {
  assertBlockKitLimits(body.blocks, surface);
  if (surface === 'message') {
    expect(typeof body.text, 'fallback text').toBe('string');
    expect(body.text.length).toBeGreaterThan(0);
    expect(body.text.length).toBeLessThanOrEqual(3000);
  }
  expect(body.link_names, 'link_names is never set').toBeUndefined();
  expect(body.parse, 'parse is never set').toBeUndefined();
}

/** Untrusted strings that must never reach Slack unescaped. */
export const INJECTIONS = ['<!channel>', '<!here>', '<@U123>', '<https://evil.example|click>'] as const;

/** Asserts none of `needles` appears raw anywhere in the serialised payload (text, blocks, values …). */
export function assertNoRawInjection(payload: unknown, needles: readonly string[] = INJECTIONS): void {
  const serialised = typeof payload === 'string' ? payload : JSON.stringify(payload);
  for (const needle of needles) expect(serialised, `payload contains raw ${needle}`).not.toContain(needle);
}

/** All buttons of a message's blocks, by action id prefix. */
export function findButtons(blocks: Json[], actionIdPrefix: string): Json[] {
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements)
    .filter((e: Json) => typeof e.action_id === 'string' && e.action_id.startsWith(actionIdPrefix));
}

/** The mrkdwn/plain text of all blocks, joined (for content assertions). */
export function blocksText(blocks: Json[]): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
      else Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out.join('\n');
}
