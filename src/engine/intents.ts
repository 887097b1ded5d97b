/** Finds the intents: every module in intents/ exporting `intent`. Adding an intent means adding one file. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../knowledge/paths.ts';
import type { Intent } from './intent.ts';

export const INTENTS_DIR = join(projectRoot(import.meta.url), 'intents');

/** Imports every intent module (files starting with "_" are shared helpers, not intents). */
export async function loadIntents(dir: string = INTENTS_DIR): Promise<Intent[]> {
  const files = readdirSync(dir)
    .filter((f) => /\.ts$/.test(f) && !f.startsWith('_') && !f.endsWith('.d.ts'))
    .sort();
  const intents: Intent[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { intent?: Intent };
    if (!mod.intent) throw new Error(`intents/${f} exports no "intent": export const intent: Intent = { … }`);
    intents.push(mod.intent);
  }
  return intents;
}
