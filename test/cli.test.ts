import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { input, encoding: 'utf8', timeout: 60_000 });

describe('the command-line contract', () => {
  it('prints one JSON line per line of standard input, in order, and nothing else', () => {
    const run = cli(['ask', '--json'], 'tell me about thurrock\nWho won the football last night?\nwhat is an STP?\n');
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const [a, b, c] = lines.map((l) => JSON.parse(l));
    expect(a).toMatchObject({ answered: true, intent: 'organisation-status' });
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['answered', 'intent', 'confidence', 'text', 'citations', 'suggestions']));
    expect(a.citations[0]).toMatchObject({ document: expect.any(String), title: expect.any(String), quote: expect.any(String) });
    expect(b.answered).toBe(false);
    expect(c.answered).toBe(true);
  });

  it('reads standard input as one conversation with --conversation, and each line alone without it', () => {
    const input = 'what was vale of york ccg told to do?\nwhat about walsall?\n';
    const together = cli(['ask', '--json', '--conversation'], input).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(together).toHaveLength(2);
    expect(together[1]).toMatchObject({ intent: 'intervention-detail' });
    expect(together[1].text).toContain('Walsall CCG placed in financial special measures');
    const alone = cli(['ask', '--json'], input).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(alone[1].intent).not.toBe('intervention-detail');
  });

  it('prints organisation cards as JSON', () => {
    const card = JSON.parse(cli(['org', '--json', 'NHS North Somerset CCG']).stdout);
    expect(card).toMatchObject({ found: true, organisation: { code: '11T', closed: '2018-03-31', successors: [{ code: '15C' }] } });
    expect(card.interventions.some((i: { type: string }) => i.type === 'financial-special-measures')).toBe(true);
    const none = cli(['org', '--json', 'Wessex Downs']);
    expect(JSON.parse(none.stdout)).toMatchObject({ found: false, suggestions: expect.any(Array) });
  });

  it('validates the knowledge, and fails with a readable message on a broken folder', () => {
    expect(cli(['validate']).stdout).toContain('is valid');
    const bad = cli(['validate', '--knowledge', '/nonexistent/seeds']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('the knowledge folder does not exist');
  });
});
