/**
 * Where the project's own folders are, found the same way whether the code runs from src/ (through tsx)
 * or from a bundle in dist/ (`npm run build`).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest folder at or above the module `moduleUrl` (its import.meta.url) that holds package.json:
 * src/knowledge/ and dist/ both find the project, where a fixed "../.." would only fit one of them.
 */
export function projectRoot(moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json at or above ${start}: cannot find the project folder (seeds/, intents/).`);
  }
}

/** The seeds folder bundled with the project. */
export const DEFAULT_SEEDS_DIR = join(projectRoot(import.meta.url), 'seeds');
