#!/usr/bin/env node
// Derives the expected answers of the register questions from the ODS/ONS CSVs themselves, so no
// expectation in eval/questions rests on memory or on what the bot says.
//
//   node eval/tools/registerFacts.mjs FACT ARG...     print one fact, e.g. `successors 09L`
//   node eval/tools/registerFacts.mjs --list          the facts it can derive
//   node eval/tools/registerFacts.mjs --check [FILE...]
//       re-derive every question that carries "derive": {"fact", "args", "except"?} and check that
//       its "must" groups still ask for the derived values, leaving out the codes in "except"
//       (default: every JSON file in eval/questions).
//
// The register is read from ../shared/data/ods beside the worktree, or from ODS_DIR.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const odsDir = resolve(process.env.ODS_DIR ?? join(root, '..', 'shared', 'data', 'ods'));

const read = (file, options = { columns: true }) =>
  parse(readFileSync(join(odsDir, file), 'utf8'), { bom: true, relax_column_count: true, ...options });

// eccg.csv has no header: 1 code, 2 name, 3 region, 4 parent, 11 open, 12 close, 14 role.
const eccg = read('eccg.csv', { columns: false }).map((r) => ({
  code: r[0],
  name: r[1],
  region: r[2],
  parent: r[3],
  opened: r[10],
  closed: r[11],
  role: r[13],
}));
const isHub = (o) => o.role === 'RO218' || o.name.includes('COMMISSIONING HUB');
const isReportingEntity = (o) => o.role === 'RO327';
const ccgs = eccg.filter((o) => !isHub(o) && !isReportingEntity(o));
const successorsCsv = read('ods_successors.csv');
const footprints2016 = read('stp_footprints_2016.csv');
const stps2019 = read('stps_2019.csv');
const names2019 = read('ccg_names_2019.csv');
const lookup2020 = read('ccg_stp_region_2020.csv');
const icbs = read('icb_names_2024.csv');
const trusts = read('trusts_2019.csv');

const REGIONS = {
  Y56: 'London',
  Y58: 'South West',
  Y59: 'South East',
  Y60: 'Midlands',
  Y61: 'East of England',
  Y62: 'North West',
  Y63: 'North East and Yorkshire',
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const iso = (yyyymmdd) => (yyyymmdd ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` : '');
/** The ways a person or a bot may write a date: 2020-03-31, 31 March 2020, 31 Mar 2020, 31/03/2020. */
const dateForms = (isoDate) => {
  const [y, m, d] = isoDate.split('-');
  const month = MONTHS[Number(m) - 1];
  const day = String(Number(d));
  return [isoDate, `${day} ${month} ${y}`, `${day} ${month.slice(0, 3)} ${y}`, `${d}/${m}/${y}`, `${month} ${day}, ${y}`];
};
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const numberForms = (n) => [String(n), ...(NUMBER_WORDS[n] ? [NUMBER_WORDS[n]] : [])];

/** "NHS NORTH SOMERSET CCG" -> "North Somerset": the part of a name people actually type. */
const core = (name) =>
  name
    .replace(/^NHS /i, '')
    .replace(/ (CCG|ICB - \w+|Integrated Care Board|STP|\(STP\))$/i, '')
    .replace(/ CLINICAL COMMISSIONING GROUP$/i, '')
    .trim();
const byCode = new Map(eccg.map((o) => [o.code, o]));
// The CCG-era name where the register keeps one (2020 lookup, then 2019 names), else the current name.
const ccgName = (code) =>
  lookup2020.find((r) => r.CCG20CDH === code)?.CCG20NM ??
  names2019.find((r) => r.code === code)?.name ??
  byCode.get(code)?.name ??
  code;
const orgForms = (code) => {
  const names = new Set([ccgName(code), byCode.get(code)?.name ?? ''].filter(Boolean));
  return [code, ...[...names].flatMap((n) => [n, core(n)])];
};
const findCcg = (nameOrCode) => {
  const q = nameOrCode.toUpperCase();
  const hit =
    byCode.get(q) ??
    ccgs.find((o) => core(ccgName(o.code)).toUpperCase() === q || core(o.name).toUpperCase() === q);
  if (!hit) throw new Error(`no CCG called or coded "${nameOrCode}" in eccg.csv`);
  return hit;
};
const openOn = (o, isoDate) => {
  const d = isoDate.replaceAll('-', '');
  return o.opened <= d && (!o.closed || o.closed >= d);
};

// Each fact returns { answer: what a person should be told, expect: [[forms of one value], ...] }.
const facts = {
  /** How many CCGs were open on a date (CCGs only: no commissioning hubs, no 2024 reporting entities). */
  'ccg-count'(isoDate) {
    const n = ccgs.filter((o) => openOn(o, isoDate)).length;
    return { answer: `${n} CCGs open on ${isoDate}`, expect: [numberForms(n)] };
  },
  /** How many CCGs closed on a date (mergers take effect the next day). */
  'ccg-closures'(isoDate) {
    const d = isoDate.replaceAll('-', '');
    const closed = ccgs.filter((o) => o.closed === d);
    return { answer: `${closed.length} CCGs closed on ${isoDate}`, expect: [numberForms(closed.length)] };
  },
  /** How many new CCGs opened on a date. */
  'ccg-openings'(isoDate) {
    const d = isoDate.replaceAll('-', '');
    const opened = ccgs.filter((o) => o.opened === d);
    return { answer: `${opened.length} CCGs opened on ${isoDate}: ${opened.map((o) => ccgName(o.code)).join('; ')}`, expect: [numberForms(opened.length)] };
  },
  /** What replaced a CCG: its immediate successor(s) and the date. */
  successors(nameOrCode) {
    const o = findCcg(nameOrCode);
    const rows = successorsCsv.filter((r) => r.from === o.code);
    if (rows.length === 0) return { answer: `${ccgName(o.code)} has no successor`, expect: [] };
    return {
      answer: rows.map((r) => `${ccgName(o.code)} -> ${r.to} ${ccgName(r.to)} from ${r.legal_start}`).join('; '),
      expect: rows.map((r) => orgForms(r.to)),
    };
  },
  /** Which CCGs merged into an organisation, and when. */
  predecessors(nameOrCode) {
    const o = findCcg(nameOrCode);
    const rows = successorsCsv.filter((r) => r.to === o.code && byCode.has(r.from));
    return {
      answer: `${ccgName(o.code)} <- ${rows.map((r) => `${r.from} ${ccgName(r.from)} (${r.legal_start})`).join('; ')}`,
      expect: rows.map((r) => orgForms(r.from)),
    };
  },
  /** The number of CCGs that merged into an organisation. */
  'predecessor-count'(nameOrCode) {
    const o = findCcg(nameOrCode);
    const n = successorsCsv.filter((r) => r.to === o.code && byCode.has(r.from)).length;
    return { answer: `${n} CCGs merged into ${ccgName(o.code)}`, expect: [numberForms(n)] };
  },
  /** The CCGs formed by merger on a day (e.g. 2018-04-01), each with what merged into it. */
  'mergers-on'(isoDate) {
    const rows = successorsCsv.filter((r) => r.legal_start === isoDate && byCode.has(r.from) && ccgs.some((o) => o.code === r.to));
    const formed = [...new Set(rows.map((r) => r.to))];
    return {
      answer: formed.map((c) => `${c} ${ccgName(c)} <- ${rows.filter((r) => r.to === c).map((r) => r.from).join(', ')}`).join('; '),
      expect: formed.map((c) => orgForms(c)),
    };
  },
  /** April 2020: the CCGs of an NHS England region, by name. */
  'region-2020-members'(region) {
    const rows = lookup2020.filter((r) => r.NHSER20NM.toUpperCase() === region.toUpperCase());
    return { answer: rows.map((r) => `${r.CCG20CDH} ${r.CCG20NM}`).join('; '), expect: rows.map((r) => orgForms(r.CCG20CDH)) };
  },
  opened(nameOrCode) {
    const o = findCcg(nameOrCode);
    return { answer: `${ccgName(o.code)} opened ${iso(o.opened)}`, expect: [dateForms(iso(o.opened))] };
  },
  closed(nameOrCode) {
    const o = findCcg(nameOrCode);
    if (!o.closed) return { answer: `${ccgName(o.code)} has no close date`, expect: [] };
    return { answer: `${ccgName(o.code)} closed ${iso(o.closed)}`, expect: [dateForms(iso(o.closed))] };
  },
  /** Was a CCG open at some point in a year: yes or no. */
  'open-in-year'(nameOrCode, year) {
    const o = findCcg(nameOrCode);
    const yes = o.opened <= `${year}1231` && (!o.closed || o.closed >= `${year}0101`);
    return { answer: `${ccgName(o.code)} open in ${year}: ${yes ? 'yes' : 'no'} (${iso(o.opened)} to ${iso(o.closed) || 'no close date'})`, expect: [[yes ? 'yes' : 'no']] };
  },
  /** Was a CCG open on a given day: yes or no. */
  'open-on'(nameOrCode, isoDate) {
    const o = findCcg(nameOrCode);
    const yes = openOn(o, isoDate);
    return { answer: `${ccgName(o.code)} open on ${isoDate}: ${yes ? 'yes' : 'no'}`, expect: [[yes ? 'yes' : 'no']] };
  },
  'ccg-code'(name) {
    const o = findCcg(name);
    return { answer: `${ccgName(o.code)} is ${o.code}`, expect: [[o.code]] };
  },
  'ccg-name'(code) {
    const o = findCcg(code);
    return { answer: `${code} is ${ccgName(o.code)}`, expect: [orgForms(o.code).slice(1)] };
  },
  /** The ICB a CCG's code now sits in (parent column of eccg.csv). */
  'icb-of'(nameOrCode) {
    const o = findCcg(nameOrCode);
    const last = finalSuccessor(o.code);
    const icb = icbs.find((r) => r.ICB24CDH === byCode.get(last).parent);
    if (!icb) throw new Error(`${o.code}: parent ${byCode.get(last).parent} is not an ICB in icb_names_2024.csv`);
    return { answer: `${ccgName(o.code)} -> ${icb.ICB24NM} (${icb.ICB24CDH})`, expect: [[icb.ICB24NM, core(icb.ICB24NM), icb.ICB24CDH]] };
  },
  /** ICB codes both ways: ODS (e.g. QH8) and ONS (E54...). */
  'icb-codes'(nameOrCode) {
    const q = nameOrCode.toUpperCase();
    const icb = icbs.find((r) => r.ICB24CDH === q || r.ICB24CD === q || core(r.ICB24NM).toUpperCase() === q);
    if (!icb) throw new Error(`no ICB "${nameOrCode}" in icb_names_2024.csv`);
    return { answer: `${icb.ICB24NM}: ODS ${icb.ICB24CDH}, ONS ${icb.ICB24CD}`, expect: [[icb.ICB24CDH], [icb.ICB24CD]] };
  },
  'icb-ods-code'(name) {
    const f = facts['icb-codes'](name);
    return { answer: f.answer, expect: [f.expect[0]] };
  },
  'icb-ons-code'(name) {
    const f = facts['icb-codes'](name);
    return { answer: f.answer, expect: [f.expect[1]] };
  },
  'icb-name'(code) {
    const q = code.toUpperCase();
    const icb = icbs.find((r) => r.ICB24CDH === q || r.ICB24CD === q);
    if (!icb) throw new Error(`no ICB coded "${code}" in icb_names_2024.csv`);
    return { answer: `${code} is ${icb.ICB24NM}`, expect: [[icb.ICB24NM, core(icb.ICB24NM)]] };
  },
  'icb-count'() {
    return { answer: `${icbs.length} ICBs`, expect: [numberForms(icbs.length)] };
  },
  /** The sub-ICB locations (former CCG codes) that sit in an ICB today. */
  'icb-locations'(odsCode) {
    const rows = ccgs.filter((o) => o.parent === odsCode && !o.closed);
    return { answer: `${odsCode}: ${rows.map((o) => `${o.code} ${ccgName(o.code)}`).join('; ')}`, expect: rows.map((o) => orgForms(o.code)) };
  },
  /** A 2016 STP footprint by its ONS code or name: name and member CCGs. */
  'footprint-2016'(codeOrName) {
    const q = codeOrName.toUpperCase();
    const rows = footprints2016.filter((r) => r.ons_stp_code === q || r.footprint_name.toUpperCase() === q);
    if (rows.length === 0) throw new Error(`no 2016 footprint "${codeOrName}" in stp_footprints_2016.csv`);
    return {
      answer: `${rows[0].ons_stp_code} ${rows[0].footprint_name}: ${rows.map((r) => `${r.ccg_code} ${r.ccg_name}`).join('; ')}`,
      expect: [[rows[0].footprint_name, rows[0].ons_stp_code]],
    };
  },
  'footprint-2016-members'(codeOrName) {
    const q = codeOrName.toUpperCase();
    const rows = footprints2016.filter((r) => r.ons_stp_code === q || r.footprint_name.toUpperCase() === q);
    if (rows.length === 0) throw new Error(`no 2016 footprint "${codeOrName}"`);
    return { answer: rows.map((r) => `${r.ccg_code} ${r.ccg_name}`).join('; '), expect: rows.map((r) => [r.ccg_code, r.ccg_name, core(r.ccg_name)]) };
  },
  'footprint-2016-count'() {
    const n = new Set(footprints2016.map((r) => r.ons_stp_code)).size;
    return { answer: `${n} footprints in 2016`, expect: [numberForms(n)] };
  },
  'footprint-2016-member-count'(codeOrName) {
    const q = codeOrName.toUpperCase();
    const n = footprints2016.filter((r) => r.ons_stp_code === q || r.footprint_name.toUpperCase() === q).length;
    return { answer: `${n} CCGs`, expect: [numberForms(n)] };
  },
  /** The 2016 footprint a CCG belonged to. */
  'footprint-2016-of'(nameOrCode) {
    const o = findCcg(nameOrCode);
    const row = footprints2016.find((r) => r.ccg_code === o.code);
    if (!row) throw new Error(`${o.code} is in no 2016 footprint`);
    return { answer: `${ccgName(o.code)} in ${row.ons_stp_code} ${row.footprint_name}`, expect: [[row.footprint_name, row.ons_stp_code]] };
  },
  /** April 2019 STPs: by ODS code (QH8) or ONS code. */
  'stp-2019-members'(code) {
    const q = code.toUpperCase();
    const rows = stps2019.filter((r) => r.ods_stp_code === q || r.ons_stp_code === q);
    if (rows.length === 0) throw new Error(`no 2019 STP "${code}" in stps_2019.csv`);
    return { answer: `${rows[0].stp_name}: ${rows.map((r) => `${r.ccg_code} ${r.ccg_name}`).join('; ')}`, expect: rows.map((r) => [r.ccg_code, r.ccg_name, core(r.ccg_name)]) };
  },
  'stp-2019-member-count'(code) {
    const q = code.toUpperCase();
    const n = stps2019.filter((r) => r.ods_stp_code === q || r.ons_stp_code === q).length;
    return { answer: `${n} CCGs`, expect: [numberForms(n)] };
  },
  'stp-2019-of'(nameOrCode) {
    const o = findCcg(nameOrCode);
    const row = stps2019.find((r) => r.ccg_code === o.code);
    if (!row) throw new Error(`${o.code} is in no 2019 STP`);
    return { answer: `${ccgName(o.code)} in ${row.ods_stp_code} ${row.stp_name}`, expect: [[row.stp_name, core(row.stp_name), row.ods_stp_code]] };
  },
  'stp-2019-count'() {
    const n = new Set(stps2019.map((r) => r.ods_stp_code)).size;
    return { answer: `${n} STPs in April 2019`, expect: [numberForms(n)] };
  },
  /** April 2020: the CCGs of a region (by name, e.g. London), or the region of a CCG. */
  'region-2020-ccgs'(region) {
    const rows = lookup2020.filter((r) => r.NHSER20NM.toUpperCase() === region.toUpperCase());
    return { answer: `${rows.length} CCGs in ${region} (April 2020): ${rows.map((r) => r.CCG20NM).join('; ')}`, expect: [numberForms(rows.length)] };
  },
  'region-2020-of'(nameOrCode) {
    const o = findCcg(nameOrCode);
    const row = lookup2020.find((r) => r.CCG20CDH === o.code);
    if (!row) throw new Error(`${o.code} is not in the April 2020 lookup`);
    return { answer: `${row.CCG20NM}: ${row.STP20NM}, ${row.NHSER20NM}`, expect: [[row.NHSER20NM]] };
  },
  'stp-2020-of'(nameOrCode) {
    const o = findCcg(nameOrCode);
    const row = lookup2020.find((r) => r.CCG20CDH === o.code);
    if (!row) throw new Error(`${o.code} is not in the April 2020 lookup`);
    return { answer: `${row.CCG20NM}: ${row.STP20NM} (${row.STP20CDH})`, expect: [[row.STP20NM, row.STP20CDH]] };
  },
  'ccg-ons-code'(nameOrCode) {
    const o = findCcg(nameOrCode);
    const row = lookup2020.find((r) => r.CCG20CDH === o.code);
    if (!row) throw new Error(`${o.code} is not in the April 2020 lookup`);
    return { answer: `${row.CCG20NM}: ${row.CCG20CD}`, expect: [[row.CCG20CD]] };
  },
  'trust-code'(name) {
    const q = name.toUpperCase();
    const t = trusts.find((r) => r.name === q);
    if (!t) throw new Error(`no trust named "${name}" in trusts_2019.csv`);
    return { answer: `${t.name} is ${t.code}`, expect: [[t.code]] };
  },
  'trust-name'(code) {
    const t = trusts.find((r) => r.code === code.toUpperCase());
    if (!t) throw new Error(`no trust coded "${code}" in trusts_2019.csv`);
    return { answer: `${t.code} is ${t.name}`, expect: [[t.name]] };
  },
  'trust-closed'(code) {
    const t = trusts.find((r) => r.code === code.toUpperCase());
    if (!t) throw new Error(`no trust coded "${code}"`);
    return { answer: `${t.name} opened ${iso(t.open_date)}, closed ${iso(t.close_date) || 'never'}`, expect: t.close_date ? [dateForms(iso(t.close_date))] : [] };
  },
  'trust-successors'(code) {
    const rows = successorsCsv.filter((r) => r.from === code.toUpperCase());
    const nameOf = (c) => trusts.find((t) => t.code === c)?.name ?? c;
    return { answer: rows.map((r) => `${code} -> ${r.to} ${nameOf(r.to)} from ${r.legal_start}`).join('; '), expect: rows.map((r) => [r.to, nameOf(r.to)]) };
  },
};

function finalSuccessor(code) {
  let current = code;
  for (let guard = 0; guard < 10; guard++) {
    const next = successorsCsv.find((r) => r.from === current && byCode.has(r.to));
    if (!next) return current;
    current = next.to;
  }
  return current;
}

const norm = (s) => String(s).toLowerCase().replace(/[\u2010-\u2015]/g, '-').replace(/&/g, 'and').replace(/\s+/g, ' ').trim();

/** Does some "must" group ask for one of these forms (equal, or one contains the other)? */
const asksFor = (must, forms) =>
  must.some((group) =>
    group.some((alt) => forms.some((f) => norm(f) === norm(alt) || (norm(alt).length >= 3 && norm(f).includes(norm(alt))) || norm(alt).includes(norm(f)))),
  );

function check(files) {
  let checked = 0;
  const problems = [];
  for (const file of files) {
    for (const q of JSON.parse(readFileSync(file, 'utf8'))) {
      if (!q.derive) continue;
      checked++;
      const fact = facts[q.derive.fact];
      if (!fact) {
        problems.push(`${file}: ${q.id}: unknown fact "${q.derive.fact}" (see --list)`);
        continue;
      }
      let derived;
      try {
        derived = fact(...(q.derive.args ?? []));
      } catch (e) {
        problems.push(`${file}: ${q.id}: ${e.message}`);
        continue;
      }
      // "except": codes the question itself leaves out ("apart from East Surrey, which …").
      const wanted = derived.expect.filter((forms) => !(q.derive.except ?? []).includes(forms[0]));
      if (q.answered === false) continue;
      if (wanted.length === 0 && !q.derive.none) problems.push(`${file}: ${q.id}: the register gives nothing to expect (${derived.answer})`);
      for (const forms of wanted) {
        if (!asksFor(q.must ?? [], forms)) problems.push(`${file}: ${q.id}: "must" does not ask for ${JSON.stringify(forms.slice(0, 3))} (register: ${derived.answer})`);
      }
    }
  }
  for (const p of problems) console.log(p);
  console.log(`${checked} register questions re-derived, ${problems.length} problems`);
  return problems.length === 0;
}

const [first, ...rest] = process.argv.slice(2);
if (first === '--check') {
  const dir = join(root, 'eval', 'questions');
  const files = rest.length ? rest : readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
  process.exit(check(files) ? 0 : 1);
} else if (!first || first === '--list') {
  console.log(Object.keys(facts).join('\n'));
} else if (facts[first]) {
  const f = facts[first](...rest);
  console.log(f.answer);
} else {
  console.error(`unknown fact "${first}"; run with --list to see the facts it can derive`);
  process.exit(2);
}
