/** Test helpers: the bundled engine (loaded once), and throwaway copies of seeds/ to break on purpose. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { DEFAULT_SEEDS_DIR, loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { KnowledgeErrors } from '../../src/knowledge/errors.ts';
import { loadEngine, type Engine } from '../../src/engine/engine.ts';

let shared: Promise<Engine> | undefined;
/** The engine over the bundled knowledge, shared by every test in a file. */
export const bundledEngine = (): Promise<Engine> => (shared ??= loadEngine());

/** A copy of seeds/ in a temp folder; `edit` changes one file's text. */
export function seedsCopy(): { dir: string; edit: (file: string, change: (text: string) => string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
  cpSync(DEFAULT_SEEDS_DIR, dir, { recursive: true });
  return {
    dir,
    edit: (file, change) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8'))),
  };
}

/** Loads a copy of seeds/ broken by `edit` and returns the error message a person would read. */
export function loadFailure(edit: (s: ReturnType<typeof seedsCopy>) => void): string {
  const copy = seedsCopy();
  edit(copy);
  try {
    loadKnowledge(copy.dir);
  } catch (e) {
    expect(e).toBeInstanceOf(KnowledgeErrors);
    return (e as Error).message;
  }
  throw new Error('the broken knowledge loaded without complaint');
}
