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

  it('the console chat logs the questions it could not answer, for npm run review', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'console-'));
    try {
      const run = start({ DATA_DIR: dataDir }, 'what is the weather on mars tomorrow?\ntell me about thurrock\nquit\n');
      expect(run.status).toBe(0);
      const store = openStore({ dataDir });
      expect(store.listUnanswered().map((u) => [u.question, u.intent])).toEqual([['what is the weather on mars tomorrow?', 'out-of-scope']]);
      store.close();
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
});
