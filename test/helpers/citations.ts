/** The check every answering test ends with: each citation quotes its document, or its register row, verbatim. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Answer } from '../../src/engine/answer.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';

export function expectVerbatimCitations(k: Knowledge, answers: Answer[]): void {
  expect(answers.length).toBeGreaterThan(10);
  const registerLines = new Map<string, Set<string>>();
  for (const a of answers) {
    expect(a.text.length).toBeLessThanOrEqual(1500);
    expect(a.citations.length).toBeLessThanOrEqual(10);
    for (const c of a.citations) {
      if (c.document.startsWith('register:')) {
        const file = c.document.slice('register:'.length);
        let lines = registerLines.get(file);
        if (!lines) registerLines.set(file, (lines = new Set(readFileSync(join(k.dir, 'register', file), 'utf8').split(/\r?\n/))));
        expect(lines.has(c.quote), `register row ${c.quote} in ${file}`).toBe(true);
      } else {
        expect(k.documents.get(c.document)?.text, `quote from ${c.document}`).toContain(c.quote);
      }
    }
  }
}
