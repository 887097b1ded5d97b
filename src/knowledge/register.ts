/**
 * The organisation register: every CCG 2013–2022, STP footprints (2016) and STPs (2019, 2020), ICBs,
 * NHS England regions and trusts, read from the ODS/ONS CSVs in seeds/register/. Shaped like an ORD
 * record: code, names, type, region, parents over time, open/close dates, predecessors, successors.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, parseCsvWithHeader } from './csv.ts';
import { registerDate } from './dates.ts';
import { KnowledgeError } from './errors.ts';

export type OrganisationType =
  | 'ccg'
  | 'stp'
  | 'icb'
  | 'stp-footprint'
  | 'region'
  | 'trust'
  | 'commissioning-hub'
  | 'sub-icb-reporting-entity'
  | 'provider'
  | 'national-body'
  | 'regulator'
  | 'local-authority'
  | 'healthwatch'
  | 'think-tank'
  | 'publisher'
  | 'other';

/** A row of a register file, kept verbatim so it can be cited. */
export interface RegisterRow {
  file: string;
  line: number;
  raw: string;
  /** What the row shows, for a person checking it: "NHS Brent CCG (07P), open date 1 April 2013". */
  about?: string;
}

export interface ParentLink {
  code: string;
  /** The parent's name in that period ("Mid and South Essex STP" in 2019). */
  name: string;
  period: string;
  row: RegisterRow;
}

/** An ONS code an organisation carries in one of the lookups (E54… for STPs, footprints and ICBs; E38… for CCGs). */
export interface OnsCode {
  code: string;
  period: string;
  row: RegisterRow;
}

export interface SuccessionLink {
  code: string;
  /** Legal start of the successor, ISO. */
  date: string;
  row: RegisterRow;
}

export interface Organisation {
  code: string;
  /** Display name, e.g. "NHS Thurrock CCG". */
  name: string;
  /** Every name the organisation has gone by, most telling first. */
  names: string[];
  type: OrganisationType;
  region: string | null;
  /** Parent STP/ICB today, or at closure. */
  parent: string | null;
  parents: ParentLink[];
  opened: string | null;
  closed: string | null;
  successors: SuccessionLink[];
  predecessors: SuccessionLink[];
  /** Member organisations (CCGs of an STP or ICB). */
  members: string[];
  rows: RegisterRow[];
  inRegister: boolean;
  /** ONS codes from the lookups, when it has any. */
  ons?: OnsCode[];
}

export const REGISTER_FILES = {
  ccgs: 'eccg.csv',
  successors: 'ods_successors.csv',
  footprints2016: 'stp_footprints_2016.csv',
  stps2019: 'stps_2019.csv',
  names2019: 'ccg_names_2019.csv',
  trusts: 'trusts_2019.csv',
  lookup2020: 'ccg_stp_region_2020.csv',
  icbs: 'icb_names_2024.csv',
} as const;

/** eccg.csv has no header row: 27 columns, as SOURCES.md lists them. */
const ECCG_COLUMNS = 27;

/** NHS England regions, old (Y54, Y55, Y57) and current. */
export const REGIONS: Record<string, string> = {
  Y54: 'North of England',
  Y55: 'Midlands and East of England',
  Y56: 'London',
  Y57: 'South of England',
  Y58: 'South West',
  Y59: 'South East',
  Y60: 'Midlands',
  Y61: 'East of England',
  Y62: 'North West',
  Y63: 'North East and Yorkshire',
};

const SMALL_WORDS = new Set(['and', 'of', 'on', 'upon', 'the', 'in', 'with', 'for', 'under', 'by']);
const UPPER_WORDS = new Set(['NHS', 'CCG', 'ICB', 'STP', 'ICS', 'NELFT', 'UK', 'II', 'III']);

/** "NHS NORTH SOMERSET CCG" → "NHS North Somerset CCG"; names already in mixed case are kept. */
export function displayName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name !== name.toUpperCase()) return name;
  return name
    .split(' ')
    .map((word, i) =>
      word
        .split('-')
        .map((part, j) => {
          if (UPPER_WORDS.has(part) || /^[A-Z]?\d/.test(part)) return part;
          const lower = part.toLowerCase();
          if ((i > 0 || j > 0) && SMALL_WORDS.has(lower)) return lower;
          return lower.replace(/(^|[(&'’])([a-z])/g, (_, a, b) => a + b.toUpperCase());
        })
        .join('-'),
    )
    .join(' ');
}

/** An organisation with nothing known of it yet but what `fields` give: no dates, links, members or rows. */
export function newOrganisation(code: string, fields: Partial<Organisation> & Pick<Organisation, 'name' | 'type' | 'inRegister'>): Organisation {
  return {
    code,
    names: [],
    region: null,
    parent: null,
    parents: [],
    opened: null,
    closed: null,
    successors: [],
    predecessors: [],
    members: [],
    rows: [],
    ...fields,
  };
}

/** Reads the register CSVs from a folder; a missing or unreadable file is a KnowledgeError naming it. */
export function loadRegister(dir: string): Map<string, Organisation> {
  const read = (file: string) => {
    const path = join(dir, file);
    if (!existsSync(path))
      throw new KnowledgeError(`register/${file}`, '', 'the file is missing', `copy it from the ODS data (see register/SOURCES.md) into ${dir}`);
    return readFileSync(path, 'utf8');
  };
  const records = (file: string) => parseCsv(read(file), `register/${file}`);
  const rows = (file: string) => parseCsvWithHeader(read(file), `register/${file}`);
  const orgs = new Map<string, Organisation>();
  const row = (file: string, r: { raw: string; line: number }): RegisterRow => ({ file, line: r.line, raw: r.raw });
  const get = (code: string, init: () => Partial<Organisation> & { name: string; type: OrganisationType }) => {
    let org = orgs.get(code);
    if (!org) {
      org = newOrganisation(code, { inRegister: true, ...init() });
      orgs.set(code, org);
    }
    return org;
  };
  const addName = (org: Organisation, name: string, first = false) => {
    const clean = displayName(name);
    if (!clean || org.names.includes(clean)) return;
    if (first) org.names.unshift(clean);
    else org.names.push(clean);
  };

  for (const [code, name] of Object.entries(REGIONS)) get(code, () => ({ name: `NHS England ${name}`, type: 'region', names: [`NHS England ${name}`, name] }));

  // CCGs, commissioning hubs and sub-ICB reporting entities (no header row; see SOURCES.md for the columns).
  for (const rec of records(REGISTER_FILES.ccgs)) {
    const f = rec.fields;
    if (f.length !== ECCG_COLUMNS)
      throw new KnowledgeError(
        `register/${REGISTER_FILES.ccgs}`,
        `line ${rec.line}`,
        `expected ${ECCG_COLUMNS} columns, found ${f.length}`,
        'restore the row from the ODS extract',
      );
    if (!f[0])
      throw new KnowledgeError(
        `register/${REGISTER_FILES.ccgs}`,
        `line ${rec.line}`,
        'the row has no ODS code (column 1)',
        'restore the row from the ODS extract',
      );
    const role = f[13];
    const type: OrganisationType = role === '' || role.includes('RO319') ? 'ccg' : role.includes('RO218') ? 'commissioning-hub' : 'sub-icb-reporting-entity';
    const org = get(f[0], () => ({ name: displayName(f[1]), type }));
    org.region = f[2] || null;
    org.parent = f[3] || null;
    org.opened = registerDate(f[10]);
    org.closed = registerDate(f[11]);
    org.rows.push(row(`register/${REGISTER_FILES.ccgs}`, rec));
    addName(org, f[1]);
  }

  // CCG-era names (the 2019 and 2020 lists) go before current sub-ICB names such as "NHS Mid and South Essex ICB - 07G".
  for (const r of rows(REGISTER_FILES.names2019)) {
    const org = orgs.get(r.row.code);
    if (org) {
      addName(org, r.row.name, true);
      org.rows.push(row(`register/${REGISTER_FILES.names2019}`, r));
    }
  }

  // STPs of 2019, then the ONS lookup of April 2020, then ICBs of 2024 (same ODS codes).
  const onsToOds = new Map<string, string>();
  const addOns = (org: Organisation, code: string, period: string, at: RegisterRow) => {
    if (!code) return;
    org.ons ??= [];
    if (!org.ons.some((o) => o.code === code && o.period === period)) org.ons.push({ code, period, row: at });
  };
  for (const r of rows(REGISTER_FILES.stps2019)) {
    const { ods_stp_code: code, ons_stp_code: ons, stp_name: name, ccg_code: ccg } = r.row;
    onsToOds.set(ons, code);
    const regionCode = /\((Y\d\d)\)/.exec(r.row.region)?.[1] ?? null;
    const stp = get(code, () => ({ name: displayName(name), type: 'stp', region: regionCode }));
    addName(stp, name);
    if (!stp.members.includes(ccg)) stp.members.push(ccg);
    stp.rows.push(row(`register/${REGISTER_FILES.stps2019}`, r));
    addOns(stp, ons, 'April 2019', row(`register/${REGISTER_FILES.stps2019}`, r));
    const member = orgs.get(ccg);
    if (member) member.parents.push({ code, name: displayName(name), period: 'April 2019', row: row(`register/${REGISTER_FILES.stps2019}`, r) });
  }
  for (const r of rows(REGISTER_FILES.lookup2020)) {
    const { CCG20CDH: ccg, CCG20NM: ccgName, STP20CD: ons, STP20CDH: code, STP20NM: stpName } = r.row;
    onsToOds.set(ons, code);
    const stp = get(code, () => ({ name: displayName(stpName), type: 'stp', region: r.row.NHSER20CDH || null }));
    addName(stp, stpName);
    if (!stp.members.includes(ccg)) stp.members.push(ccg);
    addOns(stp, ons, 'April 2020', row(`register/${REGISTER_FILES.lookup2020}`, r));
    const member = orgs.get(ccg);
    if (member) {
      addOns(member, r.row.CCG20CD, 'April 2020', row(`register/${REGISTER_FILES.lookup2020}`, r));
      addName(member, ccgName, true);
      member.parents.push({ code, name: displayName(stpName), period: 'April 2020', row: row(`register/${REGISTER_FILES.lookup2020}`, r) });
      member.rows.push(row(`register/${REGISTER_FILES.lookup2020}`, r));
    }
  }
  for (const r of rows(REGISTER_FILES.icbs)) {
    const { ICB24CD: ons, ICB24CDH: code, ICB24NM: name } = r.row;
    onsToOds.set(ons, code);
    const icb = get(code, () => ({ name: displayName(name), type: 'icb' }));
    icb.type = 'icb';
    icb.name = displayName(name);
    addName(icb, name, true);
    icb.rows.push(row(`register/${REGISTER_FILES.icbs}`, r));
    addOns(icb, ons, 'December 2024', row(`register/${REGISTER_FILES.icbs}`, r));
  }

  // The 2016 footprints carry only ONS codes: they join the STP of the same ONS code where there is one.
  for (const r of rows(REGISTER_FILES.footprints2016)) {
    const { ons_stp_code: ons, footprint_name: name, ccg_code: ccg, ccg_name: ccgName } = r.row;
    const code = onsToOds.get(ons) ?? ons;
    const regionCode = /\((Y\d\d)\)/.exec(r.row.region)?.[1] ?? null;
    const footprint = get(code, () => ({ name: `${displayName(name)} STP footprint`, type: 'stp-footprint', region: regionCode }));
    addName(footprint, name);
    footprint.rows.push(row(`register/${REGISTER_FILES.footprints2016}`, r));
    addOns(footprint, ons, '2016 footprint', row(`register/${REGISTER_FILES.footprints2016}`, r));
    if (!footprint.members.includes(ccg)) footprint.members.push(ccg);
    const member = orgs.get(ccg);
    if (member) {
      addName(member, ccgName);
      member.parents.push({
        code,
        name: `${displayName(name)} STP footprint`,
        period: '2016 footprint',
        row: row(`register/${REGISTER_FILES.footprints2016}`, r),
      });
    }
  }

  for (const r of rows(REGISTER_FILES.trusts)) {
    const { name, code, region_code: region, stp_code: stp, open_date, close_date } = r.row;
    const trust = get(code, () => ({ name: displayName(name), type: 'trust' }));
    trust.region = region || null;
    trust.parent = stp && orgs.has(stp) ? stp : null;
    trust.opened = registerDate(open_date);
    trust.closed = registerDate(close_date);
    addName(trust, name);
    trust.rows.push(row(`register/${REGISTER_FILES.trusts}`, r));
  }

  // Successions, for the organisations the register holds.
  for (const r of rows(REGISTER_FILES.successors)) {
    const { from, to, legal_start: date } = r.row;
    const a = orgs.get(from);
    const b = orgs.get(to);
    if (!a && !b) continue;
    const link = row(`register/${REGISTER_FILES.successors}`, r);
    if (a && !a.successors.some((s) => s.code === to)) a.successors.push({ code: to, date, row: link });
    if (b && !b.predecessors.some((s) => s.code === from)) b.predecessors.push({ code: from, date, row: link });
  }

  for (const org of orgs.values()) {
    if (org.type !== 'region' && org.names.length) org.name = org.names[0];
  }
  return orgs;
}

/**
 * Follows successors until an organisation has none (or is still open): a CCG closed in 2018 whose
 * successor closed in 2020 ends at the 2020 one. Returns the chain after `code`, in order, and the ends.
 */
export function successorChain(orgs: Map<string, Organisation>, code: string): { chain: SuccessionLink[]; finals: string[] } {
  const chain: SuccessionLink[] = [];
  const finals: string[] = [];
  const seen = new Set([code]);
  const walk = (c: string) => {
    const org = orgs.get(c);
    const next = org?.successors ?? [];
    if (next.length === 0) {
      if (c !== code) finals.push(c);
      return;
    }
    for (const s of next) {
      if (seen.has(s.code)) continue;
      seen.add(s.code);
      chain.push(s);
      walk(s.code);
    }
  };
  walk(code);
  return { chain, finals };
}
