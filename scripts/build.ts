/**
 * `npm run build`: bundles the serving entry points into dist/ with esbuild, so production runs plain
 * JavaScript and starts without compiling TypeScript: dist/main.js (`npm start`) and dist/cli.js (ask,
 * org, validate, build-index, digest). ESM for Node; packages stay imports from node_modules. The
 * intents, which the source imports one file at a time from intents/, are compiled in (see
 * src/engine/builtInIntents.ts), so each bundle is one module graph.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { INTENTS_DIR, intentFiles } from '../src/engine/intents.ts';
import { projectRoot } from '../src/knowledge/paths.ts';

export const PROJECT_ROOT = projectRoot(import.meta.url);
export const DIST_DIR = join(PROJECT_ROOT, 'dist');

/** What `npm run build` bundles: output name → source entry point. */
export const ENTRY_POINTS: Record<string, string> = {
  main: join(PROJECT_ROOT, 'src', 'main.ts'),
  cli: join(PROJECT_ROOT, 'src', 'cli.ts'),
};

/** The stand-in the build replaces with the imports of every intent file. */
const BUILT_IN_INTENTS_FILE = join(PROJECT_ROOT, 'src', 'engine', 'builtInIntents.ts');

/** The module the bundle has in place of src/engine/builtInIntents.ts: every intent file of `dir`, imported statically. */
export function builtInIntentsSource(dir: string = INTENTS_DIR): string {
  const files = intentFiles(dir);
  const imports = files.map((f, i) => `import * as intent${i} from ${JSON.stringify(join(dir, f))};`);
  const list = files.map((f, i) => `  { file: ${JSON.stringify(f)}, module: intent${i} },`);
  return [...imports, 'export const BUILT_IN_INTENTS = [', ...list, '];', ''].join('\n');
}

/** Compiles src/engine/builtInIntents.ts as the list of the intent files found in `dir` when the build runs. */
export function intentsPlugin(dir: string = INTENTS_DIR): Plugin {
  return {
    name: 'built-in-intents',
    setup(b) {
      b.onLoad({ filter: /[\\/]builtInIntents\.ts$/ }, (args) =>
        resolve(args.path) === BUILT_IN_INTENTS_FILE ? { contents: builtInIntentsSource(dir), loader: 'ts', resolveDir: dir, watchDirs: [dir] } : undefined,
      );
    },
  };
}

export interface BundleOptions {
  /** Output name → source entry point (default: the serving entry points). */
  entryPoints?: Record<string, string>;
  /** Where the bundles go (default dist/). Inside the project, so node_modules and package.json are found from it. */
  outdir?: string;
  /** The intents folder compiled in (default intents/). */
  intentsDir?: string;
}

/** Bundles the entry points (a few hundred milliseconds) and returns the output files, by name. */
export async function bundle(options: BundleOptions = {}): Promise<Record<string, string>> {
  const entryPoints = options.entryPoints ?? ENTRY_POINTS;
  const outdir = options.outdir ?? DIST_DIR;
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Code both bundles use is in one shared chunk, so the index snapshots dist/cli.js build-index writes are
    // keyed by the very indexing code dist/main.js runs (the key fingerprints the compiled functions); code
    // imported only on some paths goes in chunks loaded when first imported. Each module is in exactly one chunk.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [intentsPlugin(options.intentsDir)],
  });
  return Object.fromEntries(Object.keys(entryPoints).map((name) => [name, join(outdir, `${name}.js`)]));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t = performance.now();
  const out = await bundle();
  const files = Object.values(out).map((f) => relative(process.cwd(), f));
  console.error(`Built ${files.join(', ')} in ${Math.round(performance.now() - t)} ms.`);
}
