import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/engine.ts';
import { ReloadableEngine } from '../../src/engine/reloadable.ts';
import { seedsCopy } from '../helpers/knowledge.ts';

describe('reloading the knowledge', () => {
  it('swaps in a new snapshot, and keeps the old one serving when the new one is broken', async () => {
    const copy = seedsCopy();
    const engine = new ReloadableEngine(await loadEngine(copy.dir), () => loadEngine(copy.dir));
    const before = engine.engine.knowledge.id;

    copy.edit('facts/glossary.yml', (t) => t.replace(/definition: ([^\n]*)/, 'definition: $1 Reworded.'));
    const after = await engine.reload();
    expect(after).not.toBe(before);

    copy.edit('facts/glossary.yml', (t) => t.replace('- id:', '- id: [broken'));
    await expect(engine.reload()).rejects.toThrow(/bad YAML/);
    expect(engine.engine.knowledge.id).toBe(after);
    expect(engine.ask('tell me about Thurrock CCG').answered).toBe(true);
  });
});
