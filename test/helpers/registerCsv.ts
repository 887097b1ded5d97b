/**
 * The register CSVs read independently of src/ (with csv-parse), so tests compare the bot's answers with
 * counts and chains worked out here from the files themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DEFAULT_SEEDS_DIR } from '../../src/knowledge/knowledge.ts';

const dir = join(DEFAULT_SEEDS_DIR, 'register');
const text = (file: string) => readFileSync(join(dir, file), 'utf8');
const withHeader = (file: string): Record<string, string>[] => parse(text(file), { columns: true, bom: true, skip_empty_lines: true, trim: true });

/** The lines of a register file, 1-based (line 0 is empty), for checking a citation's line number. */
export const fileLines = (file: string): string[] => [
  '',
  ...text(file)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/),
];

/** eccg.csv: code, name, region, parent, open (YYYYMMDD), close, role. */
export const eccg = (parse(text('eccg.csv'), { skip_empty_lines: true }) as string[][]).map((f) => ({
  code: f[0],
  name: f[1],
  region: f[2],
  parent: f[3],
  open: f[10],
  close: f[11],
  role: f[13],
}));
/** CCGs: blank role (closed before 2022) or RO319 (sub-ICB location); not hubs or reporting entities. */
export const ccgRows = eccg.filter((r) => r.role === '' || r.role.includes('RO319'));
export const successors = withHeader('ods_successors.csv');
export const stps2019 = withHeader('stps_2019.csv');
export const lookup2020 = withHeader('ccg_stp_region_2020.csv');
export const footprints = withHeader('stp_footprints_2016.csv');
export const icbs = withHeader('icb_names_2024.csv');
export const trusts = withHeader('trusts_2019.csv');

const yyyymmdd = (iso: string) => iso.replace(/-/g, '');

/** CCGs open on an ISO day: opened by then, not closed before it, and not after 30 June 2022 (when ICBs took over). */
export function ccgsOpenOn(iso: string): string[] {
  const d = yyyymmdd(iso);
  if (d > '20220630') return [];
  return ccgRows.filter((r) => r.open <= d && (r.close === '' || r.close >= d)).map((r) => r.code);
}

/** Trusts in the 2019 list open on an ISO day. */
export function trustsOpenOn(iso: string, region?: string): string[] {
  const d = yyyymmdd(iso);
  return trusts.filter((t) => t.open_date <= d && (t.close_date === '' || t.close_date >= d) && (!region || t.region_code === region)).map((t) => t.code);
}

/** Where a CCG ended: follow ods_successors among CCG codes, then the eccg parent (its ICB) for one still open in 2022. */
export function finalOf(code: string): string {
  const ccgCodes = new Set(ccgRows.map((r) => r.code));
  let at = code;
  for (;;) {
    const next = successors.find((s) => s.from === at && ccgCodes.has(s.to));
    if (!next) break;
    at = next.to;
  }
  const row = ccgRows.find((r) => r.code === at)!;
  return row.close === '' ? row.parent : at;
}
