/** Fixture knowledge folders for the digest tests (loaded once each) and throwaway DATA_DIRs. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadKnowledge, type Knowledge } from '../../../src/knowledge/knowledge.ts';

/** test/fixtures/digest-base: a copy of the register, two documents, five interventions and two events. */
export const BASE_DIR = resolve(import.meta.dirname, '../../fixtures/digest-base');
/** test/fixtures/digest-changed: digest-base with one intervention's status changed, one added, one removed. */
export const CHANGED_DIR = resolve(import.meta.dirname, '../../fixtures/digest-changed');

const loaded = new Map<string, Knowledge>();

/** The knowledge of a fixture folder, loaded once per test file. */
export function fixture(dir: string): Knowledge {
  let k = loaded.get(dir);
  if (!k) loaded.set(dir, (k = loadKnowledge(dir)));
  return k;
}

/** A fresh temporary DATA_DIR. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'digest-data-'));
}
