/**
 * The public question set beside the project (../shared/eval) is scored through the command-line contract, as
 * its scorer scores every question set: every question answered as it expects, with a verbatim citation.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SCORER = '../shared/eval/score.mjs';

describe('the public question set', () => {
  it('scores every question', () => {
    expect(existsSync(SCORER), `${SCORER} beside the project`).toBe(true);
    const run = spawnSync(process.execPath, [SCORER, '../shared/eval/dev-questions.json'], { encoding: 'utf8', timeout: 240_000 });
    const failures = run.stdout.split('\n').filter((line) => line.includes(' FAIL '));
    expect(failures).toEqual([]);
    expect(run.stdout).toMatch(/score: (\d+)\/\1 \(100\.0%\)/);
  }, 240_000);
});
