/** Passages held column-wise still read as the passages the documents were split into, whatever they carry. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, type Passage, type SourceDocument } from '../../src/knowledge/documents.ts';
import { DEFAULT_SEEDS_DIR, loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { Passages } from '../../src/knowledge/passages.ts';

/** The seeds' documents parsed afresh: their passages as plain objects, to compare the store against. */
function parsedSeeds(): Map<string, SourceDocument> {
  const dir = join(DEFAULT_SEEDS_DIR, 'documents');
  const docs = readdirSync(dir)
    .sort()
    .map((f) => parseDocument(`documents/${f}`, readFileSync(join(dir, f), 'utf8')));
  return new Map(docs.map((d) => [d.id, d]));
}

describe('the knowledge passages', () => {
  const k = loadKnowledge();
  const expected = [...parsedSeeds().values()].flatMap((d) => d.passages);

  it('are every document passage in order, with the same fields', () => {
    expect(k.passages.length).toBe(expected.length);
    expect([...k.passages]).toEqual(expected);
    expect(k.passages.at(3)).toEqual(expected[3]);
    expect(k.passages.at(-1)).toEqual(expected.at(-1));
    expect(k.passages.at(expected.length)).toBeUndefined();
  });

  it('read by position without being made: document, text, extras and position agree with the passage', () => {
    for (let i = 0; i < k.passages.length; i++) {
      const p = k.passages.at(i)!;
      expect(k.passages.documentAt(i)).toBe(p.document);
      expect(k.passages.textAt(i)).toBe(p.text);
      expect(k.passages.kindOf(i)).toBe(p.kind);
      expect(k.passages.positionOf(p)).toBe(i);
      expect(k.passages.listStartAt(i)).toBe(p.listStart);
      for (const [key, value] of Object.entries(k.passages.extraAt(i) ?? {})) expect(p[key as keyof Passage]).toEqual(value);
    }
    const first = k.passages.at(0)!;
    expect(k.passages.positionOf({ id: `${first.document}#0`, document: first.document })).toBe(-1);
    expect(k.passages.positionOf({ id: `${first.document}#01`, document: first.document })).toBe(-1);
    expect(k.passages.positionOf({ id: `${first.document}#999999`, document: first.document })).toBe(-1);
  });

  it("keep each document's own passages, quoting its text", () => {
    for (const doc of k.documents.values()) {
      expect(doc.passages).toEqual(expected.filter((p) => p.document === doc.id));
      for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
      // A view, not a second copy: a document's enumerable fields do not include it.
      expect(Object.keys(doc)).not.toContain('passages');
    }
  });
});

describe('Passages.from', () => {
  it('carries fields beyond the columns, and ids and texts that do not follow the pattern', () => {
    const docs = parsedSeeds();
    const doc = [...docs.values()][0];
    const mention = { kind: 'organisation', code: '07G', from: 0, to: 8, machineRead: true };
    const marked: Passage[] = doc.passages.map((p, i) =>
      i === 0 ? { ...p, mentions: [mention], depth: 2 } : i === 1 ? { ...p, id: `${doc.id}#intro` } : i === 3 ? { ...p, listStart: 1.5, listEnd: -2 } : p,
    );
    docs.set(doc.id, { ...doc, passages: marked });
    const store = Passages.from(docs);
    expect(store.at(0)).toEqual({ ...doc.passages[0], mentions: [mention], depth: 2 });
    expect(store.at(1)!.id).toBe(`${doc.id}#intro`);
    expect(store.at(2)).toEqual(doc.passages[2]);
    // List offsets that are not offsets are kept as given.
    expect(store.at(3)).toEqual({ ...doc.passages[3], listStart: 1.5, listEnd: -2 });
    expect(store.listStartAt(3)).toBe(1.5);
    // Positions still follow the ids, the one of its own included.
    for (let i = 0; i < 3; i++) expect(store.positionOf(store.at(i)!)).toBe(i);
    expect(store.positionOf({ id: `${doc.id}#2`, document: doc.id })).toBe(-1);
  });
});
