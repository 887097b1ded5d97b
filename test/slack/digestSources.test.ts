/**
 * A digest as a channel reads it: posted by the real poster through the Web API stub, its register
 * sources as one "NHS organisation register (ODS), N rows" line as under an answer, the rows as labelled
 * fields behind Show quotes (clicked over the real Bolt app, answered privately), and dated as answers
 * are: as of the newest source, the register's own date apart.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDigestClient, DigestPoster } from '../../src/delivery/post.ts';
import { buildDigest } from '../../src/digest/build.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { digestMessages } from '../../src/render/digestBlocks.ts';
import { digestJson, digestText } from '../../src/render/digestText.ts';
import { assertPostedMessage, blocksText } from './helpers/blockKit.ts';
import { blockActions, CHANNEL } from './helpers/payloads.ts';
import { realEngine } from './helpers/realEngine.ts';
import { startTestApp, type TestApp } from './helpers/testApp.ts';

let t: TestApp;
let engine: Engine;

beforeAll(async () => {
  engine = await realEngine();
  t = await startTestApp({ engine });
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => t.stub.reset());

/** Posts the digest of a window as the scheduler does; returns the first message as Slack received it. */
async function postDigest(from: string, to: string) {
  const [first] = digestMessages(engine.knowledge, buildDigest(engine.knowledge, { from, to }), 'Weekly digest');
  await new DigestPoster(createDigestClient('xoxb-test', t.stub.apiUrl)).post(CHANNEL, first!, { ledgerId: 1, subscriptionId: 1, periodKey: from, part: 0 });
  const posted = (await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0])).body;
  assertPostedMessage(posted);
  return posted as { text: string; blocks: any[] };
}

/** The entry whose section starts "• *date* · _kind_: summary" and the context block right under it. */
function entry(blocks: any[], summary: string) {
  const at = blocks.findIndex((b) => b.type === 'section' && b.text?.text.includes(summary));
  expect(at, `an entry saying ${summary}`).toBeGreaterThan(0);
  return { section: blocks[at], sources: blocks[at + 1].type === 'context' ? blocksText([blocks[at + 1]]) : '' };
}

describe('a digest in the channel', () => {
  it('gives an entry’s register rows as one line, as an answer does, and no raw CSV', async () => {
    const posted = await postDigest('2018-03-01', '2018-04-30');
    const text = blocksText(posted.blocks);
    const merger = entry(posted.blocks, 'merged into NHS Buckinghamshire CCG (14Y).');
    expect(merger.sources).toBe('NHS organisation register (ODS), 2 rows');
    const opened = entry(posted.blocks, 'South West South Commissioning Hub (15G) opened.');
    expect(opened.sources).toBe('NHS organisation register (ODS), 1 row');
    // The rows as published stay behind Show quotes.
    expect(text).not.toContain('10H,14Y,2018-04-01');
    expect(text).not.toContain('"15G","SOUTH WEST SOUTH COMMISSIONING HUB"');
    expect(text).not.toMatch(/eccg\.csv|ods_successors\.csv/);
  });

  it('is dated by the newest source, the register’s own date stated apart', async () => {
    const posted = await postDigest('2018-03-01', '2018-04-30');
    const note = blocksText([posted.blocks[1]]);
    expect(note).toBe('14 dated entries · As of the newest source (October 2019); the register’s dates run to 24 July 2024.');
    expect(blocksText(posted.blocks)).not.toMatch(/knowledge as of|2024-07-24/i);
  });

  it('Show quotes beside an entry gives its rows as labelled fields, to the person who clicked only', async () => {
    const posted = await postDigest('2018-03-01', '2018-04-30');
    const { section } = entry(posted.blocks, 'merged into NHS Buckinghamshire CCG (14Y).');
    expect(section.accessory.text.text).toBe('Show quotes');
    t.stub.reset();
    const reply = await t.sendInteraction(
      blockActions(section.accessory, { ephemeral: false, messageTs: '1700000100.000001', blocks: posted.blocks, responseUrl: t.stub.responseUrl('rows') }),
    );
    expect(reply.status).toBe(200);
    const quotes = (await t.stub.waitFor(() => t.stub.responses.find((r) => r.id === 'rows'))).body;
    expect(quotes.response_type).toBe('ephemeral');
    assertPostedMessage(quotes);
    const text = blocksText(quotes.blocks);
    expect(text).toContain('Sources of “NHS Chiltern CCG (10H) and NHS Aylesbury Vale CCG (10Y) merged into NHS Buckinghamshire CCG (14Y).”');
    expect(text).toContain(
      '*[1]* NHS organisation register (ODS) · ods_successors.csv line 1332\nNHS Chiltern CCG (10H) succeeded by NHS Buckinghamshire CCG (14Y) from 1 April 2018',
    );
    const fields = quotes.blocks.filter((b: any) => b.fields).flatMap((b: any) => b.fields.map((f: any) => f.text));
    expect(fields).toEqual(expect.arrayContaining(['*From*\n10H', '*To*\n14Y', '*Legal start*\n1 April 2018', '*From*\n10Y']));
    expect(text).toContain('Row as published: `10H,14Y,2018-04-01`');
    expect(t.stub.callsTo('chat.postMessage')).toEqual([]);
  });

  it('keeps a document’s quote under its entry, its source named as under an answer, with no button', async () => {
    const posted = await postDigest('2017-03-01', '2017-03-31');
    const directions = entry(posted.blocks, 'Joint commissioning plan for mid and south Essex (imposed)');
    expect(directions.sources).toMatch(
      /^<https:\/\/www\.hsj\.co\.uk\/[^|]+\|NHS England orders CCGs to join forces in success regime area> · Health Service Journal · April 2017: “/,
    );
    expect(directions.section.accessory).toBeUndefined();
  });
});

describe('the digest on the command line', () => {
  it('is dated the same way, and its JSON says both dates', () => {
    const digest = buildDigest(engine.knowledge, { from: '2018-03-01', to: '2018-04-30' });
    expect(digestText(engine.knowledge, digest).split('\n')[1]).toBe(
      '14 dated entries. As of the newest source (October 2019); the register’s dates run to 24 July 2024.',
    );
    expect(digestJson(engine.knowledge, digest)).toMatchObject({ sourcesAsOf: 'October 2019', registerAsOf: '24 July 2024' });
  });
});
