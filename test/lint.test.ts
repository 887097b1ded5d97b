/**
 * `npm run lint` keeps the house rules: it runs the package's own lint script (dependency-cruiser's
 * layer rules, then Biome's lint rules and formatter) with the project's own config files, over a
 * small throwaway tree. A clean tree passes; the engine importing the Slack adapter, a cycle, an `any`
 * in src/ or a formatting break fails it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCRIPTS: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;

const CLEAN: Record<string, string> = {
  'src/slack/app.ts': "import { answer } from '../engine/engine.ts';\n\nexport const reply = (q: string): string => answer(q);\n",
  'src/engine/engine.ts': "import { normalise } from '../search/text.ts';\n\nexport const answer = (q: string): string => normalise(q);\n",
  'src/search/text.ts': 'export const normalise = (q: string): string => q.toLowerCase();\n',
  'intents/help.ts': "import { answer } from '../src/engine/engine.ts';\n\nexport const help = (): string => answer('help');\n",
  'test/engine.test.ts': "import { answer } from '../src/engine/engine.ts';\n\nexport const checked = answer('x') === 'x';\n",
  'bench/run.ts': "import { answer } from '../src/engine/engine.ts';\n\nexport const timed = answer('y');\n",
  'scripts/build.ts': "import { answer } from '../src/engine/engine.ts';\n\nexport const built = answer('z');\n",
};

const trees: string[] = [];
afterEach(() => {
  for (const dir of trees.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway project with the real config files and the clean sources, changed by `edits`. */
function tree(edits: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'lint-'));
  trees.push(dir);
  for (const file of ['.dependency-cruiser.cjs', 'tsconfig.json']) copyFileSync(join(ROOT, file), join(dir, file));
  // The throwaway tree is no git checkout, so Biome is told not to look for one; every other setting is
  // the project's. Biome checks its own config file too, so the copy is written in Biome's format.
  const { vcs, $schema, ...biome } = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8'));
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(biome));
  spawnSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', 'biome.json'], { cwd: dir });
  for (const [file, text] of Object.entries({ ...CLEAN, ...edits })) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** Runs a package.json script in `dir` with the project's tools on the PATH, as npm would. */
function runScript(name: string, dir: string): { status: number | null; output: string } {
  const bin = join(ROOT, 'node_modules', '.bin');
  const result = spawnSync('sh', ['-c', SCRIPTS[name]], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, NO_COLOR: '1' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('npm run lint', () => {
  it('runs the layer rules and the linter, and passes a tree that keeps them', () => {
    expect(SCRIPTS.lint).toMatch(/depcruise .*--config \.dependency-cruiser\.cjs/);
    expect(SCRIPTS.lint).toMatch(/biome check/);
    expect(SCRIPTS.test).toMatch(/^npm run --silent lint && /);
    const result = runScript('lint', tree());
    expect(result.output).toContain('no dependency violations found');
    expect(result.status).toBe(0);
  });

  it('fails when the engine imports the Slack adapter, naming the rule and the import', () => {
    const result = runScript(
      'lint',
      tree({
        'src/engine/engine.ts': "import { reply } from '../slack/app.ts';\n\nexport const answer = (q: string): string => q;\nexport const again = reply;\n",
      }),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/core-imports-no-adapter: src\/engine\/engine\.ts → src\/slack\/app\.ts/);
  });

  it('fails on an import cycle', () => {
    const result = runScript(
      'lint',
      tree({
        'src/search/text.ts': "import { words } from './words.ts';\n\nexport const normalise = (q: string): string => words(q).join(' ');\n",
        'src/search/words.ts':
          "import { normalise } from './text.ts';\n\nexport const words = (q: string): string[] => q.split(' ').map((w) => normalise(w));\n",
      }),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/no-circular: src\/search\/(text|words)\.ts → /);
  });

  it('fails on a lint rule broken in src/ (an explicit any)', () => {
    const result = runScript('lint', tree({ 'src/search/text.ts': 'export const normalise = (q: any): string => String(q).toLowerCase();\n' }));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('lint/suspicious/noExplicitAny');
  });
});

describe('npm run lint, formatting', () => {
  it('fails a formatting break, naming the file', () => {
    const result = runScript('lint', tree({ 'src/search/text.ts': 'export const normalise = (q: string): string =>   q.toLowerCase( ) ;\n' }));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('src/search/text.ts');
  });
});
