/**
 * Answering never depends on a store write: with the store locked by another process (every write
 * fails), a declined question is still answered over the real Bolt app, and the failed records
 * (the unanswered question, the event id) are logged, not shown as "something went wrong".
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/engine.ts';
import { STORE_FILE } from '../../src/store/db.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { unansweredRecorder } from '../../src/store/unanswered.ts';
import { BASE_DIR, tempDataDir } from '../digest/helpers/fixtures.ts';
import { directMessage } from './helpers/payloads.ts';
import { startTestApp, type TestApp } from './helpers/testApp.ts';

let t: TestApp;
let store: Store;
let holder: Database.Database;
const logged: string[] = [];

beforeAll(async () => {
  const dataDir = tempDataDir();
  store = await openStore({ dataDir, busyTimeoutMs: 20 });
  const engine = await loadEngine(BASE_DIR);
  engine.onUnanswered = unansweredRecorder(store, (m) => logged.push(m));
  t = await startTestApp({ engine, store, events: store });
  // Another process takes the write lock and keeps it: from now on every store write fails.
  holder = new Database(join(dataDir, STORE_FILE));
  holder.exec('BEGIN EXCLUSIVE');
});
afterAll(async () => {
  holder?.exec('ROLLBACK');
  holder?.close();
  await t?.close();
  await store?.close();
});

it('a declined question is answered though the store cannot record it or the event', async () => {
  const reply = await t.event(directMessage('what is the weather on Mars?', '1700002000.000100'));
  expect(reply.status).toBe(200);
  const post = await t.stub.waitFor(() => t.stub.callsTo('chat.postMessage')[0], 10_000);
  expect(JSON.stringify(post.body)).not.toMatch(/something went wrong/i);
  expect(String(post.body.text)).toMatch(/outside what I know|I don.t know|not sure/i);
  await t.stub.waitFor(() => logged.length > 0, 10_000);
  expect(logged[0]).toMatch(/^store: could not record an unanswered question \(.*locked.*\); the answer was still sent\.$/);
  expect(t.logger.text('warn')).toMatch(/Could not record event Ev\w+ for de-duplication \(.*locked.*\); answering it anyway\./);
});
