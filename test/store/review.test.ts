/** One vote per person per answer, 👎 reports, and the review of what the bot missed, on a real SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReview } from '../../src/cli/review.ts';
import { csvCell } from '../../src/render/review.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { readRetentionDays, retentionCutoff } from '../../src/store/retention.ts';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'review-'));
  store = await openStore({ dataDir: dir });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const vote = (user: string, v: 'up' | 'down', key = 'C1:1.000', at = '2026-11-01T10:00:00.000Z') =>
  store.recordFeedback({ user, channel: 'C1', question: 'Which CCGs are under legal directions?', intent: 'interventions-list', vote: v, answerKey: key, at });

describe('votes', () => {
  it('keeps one vote per person per answer: the latest', async () => {
    await vote('U1', 'up');
    await vote('U1', 'up');
    await vote('U1', 'down');
    await vote('U2', 'up');
    await vote('U1', 'up', 'C1:2.000');
    expect(await store.feedbackTally('C1:1.000')).toEqual({ up: 1, down: 1 });
    expect(await store.feedbackTally('C1:2.000')).toEqual({ up: 1, down: 0 });
    expect(await store.listFeedback()).toHaveLength(3);
  });

  it('a 👎 report joins the person’s vote; changing the vote to 👍 clears the report', async () => {
    await vote('U1', 'down');
    await store.recordFeedbackDetail({
      user: 'U1',
      answerKey: 'C1:1.000',
      channel: 'C1',
      question: 'Which CCGs are under legal directions?',
      intent: 'interventions-list',
      reason: 'incomplete',
      note: 'Misses Mid Essex',
      citations: [{ document: 'essex-directions-2017', title: 't', quote: 'q' }],
    });
    expect(await store.listFeedback()).toEqual([
      expect.objectContaining({
        vote: 'down',
        reason: 'incomplete',
        note: 'Misses Mid Essex',
        citations: [{ document: 'essex-directions-2017', title: 't', quote: 'q' }],
      }),
    ]);
    await vote('U1', 'up');
    expect(await store.listFeedback()).toEqual([expect.objectContaining({ vote: 'up', reason: null, note: null })]);
  });

  it('refuses a reason outside the four, saying which are allowed', async () => {
    await expect(
      store.recordFeedbackDetail({ user: 'U1', answerKey: 'k', channel: 'C1', question: 'q', intent: 'i', reason: 'rude' as 'other', note: '', citations: [] }),
    ).rejects.toThrow(/wrong, incomplete, out-of-date, other/);
  });
});

describe('the review', () => {
  beforeEach(async () => {
    for (const [q, at] of [
      ['What is the weather on Mars?', '2026-11-01T09:00:00Z'],
      ['what is the weather on  mars?', '2026-11-03T09:00:00Z'],
      ['Where can I park?', '2026-11-02T09:00:00Z'],
    ] as const) {
      await store.recordUnanswered({
        question: q,
        intent: 'out-of-scope',
        reason: 'That is outside what I know. I answer questions about CCGs, STPs/ICBs and NHS England interventions.',
        at,
      });
    }
    await vote('U1', 'down', 'C1:1.000', '2026-11-04T09:00:00Z');
    await vote('U2', 'down', 'C1:1.000', '2026-11-05T09:00:00Z');
    await store.recordFeedbackDetail({
      user: 'U2',
      answerKey: 'C1:1.000',
      channel: 'C1',
      question: 'Which CCGs are under legal directions?',
      intent: 'interventions-list',
      reason: 'out-of-date',
      note: '=HYPERLINK("http://x")',
      citations: [{ document: 'essex-directions-2017', title: 't', quote: 'q' }],
      at: '2026-11-05T09:00:00Z',
    });
  });

  it('groups questions regardless of case, most frequent first, with first and last dates', async () => {
    const r = await store.review();
    expect(r.unanswered.map((i) => [i.count, i.first.slice(0, 10), i.last.slice(0, 10)])).toEqual([
      [2, '2026-11-01', '2026-11-03'],
      [1, '2026-11-02', '2026-11-02'],
    ]);
    expect(r.unanswered[0]!.reasons).toEqual(['That is outside what I know']);
    expect(r.downvoted).toEqual([
      expect.objectContaining({
        question: 'Which CCGs are under legal directions?',
        count: 2,
        reasons: ['out-of-date'],
        notes: ['=HYPERLINK("http://x")'],
        documents: ['essex-directions-2017'],
      }),
    ]);
    expect((await store.review({ since: '2026-11-02' })).unanswered.map((i) => i.count)).toEqual([1, 1]);
  });

  it('npm run review prints both lists, and --csv exports them with formulas defused', async () => {
    await store.close();
    const run = async (args: string[]) => {
      const out = new PassThrough();
      const err = new PassThrough();
      let stdout = '';
      let stderr = '';
      out.on('data', (d) => (stdout += d));
      err.on('data', (d) => (stderr += d));
      const code = await runReview(args, out, err, { DATA_DIR: dir });
      return { code, stdout, stderr };
    };
    const text = await run([]);
    expect(text.code).toBe(0);
    // The newest wording is shown; the count covers both.
    expect(text.stdout).toMatch(/Unanswered questions\n\s+2× {2}what is the weather on {2}mars\?\n\s+2026-11-01 to 2026-11-03/);
    expect(text.stdout).toMatch(/Answers marked 👎 Not helpful\n\s+2× {2}Which CCGs are under legal directions\?/);
    const csv = await run(['--csv']);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('list,question,count,first,last,intent,reasons,notes,documents');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(await run(['--since', 'last week'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--since must be a date like 2026-11-01') });
    expect(await run(['--csvv'])).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run review') });
    expect(await run(['--data-dir', join(dir, 'typo')])).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no store at') });
    store = await openStore({ dataDir: dir });
  });

  it('csvCell quotes commas and quotes, and prefixes cells a spreadsheet would run', async () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('+44 1234')).toBe("'+44 1234");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('retention', () => {
  it('deletes votes and unanswered questions older than the cutoff, and keeps the rest', async () => {
    await vote('U1', 'up', 'C1:1.000', '2025-01-01T00:00:00.000Z');
    await vote('U2', 'down', 'C1:1.000', '2026-11-01T00:00:00.000Z');
    await store.recordUnanswered({ question: 'old', reason: 'r', at: '2025-01-01T00:00:00.000Z' });
    await store.recordUnanswered({ question: 'new', reason: 'r', at: '2026-11-01T00:00:00.000Z' });
    expect(await store.pruneFeedback(retentionCutoff(new Date('2026-12-01T00:00:00Z'), 365))).toEqual({ feedback: 1, unanswered: 1 });
    expect((await store.listFeedback()).map((f) => f.user)).toEqual(['U2']);
    expect((await store.listUnanswered()).map((u) => u.question)).toEqual(['new']);
  });

  it('FEEDBACK_RETENTION_DAYS defaults to a year; a bad value says what to write', async () => {
    expect(readRetentionDays({})).toBe(365);
    expect(readRetentionDays({ FEEDBACK_RETENTION_DAYS: '90' })).toBe(90);
    expect(readRetentionDays({ FEEDBACK_RETENTION_DAYS: 'forever' })).toEqual({ error: expect.stringContaining('whole number of days') });
  });
});
