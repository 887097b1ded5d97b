/**
 * `npm run build`: the bundles in dist/ start and answer as the source does (`npm start` runs them), and
 * an intent file added to the intents folder is in the next build with no list to update.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInIntentsSource, bundle, PROJECT_ROOT } from '../scripts/build.ts';
import { INTENTS_DIR } from '../src/engine/intents.ts';
import { startDigestStub } from './digest/helpers/digestStub.ts';
import { startReplica } from './replicas/helpers/cluster.ts';

/** Runs a built file with Node and resolves when it exits, with what it printed. */
function run(file: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

// Builds go inside the project (git-ignored .tmp/), where the bundles find node_modules, seeds/ and package.json as dist/ does.
mkdirSync(join(PROJECT_ROOT, '.tmp'), { recursive: true });
const outDir = mkdtempSync(join(PROJECT_ROOT, '.tmp', 'build-test-'));
const dataDir = mkdtempSync(join(tmpdir(), 'build-data-'));
let built: Record<string, string>;
beforeAll(async () => {
  built = await bundle({ outdir: join(outDir, 'dist') });
});
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

// Each run loads and validates the seeds (a few seconds on a busy machine): the three run side by side.
describe.concurrent('npm run build', () => {
  it('bundles the command line, which answers as the source does', async () => {
    const { code, stdout } = await run(built.cli, ['ask', '--json', 'which CCGs are under legal directions?']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ answered: true, intent: 'interventions-list' });
    expect(answer.text).toContain('Castle Point and Rochford, Southend and Thurrock');
    expect(answer.citations[0]).toMatchObject({ document: 'essex-directions-2017' });
  });

  it('bundles what npm start runs: with no Slack settings, the console chat answers', async () => {
    const { code, stdout, stderr } = await run(built.main, [], { input: 'tell me about thurrock\nquit\n', env: { DATA_DIR: dataDir } });
    expect(code).toBe(0);
    expect(stderr).toContain('No Slack settings');
    expect(stdout).toContain('console chat over 5 documents');
    expect(stdout).toMatch(/you> \nNHS Thurrock CCG \(07G\) is a clinical commissioning group/);
  });

  it('the Slack app starts from the snapshots the built build-index writes, rebuilding none', async () => {
    // The index snapshots are keyed by a fingerprint of the indexing code as it runs: both bundles must see the same code.
    const data = join(dataDir, 'slack');
    const cache = join(data, 'index-cache');
    expect((await run(built.cli, ['build-index', '--cache', cache])).code).toBe(0);
    const files = () => readdirSync(cache).map((f) => `${f} ${statSync(join(cache, f)).mtimeMs}`);
    const written = files();
    expect(written).toHaveLength(3);
    const slack = await startDigestStub();
    try {
      const app = await startReplica('built', { DATA_DIR: data, SLACK_API_URL: slack.apiUrl }, built.main);
      app.child.kill('SIGTERM');
      expect(await app.exited).toEqual({ code: 0, signal: null });
    } finally {
      await slack.close();
    }
    expect(files()).toEqual(written);
  });

  it('compiles in every intent file of the folder, and an intent file added is in the next build', async () => {
    expect(builtInIntentsSource()).toContain(join(INTENTS_DIR, 'help.ts'));
    expect(builtInIntentsSource()).not.toContain('_shared.ts');
    // A copy of the intents folder (the files linked, so their imports resolve where they are) and one file more.
    const intents = join(outDir, 'intents');
    mkdirSync(intents);
    for (const f of readdirSync(INTENTS_DIR)) symlinkSync(join(INTENTS_DIR, f), join(intents, f));
    writeFileSync(
      join(intents, 'weather.ts'),
      `import type { Intent } from ${JSON.stringify(join(PROJECT_ROOT, 'src', 'engine', 'intent.ts'))};
export const intent: Intent = {
  name: 'weather',
  description: 'Say what the weather is',
  examples: ['what is the weather like today', 'is it raining'],
  answer: () => ({ statements: [{ text: 'It is always raining in the bundle.', sources: [] }] }),
};
`,
    );
    const { cli } = await bundle({ entryPoints: { cli: join(PROJECT_ROOT, 'src', 'cli.ts') }, outdir: join(outDir, 'with-weather'), intentsDir: intents });
    // One question a line, one JSON answer a line: the new intent answers, and the intents the source has are all still there.
    const asked = await run(cli, ['ask', '--json'], { input: 'what is the weather like today?\nwhich CCGs are under legal directions?\n' });
    expect(asked.code).toBe(0);
    const [weather, directions] = asked.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(weather).toMatchObject({ answered: true, intent: 'weather', text: 'It is always raining in the bundle.' });
    expect(directions).toMatchObject({ answered: true, intent: 'interventions-list' });
  });
});
