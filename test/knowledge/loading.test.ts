import { describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { REGISTER_FILES } from '../../src/knowledge/register.ts';
import { buildRegisterManifest, MANIFEST_FILE } from '../../src/knowledge/registerManifest.ts';
import { loadFailure } from '../helpers/knowledge.ts';

/** Records the register files of a copy in its manifest, as `npm run register-manifest` does after a deliberate edit. */
function recordManifest(dir: string): void {
  const register = join(dir, 'register');
  writeFileSync(join(register, MANIFEST_FILE), JSON.stringify(buildRegisterManifest(register, Object.values(REGISTER_FILES), [REGISTER_FILES.ccgs])));
}

const failure = loadFailure;

describe('loading the bundled knowledge', () => {
  it('loads every document, the register and the facts', () => {
    const k = loadKnowledge();
    expect(k.documents.size).toBe(5);
    expect([...k.organisations.values()].filter((o) => o.type === 'ccg')).toHaveLength(248);
    expect(k.interventions.length).toBeGreaterThan(10);
    expect(k.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives the same snapshot id for the same content', () => {
    expect(loadKnowledge().id).toBe(loadKnowledge().id);
  });
});

describe('loading errors name the file, the place and the fix', () => {
  it('reports bad YAML with its line', () => {
    const msg = failure((c) => c.edit('facts/glossary.yml', (t) => t.replace('- id:', '- id: [unclosed')));
    expect(msg).toMatch(/facts\/glossary\.yml \(line \d+, column \d+\): bad YAML/);
  });

  it('reports an unknown organisation code', () => {
    const msg = failure((c) => c.edit('facts/interventions.yml', (t) => t.replace(/organisations: \[05Y\]/, 'organisations: [ZZ9]')));
    expect(msg).toContain('unknown organisation "ZZ9"');
    expect(msg).toContain('use an ODS code from seeds/register');
  });

  it('reports a quote that is not in its document, showing the closest passage', () => {
    const msg = failure((c) =>
      c.edit('facts/interventions.yml', (t) => t.replace('Walsall CCG – Discussions are taking place', 'Walsall CCG - Talks are taking place')),
    );
    expect(msg).toContain('the quote is not verbatim in single-commissioning-2016');
    expect(msg).toContain('the closest passage is single-commissioning-2016#14');
  });

  it('reports a date that does not parse', () => {
    const msg = failure((c) => c.edit('facts/interventions.yml', (t) => t.replace(/date: "?2016-07-21"?/, 'date: "21/07/2016"')));
    expect(msg).toMatch(/"21\/07\/2016" is not a date: write 2017-03-31 \(a day\)/);
  });

  it('reports a duplicate id', () => {
    const msg = failure((c) => c.edit('facts/glossary.yml', (t) => `${t}\n${t.slice(t.indexOf('- id:'), t.indexOf('\n- id:', t.indexOf('- id:') + 1))}\n`));
    expect(msg).toMatch(/duplicate id "[^"]+" \(first used by entry 1\)/);
  });

  it('reports a schema problem with its field', () => {
    const msg = failure((c) => c.edit('facts/interventions.yml', (t) => t.replace(/status: imposed/, 'status: maybe')));
    expect(msg).toMatch(/facts\/interventions\.yml \(line \d+, entry \d+ \(id [^)]+\), field status\)/);
  });

  it('refuses a document whose text was edited', () => {
    const msg = failure((c) => c.edit('documents/essex-directions-2017.txt', (t) => t.replace('Twenty-eight CCGs', 'Twenty-nine CCGs')));
    expect(msg).toContain('documents/essex-directions-2017.txt (text): the text no longer matches its sha256');
  });

  it('reports a missing register file', () => {
    const msg = failure((c) => rmSync(join(c.dir, 'register', 'eccg.csv')));
    expect(msg).toContain('register/eccg.csv: the file is missing');
  });

  it('refuses a register row cut short, naming the file and line, rather than dropping it (even with the manifest updated)', () => {
    const msg = failure((c) => {
      c.edit('register/ods_successors.csv', (t) => t.replace('RW834,RX248,2006-04-01', 'RW834,RX248'));
      recordManifest(c.dir);
    });
    expect(msg).toContain('register/ods_successors.csv (line 3): a short row: expected 3 columns, found 2');
  });

  it('refuses a stray quote in a register file, naming the file and line (even with the manifest updated)', () => {
    const msg = failure((c) => {
      c.edit('register/eccg.csv', (t) => t.replace('"NHS DURHAM DALES, EASINGTON AND SEDGEFIELD CCG"', '"NHS DURHAM DALES" EASINGTON AND SEDGEFIELD CCG"'));
      recordManifest(c.dir);
    });
    expect(msg).toContain('register/eccg.csv (line 2): text after the closing quote of a field');
  });

  it('reports every problem at once', () => {
    const msg = failure((c) => {
      c.edit('facts/interventions.yml', (t) => t.replace(/organisations: \[05Y\]/, 'organisations: [ZZ9]'));
      c.edit('facts/interventions.yml', (t) => t.replace(/status: imposed/, 'status: maybe'));
    });
    expect(msg).toMatch(/has [2-9] problems/);
  });
});
