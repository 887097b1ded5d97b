/**
 * Knowledge that is complete or refused: missing or emptied facts files, truncated, emptied, renamed or
 * replaced register files and a missing manifest are refused with the file, what was expected and what
 * was found; the root cause comes first and its knock-on errors are counted, not listed; a reload of any
 * of them keeps the serving snapshot. CRLF documents are read as LF and reported once.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolve } from 'node:path';
import { DEFAULT_SEEDS_DIR, loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { KnowledgeErrors } from '../../src/knowledge/errors.ts';
import { REGISTER_FILES } from '../../src/knowledge/register.ts';
import { buildRegisterManifest, MANIFEST_FILE } from '../../src/knowledge/registerManifest.ts';
import { loadEngine } from '../../src/engine/engine.ts';
import { ReloadableEngine } from '../../src/engine/reloadable.ts';
import { seedsCopy } from '../helpers/knowledge.ts';

type Copy = ReturnType<typeof seedsCopy>;

/** The ways an operator breaks a knowledge folder, each with what the refusal must say. */
const BROKEN: { name: string; breakIt: (c: Copy) => void; says: (string | RegExp)[] }[] = [
  {
    name: 'the facts folder deleted',
    breakIt: (c) => rmSync(join(c.dir, 'facts'), { recursive: true }),
    says: [/facts\/: the facts folder \/.*\/facts does not exist/, 'write [] in a file for a deliberately empty list'],
  },
  {
    name: 'an emptied interventions.yml',
    breakIt: (c) => c.edit('facts/interventions.yml', () => ''),
    says: ['facts/interventions.yml: the file is empty', 'for a deliberately empty list write []'],
  },
  {
    name: 'a facts file removed',
    breakIt: (c) => rmSync(join(c.dir, 'facts', 'people.yml')),
    says: [
      /facts\/people\.yml: the file is missing from \/.*\/facts/,
      /…and \d+ more errors that follow from the problems above \(\d+ from facts\/people\.yml\)/,
    ],
  },
  {
    name: 'a header-only trusts_2019.csv',
    breakIt: (c) => c.edit('register/trusts_2019.csv', (t) => `${t.split('\n')[0]}\n`),
    says: ['register/trusts_2019.csv (rows): expected 239 data rows, found 0 (truncated or emptied)'],
  },
  {
    name: 'the successors file cut to 800 lines',
    breakIt: (c) => c.edit('register/ods_successors.csv', (t) => t.split('\n').slice(0, 800).join('\n')),
    says: ['register/ods_successors.csv (rows): expected 1652 data rows, found 799 (truncated or emptied)'],
  },
  {
    name: 'an emptied register file',
    breakIt: (c) => c.edit('register/stps_2019.csv', () => ''),
    says: [
      'register/stps_2019.csv (line 1, header): the file is empty: expected the header "region,ods_stp_code,ons_stp_code,stp_name,ccg_name,ccg_code" and 191 rows, found nothing',
    ],
  },
  {
    name: 'a renamed CSV header',
    breakIt: (c) => c.edit('register/trusts_2019.csv', (t) => t.replace(/^name,code,/, 'trust_name,code,')),
    says: [
      'register/trusts_2019.csv (line 1, header): the header differs: expected "name,code,region_code,stp_code,org_type,open_date,close_date", found "trust_name,code,region_code,stp_code,org_type,open_date,close_date" (missing: name)',
    ],
  },
  {
    name: 'a register file replaced by other rows of the same shape',
    breakIt: (c) => c.edit('register/icb_names_2024.csv', (t) => t.replace('Mid and South Essex', 'Mid and North Essex')),
    says: [
      /register\/icb_names_2024\.csv \(content\): the content differs from the manifest: expected sha256 [0-9a-f]{12}…, found [0-9a-f]{12}… \(same header and 42 rows/,
    ],
  },
  {
    name: 'the register manifest removed',
    breakIt: (c) => rmSync(join(c.dir, 'register', MANIFEST_FILE)),
    says: [/register\/MANIFEST\.json: the register manifest is missing from \/.*\/register/],
  },
  {
    name: 'the register folder deleted',
    breakIt: (c) => rmSync(join(c.dir, 'register'), { recursive: true }),
    says: [/register\/: the register folder \/.*\/register does not exist/, /…and \d+ more errors that follow from the problems above \(\d+ from register\/\)/],
  },
  {
    name: 'a document whose front matter is broken',
    breakIt: (c) => c.edit('documents/essex-directions-2017.txt', (t) => t.replace(/^---\n/, '')),
    says: [
      'documents/essex-directions-2017.txt (line 1): the file does not start with front matter',
      /…and \d+ more errors? that follows? from the problems above \(\d+ from documents\/essex-directions-2017\.txt\)/,
    ],
  },
];

/** The refusal of a broken copy. */
function refusal(c: Copy): KnowledgeErrors {
  try {
    loadKnowledge(c.dir);
  } catch (e) {
    expect(e).toBeInstanceOf(KnowledgeErrors);
    return e as KnowledgeErrors;
  }
  throw new Error('the broken knowledge loaded without complaint');
}

describe('knowledge is complete or refused', () => {
  for (const { name, breakIt, says } of BROKEN) {
    it(`refuses ${name}, naming the file, what was expected and what was found`, () => {
      const c = seedsCopy();
      breakIt(c);
      const e = refusal(c);
      expect(e.message.startsWith(`The knowledge in ${c.dir} has 1 problem:\n\n`)).toBe(true);
      for (const s of says) expect(e.message).toMatch(s);
      expect(e.message).not.toMatch(/TypeError| {4}at /);
    });
  }

  it('lists the root cause first and collapses its knock-on errors into a count', () => {
    const c = seedsCopy();
    c.edit('documents/essex-directions-2017.txt', (t) => t.replace(/^---\n/, ''));
    const e = refusal(c);
    expect(e.errors).toHaveLength(1);
    expect(e.knockOns.length).toBeGreaterThan(5);
    expect(e.message).not.toContain('unknown document');
  });

  it('still lists a problem of its own beside a root cause', () => {
    const c = seedsCopy();
    c.edit('register/trusts_2019.csv', (t) => `${t.split('\n')[0]}\n`);
    c.edit('facts/glossary.yml', (t) => t.replace('- id:', '- id: [unclosed'));
    const e = refusal(c);
    expect(e.errors.map((x) => x.file)).toEqual(['register/trusts_2019.csv', 'facts/glossary.yml']);
  });

  it('takes an empty list written as [] on purpose', () => {
    const c = seedsCopy();
    c.edit('facts/figures.yml', () => '# No figures curated yet.\n[]\n');
    expect(loadKnowledge(c.dir).figures).toEqual([]);
  });
});

describe('CRLF documents', () => {
  it('are read as LF, with the same passages and quotes, and reported once', () => {
    const c = seedsCopy();
    for (const f of ['essex-directions-2017.txt', 'single-commissioning-2016.txt']) c.edit(`documents/${f}`, (t) => t.replace(/\n/g, '\r\n'));
    const k = loadKnowledge(c.dir);
    const original = loadKnowledge();
    expect(k.documents.get('essex-directions-2017')!.passages).toEqual(original.documents.get('essex-directions-2017')!.passages);
    expect(k.interventions.length).toBe(original.interventions.length);
    expect(k.notices).toHaveLength(1);
    expect(k.notices[0]).toMatch(/^documents\/essex-directions-2017\.txt, documents\/single-commissioning-2016\.txt: CRLF line endings, read as LF/);
    expect(original.notices).toEqual([]);
  });
});

describe('the register manifest', () => {
  const headerless = [REGISTER_FILES.ccgs];
  for (const dir of [join(DEFAULT_SEEDS_DIR, 'register'), resolve(import.meta.dirname, '../fixtures/digest-base/register')]) {
    it(`matches the files it describes (${dir.split('/').slice(-3).join('/')})`, () => {
      const recorded = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
      expect(recorded).toEqual(buildRegisterManifest(dir, Object.values(REGISTER_FILES), headerless));
    });
  }
});

describe('reloading broken knowledge', () => {
  it('keeps the serving snapshot through every broken case, and answers as before', async () => {
    const c = seedsCopy();
    const engine = new ReloadableEngine(await loadEngine(c.dir), () => loadEngine(c.dir));
    const serving = engine.engine.knowledge.id;
    const before = engine.ask('which CCGs are in financial special measures?');
    expect(before.answered).toBe(true);
    for (const { name, breakIt } of BROKEN) {
      breakIt(c);
      await expect(engine.reload(), name).rejects.toBeInstanceOf(KnowledgeErrors);
      expect(engine.engine.knowledge.id, name).toBe(serving);
      expect(engine.ask('which CCGs are in financial special measures?').text, name).toBe(before.text);
      // Put the folder back for the next case.
      for (const sub of ['documents', 'facts', 'register']) {
        rmSync(join(c.dir, sub), { recursive: true, force: true });
        cpSync(join(DEFAULT_SEEDS_DIR, sub), join(c.dir, sub), { recursive: true });
      }
    }
    writeFileSync(join(c.dir, 'facts', 'figures.yml'), '[]\n');
    expect(await engine.reload()).not.toBe(serving);
  });
});
