/**
 * `npm run register-manifest [-- DIR]`: records the header, row count and sha256 of every register CSV in
 * DIR (default seeds/register) in its MANIFEST.json. Run it only after updating the register data on
 * purpose: loading refuses any file that differs from the manifest.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_SEEDS_DIR } from '../knowledge/knowledge.ts';
import { REGISTER_FILES } from '../knowledge/register.ts';
import { buildRegisterManifest, MANIFEST_FILE } from '../knowledge/registerManifest.ts';

const dir = resolve(process.argv[2] ?? join(DEFAULT_SEEDS_DIR, 'register'));
// eccg.csv is the ODS extract as published, which has no header row.
const manifest = buildRegisterManifest(dir, Object.values(REGISTER_FILES), [REGISTER_FILES.ccgs]);
writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
for (const [file, entry] of Object.entries(manifest.files)) console.log(`${file}: ${entry.rows} rows, sha256 ${entry.sha256.slice(0, 12)}…`);
console.log(`Wrote ${join(dir, MANIFEST_FILE)}.`);
