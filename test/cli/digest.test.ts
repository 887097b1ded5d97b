/** `npm run digest -- …` through runDigestCli: window digests as text and JSON, and --run-due for cron. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigestCli } from '../../src/cli/digest.ts';
import { factSnapshot } from '../../src/digest/snapshot.ts';
import { openStore } from '../../src/store/store.ts';
import { startDigestStub, type DigestStub } from '../digest/helpers/digestStub.ts';
import { BASE_DIR, CHANGED_DIR, fixture, tempDataDir } from '../digest/helpers/fixtures.ts';

/** Runs the CLI, capturing what it writes. */
async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runDigestCli(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env });
  return { code, stdout, stderr };
}

describe('window digests', () => {
  it('--json prints one object whose entries have date, kind, organisations, summary and citations', async () => {
    const { code, stdout } = await cli(['--knowledge', BASE_DIR, '--from', '2018-03-01', '--to', '2018-04-30', '--json']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ from: '2018-03-01', to: '2018-04-30', filter: null });
    const merger = out.entries.find((e: { id: string }) => e.id === 'merger:15C:2018-04-01');
    expect(merger).toEqual({
      id: 'merger:15C:2018-04-01',
      date: '2018-04-01',
      dateLabel: '1 April 2018',
      precision: 'day',
      kind: 'merger',
      organisations: [
        { code: '15C', name: 'NHS Bristol, North Somerset and South Gloucestershire CCG' },
        { code: '11H', name: 'NHS Bristol CCG' },
        { code: '11T', name: 'NHS North Somerset CCG' },
        { code: '12A', name: 'NHS South Gloucestershire CCG' },
      ],
      summary: expect.stringContaining('merged into NHS Bristol, North Somerset and South Gloucestershire CCG (15C)'),
      citations: [1346, 1347, 1348].map((line, i) => ({
        document: 'register:ods_successors.csv',
        publisher: 'NHS Digital / NHS England / ONS, Open Government Licence v3.0',
        quote: `${['11H', '11T', '12A'][i]},15C,2018-04-01`,
        title: `${['NHS Bristol CCG (11H)', 'NHS North Somerset CCG (11T)', 'NHS South Gloucestershire CCG (12A)'][i]} succeeded by NHS Bristol, North Somerset and South Gloucestershire CCG (15C) from 1 April 2018 — NHS organisation register (ods_successors.csv, line ${line})`,
      })),
    });
    const due = out.entries.find((e: { kind: string }) => e.kind === 'plan-due');
    expect(due).toMatchObject({ date: '2017-18', dateLabel: '2017-18', precision: 'financial-year' });
  });

  it('text, with a filter and months for dates, grouped by organisation', async () => {
    const { code, stdout } = await cli(['--knowledge', BASE_DIR, '--from', '2016-07', '--to', '2016-07', '--filter', 'South West']);
    expect(code).toBe(0);
    expect(stdout).toContain('Commissioning digest: 1 July 2016 to 31 July 2016 · only NHS England South West (Y58)');
    expect(stdout).toContain(
      'NHS South Gloucestershire CCG (12A)\n  • 21 July 2016 · intervention: Financial special measures for South Gloucestershire and North Somerset CCGs',
    );
  });

  it('--compare reports what changed between two knowledge folders', async () => {
    const { stdout } = await cli(['--knowledge', CHANGED_DIR, '--compare', BASE_DIR, '--from', '2030-01-01', '--to', '2030-01-31', '--json']);
    expect(JSON.parse(stdout).entries.map((e: { kind: string }) => e.kind)).toEqual(['fact-added', 'fact-removed', 'fact-changed']);
  });

  it('bad input says what was wrong and exits non-zero', async () => {
    expect(await cli(['--knowledge', BASE_DIR, '--from', '2018-13-01', '--to', '2018-12-31'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('"2018-13-01" is not a date'),
    });
    expect(await cli(['--knowledge', BASE_DIR, '--from', '2019-01-01', '--to', '2018-12-31'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is after --to'),
    });
    expect(await cli(['--knowledge', BASE_DIR, '--from', '2018-01-01'])).toMatchObject({ code: 2, stderr: expect.stringContaining('give a window') });
    expect(await cli(['--knowledge', BASE_DIR, '--from', '2018', '--to', '2018', '--filter', 'Narnia'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No region, STP/ICB or organisation matches “Narnia”'),
    });
    expect(await cli(['--frm', '2018'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown option "--frm"') });
    expect(await cli(['--knowledge', '/nonexistent/seeds', '--from', '2018', '--to', '2018'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('the knowledge folder does not exist'),
    });
  });

  it('reads its flags strictly: a flag missing its value, a stray word or --help, each without loading anything', async () => {
    expect(await cli(['--from', '2018', '--to'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--to needs a value\nusage: npm run digest/) });
    expect(await cli(['--knowledge', '--from', '2018', '--to', '2018'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--knowledge needs a value'),
    });
    expect(await cli(['--from', '2018', '--to', '2018', 'QH8'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unexpected argument "QH8"') });
    expect(await cli(['--jsno', '--from', '2018', '--to', '2018'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown option "--jsno" (did you mean --json?)'),
    });
    for (const help of ['-h', '--help'])
      expect(await cli([help])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: npm run digest -- --from/), stderr: '' });
  });
});

describe('--run-due', () => {
  let stub: DigestStub;
  beforeAll(async () => {
    stub = await startDigestStub();
  });
  afterAll(async () => {
    await stub.close();
  });

  it('posts what is due once, through SLACK_API_URL, and a second run posts nothing', async () => {
    const dataDir = tempDataDir();
    const store = await openStore({ dataDir });
    const base = fixture(BASE_DIR);
    await store.subscriptions.subscribe(
      'C0CRON',
      { frequency: 'daily', atTime: '09:00', weekday: null, filter: null },
      { user: 'U1', at: new Date(Date.now() - 36 * 3600_000).toISOString() },
      { knowledgeId: base.id, snapshot: JSON.stringify(factSnapshot(base)) },
    );
    await store.close();
    const env = { SLACK_BOT_TOKEN: 'xoxb-cron', SLACK_API_URL: stub.apiUrl, DATA_DIR: dataDir };
    const first = await cli(['--run-due', '--knowledge', CHANGED_DIR], env);
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining('digests: 1 posted') });
    expect(stub.posts('C0CRON')).toHaveLength(1);
    expect(stub.callsTo('chat.postMessage')[0].authorization).toBe('Bearer xoxb-cron');
    const second = await cli(['--run-due', '--knowledge', CHANGED_DIR], env);
    expect(second.stdout).toContain('digests: 0 posted');
    expect(stub.posts('C0CRON')).toHaveLength(1);
    const after = await openStore({ dataDir });
    expect(await after.lockHolder('digest-poster', new Date())).toBeNull(); // released for the app or the next cron run
    await after.close();
  });

  it('needs SLACK_BOT_TOKEN, and an unusable DATA_DIR is reported, not thrown', async () => {
    expect(await cli(['--run-due', '--knowledge', BASE_DIR], {})).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--run-due needs SLACK_BOT_TOKEN'),
    });
    const file = join(tempDataDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const bad = await cli(['--run-due', '--knowledge', BASE_DIR], { SLACK_BOT_TOKEN: 'xoxb-x', DATA_DIR: join(file, 'data') });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^cannot open the store at .*not-a-folder\/data\/commissioning\.db: .* — check DATA_DIR/);
  });
});
