import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.ts';

const start = (env: Record<string, string>, input = '') =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });

describe('npm start', () => {
  it('opens the console chat when no Slack setting is present, and says why', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'console-'));
    const run = start({ DATA_DIR: dataDir }, 'tell me about thurrock\nquit\n');
    rmSync(dataDir, { recursive: true, force: true });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('No Slack settings');
    expect(run.stdout).toContain('NHS Thurrock CCG');
  });

  it('the console chat logs the questions it could not answer, for npm run review', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'console-'));
    try {
      const run = start({ DATA_DIR: dataDir }, 'what is the weather on mars tomorrow?\ntell me about thurrock\nquit\n');
      expect(run.status).toBe(0);
      const store = await openStore({ dataDir });
      expect((await store.listUnanswered()).map((u) => [u.question, u.intent])).toEqual([['what is the weather on mars tomorrow?', 'out-of-scope']]);
      await store.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('exits non-zero naming the variable when a setting is malformed', () => {
    const run = start({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('SLACK_BOT_TOKEN');
    expect(run.stderr).not.toContain('xoxp-user-token');
  });

  it('a store it cannot use stops the start with one line, before Slack is contacted', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1-test', SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5', SLACK_API_URL: 'http://127.0.0.1:9/api/' };
    const stores: Record<string, string>[] = [{ DATA_DIR: '/proc/self/data' }, { DATABASE_URL: 'mysql://app@db/commissioning' }];
    for (const env of stores) {
      const run = start({ ...slack, ...env });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^cannot open the store at .+: .+ — .+/);
    }
  });
});
