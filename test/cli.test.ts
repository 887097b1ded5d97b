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

  it('shows with --explain how each reading of the question was judged, on standard error, the answer unchanged', () => {
    const plain = cli(['ask', '--json', 'how many ccgs were there in april 2020']);
    const explained = cli(['ask', '--json', '--explain', 'how many ccgs were there in april 2020']);
    expect(explained.stdout).toBe(plain.stdout);
    expect(explained.stderr).toMatch(
      /register-count +confidence 1\.00 +coverage 1\.00 +entities true +typed true +leads true +\| 135 CCGs were open on 1 April 2020/,
    );
  });

  it('reads standard input as one conversation with --conversation, and each line alone without it', () => {
    const input = 'what was vale of york ccg told to do?\nwhat about walsall?\n';
    const together = cli(['ask', '--json', '--conversation'], input)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(together).toHaveLength(2);
    expect(together[1]).toMatchObject({ intent: 'intervention-detail' });
    expect(together[1].text).toContain('Walsall CCG placed in financial special measures');
    const alone = cli(['ask', '--json'], input)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(alone[1].intent).not.toBe('intervention-detail');
  });

  it('prints organisation cards as JSON', () => {
    const card = JSON.parse(cli(['org', '--json', 'NHS North Somerset CCG']).stdout);
    expect(card).toMatchObject({ found: true, organisation: { code: '11T', closed: '2018-03-31', successors: [{ code: '15C' }] } });
    expect(card.interventions.some((i: { type: string }) => i.type === 'financial-special-measures')).toBe(true);
    const none = cli(['org', '--json', 'Wessex Downs']);
    expect(JSON.parse(none.stdout)).toMatchObject({ found: false, suggestions: expect.any(Array) });
  });

  it('prints an organisation card that opens as the Slack card does: at most five cited status lines and their sources', async () => {
    const { realEngine } = await import('./slack/helpers/realEngine.ts');
    const { renderOrgCard } = await import('../src/render/blocks.ts');
    const run = cli(['org', 'thurrock']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('NHS Thurrock CCG (07G)');
    const status = lines.slice(1, lines.indexOf('Sources:'));
    expect(status.length).toBeGreaterThan(1);
    expect(status.length).toBeLessThanOrEqual(5);
    for (const line of status) expect(line).toMatch(/ \[\d+\]$/);
    expect(status).toContain('Under legal directions since 31 March 2017. [2]');
    // The same lines the Slack card shows under its header (Slack's text is escaped; these have nothing to escape).
    const card = (await realEngine()).org('thurrock');
    const [slack] = renderOrgCard(card, { query: 'thurrock', surface: 'ephemeral' });
    const header = slack!.blocks.findIndex((b) => b.type === 'header');
    expect((slack!.blocks[header + 1] as { text: { text: string } }).text.text.split('\n')).toEqual(status);
    // Then the sources of those lines, each once with its numbers, the register as one line.
    const sources = lines.slice(lines.indexOf('Sources:') + 1, lines.indexOf(''));
    expect(sources).toEqual([
      '  [1] NHS organisation register (ODS), 1 row',
      '  [2] [4] NHS England orders CCGs to join forces in success regime area · Health Service Journal · April 2017',
      '  [3] Wanted: single executive for merged CCG · Practice Business (edited from the Health Service Journal) · October 2019',
    ]);
    // No twelve-line paragraph any more, and every [n] on the card is one of its quoted sources.
    expect(run.stdout).not.toContain(card.status);
    const quotes = run.stdout.slice(run.stdout.indexOf('\nQuotes:\n'));
    for (const [, n] of run.stdout.slice(0, run.stdout.indexOf('\nQuotes:\n')).matchAll(/\[(\d+)\]/g)) expect(quotes).toContain(`\n  [${n}] `);
    expect(run.stdout).toMatch(/• NHS England legal directions on Castle Point and Rochford, Southend and Thurrock CCGs — imposed, 31 March 2017 \[2\]/);
  });

  it('prints one organisation card per line of standard input, as JSON lines', () => {
    const run = cli(['org', '--json'], '07G\nessex\nWessex Downs\n');
    const cards = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(cards).toHaveLength(3);
    expect(cards[0]).toMatchObject({ found: true, organisation: { code: '07G' } });
    expect(cards[1]).toMatchObject({ found: false, candidates: expect.arrayContaining([expect.objectContaining({ code: 'QH8' })]) });
    expect(cards[2]).toMatchObject({ found: false, query: 'Wessex Downs' });
  });

  it('refuses an unknown or misspelt flag with the usage (exit 2), never reading it as words of the question', () => {
    const typo = cli(['ask', '--jsn', 'tell me about thurrock']);
    expect(typo.status).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(/^ask: unknown option "--jsn" \(did you mean --json\?\)\nusage: npm run <command>/);
    expect(cli(['org', '-j', 'Thurrock'])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('org: unknown option "-j"') });
  });

  it('refuses --knowledge without a folder, whether it comes last, before another flag or empty', () => {
    for (const args of [
      ['ask', 'what is an STP?', '--knowledge'],
      ['ask', '--knowledge', '--json', 'what is an STP?'],
      ['validate', '--knowledge='],
    ]) {
      const run = cli(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--knowledge needs a value');
    }
  });

  it('prints the usage for -h and --help everywhere, and refuses an unknown command', () => {
    for (const args of [['--help'], ['help'], ['ask', '-h'], ['org', '--help'], ['validate', '-h']]) {
      const run = cli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^usage: npm run <command> -- \[options\]/);
    }
    expect(cli(['asks', 'hello'])).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown command "asks"') });
    expect(cli(['validate', 'seeds'])).toMatchObject({ status: 2, stderr: expect.stringContaining('unexpected argument "seeds"') });
  });

  it('takes a question that starts with a dash after --', () => {
    const run = cli(['ask', '--json', '--', '-what is an STP?']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ answered: true, intent: 'definition' });
  });

  it('validates the knowledge, and fails with a readable message on a broken folder', () => {
    expect(cli(['validate']).stdout).toContain('is valid');
    const bad = cli(['validate', '--knowledge', '/nonexistent/seeds']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('the knowledge folder does not exist');
  });
});
