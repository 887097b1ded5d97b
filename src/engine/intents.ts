/** Finds the intents: every module in intents/ exporting `intent`. Adding an intent means adding one file. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../knowledge/paths.ts';
import { BUILT_IN_INTENTS } from './builtInIntents.ts';
import type { Intent, IntentModule } from './intent.ts';

export const INTENTS_DIR = join(projectRoot(import.meta.url), 'intents');

/** An intent file: TypeScript, not a declaration, and not starting with "_" (those are shared helpers). */
export function isIntentFile(name: string): boolean {
  return /\.ts$/.test(name) && !name.startsWith('_') && !name.endsWith('.d.ts');
}

/** The intent files of a folder, in name order (the order intents are ranked in when they tie). */
export function intentFiles(dir: string = INTENTS_DIR): string[] {
  return readdirSync(dir).filter(isIntentFile).sort();
}

/**
 * Every intent module's `intent`. A bundle (`npm run build`) has them built in; from source, or given
 * another folder, each file is imported from the folder.
 */
export async function loadIntents(dir?: string): Promise<Intent[]> {
  const modules = dir === undefined && BUILT_IN_INTENTS ? BUILT_IN_INTENTS : await importIntents(dir ?? INTENTS_DIR);
  return modules.map(({ file, module }) => {
    if (!module.intent) throw new Error(`intents/${file} exports no "intent": export const intent: Intent = { … }`);
    return module.intent;
  });
}

async function importIntents(dir: string): Promise<IntentModule[]> {
  const modules: IntentModule[] = [];
  for (const file of intentFiles(dir)) modules.push({ file, module: (await import(pathToFileURL(join(dir, file)).href)) as IntentModule['module'] });
  return modules;
}
