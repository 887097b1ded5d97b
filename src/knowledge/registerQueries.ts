/**
 * Questions over sets of organisations in the register: what was open on a day, what belonged to an
 * area then, what opened, closed, merged or was succeeded in a period, where a chain of successors
 * ends and what an organisation was formed from. Every result carries the register rows it rests on,
 * each labelled with the organisation, the field and the date a person would check.
 */
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { formatDay } from './dates.ts';
import type { Organisation, ParentLink, RegisterRow } from './register.ts';

export type Orgs = Map<string, Organisation>;

/** The kinds of body a set question can be about. */
export type SetKind = 'ccg' | 'stp' | 'icb' | 'trust' | 'region';

/**
 * ICBs took over from CCGs on 1 July 2022 (Health and Care Act 2022). The register keeps the CCGs
 * still open then without a close date, renamed as sub-ICB locations ("NHS Mid and South Essex ICB - 07G").
 */
export const ICB_START = '2022-07-01';
export const LAST_CCG_DAY = '2022-06-30';

/** The STP lists the register holds, and the days each stands for. */
export const STP_SNAPSHOTS = [
  { period: '2016 footprint', from: '2016-03-01', to: '2019-03-31', file: 'stp_footprints_2016.csv' },
  { period: 'April 2019', from: '2019-04-01', to: '2020-03-31', file: 'stps_2019.csv' },
  { period: 'April 2020', from: '2020-04-01', to: LAST_CCG_DAY, file: 'ccg_stp_region_2020.csv' },
] as const;

/** An organisation in a result, with the row that shows it belongs there. */
export interface Member {
  org: Organisation;
  row: RegisterRow;
}

/**
 * An area to narrow a set to: an STP/ICB, footprint or region by code, or a place name ("Surrey"): the
 * organisations whose own name holds it, and the CCGs of an STP/ICB whose name begins with it.
 */
export type AreaFilter = { code: string } | { place: string };

/** The name a CCG took as a sub-ICB location in July 2022. */
export const SUB_ICB_NAME = / - [A-Z0-9]{3,5}$/;

const dayBefore = (iso: string) => format(addDays(parseISO(iso), -1), 'yyyy-MM-dd');
const fileOf = (row: RegisterRow) => row.file.replace(/^register\//, '');
const label = (o: Organisation) => `${o.name} (${o.code})`;

/** A row with what it shows spelled out, for the citation a person reads. */
export function cite(row: RegisterRow, about: string): RegisterRow {
  return { file: row.file, line: row.line, raw: row.raw, about };
}

/** The row holding an organisation's own record (eccg.csv for CCGs, trusts_2019.csv for trusts, the ICB list for ICBs). */
export function recordRow(o: Organisation): RegisterRow | undefined {
  const own = ['eccg.csv', 'trusts_2019.csv', 'icb_names_2024.csv', 'stps_2019.csv', 'ccg_stp_region_2020.csv', 'stp_footprints_2016.csv'];
  for (const f of own) {
    const r = o.rows.find((x) => fileOf(x) === f);
    if (r) return r;
  }
  return o.rows[0];
}

/** The last day a CCG worked as a CCG: its close date, or 30 June 2022 for those handed to ICBs. */
export function lastDay(o: Organisation): string | null {
  if (o.closed) return o.closed;
  return o.type === 'ccg' ? LAST_CCG_DAY : null;
}

/** True when a CCG was open at the handover to ICBs and lives on as a sub-ICB location. */
export const handedToIcb = (o: Organisation): boolean => o.type === 'ccg' && !o.closed;

/** The region code a register row names: "North (Y54)" in the footprint list, ",Y56," in the 2020 lookup. */
const regionInRow = (row: RegisterRow): string | null => /\b(Y\d\d)\b/.exec(row.raw)?.[1] ?? null;

/**
 * Regions on a day, as the STP list in force files its STPs (the 2016 footprints under the four
 * regions of 2013–2019, the 2019 and 2020 lists under the seven since), or after June 2022 as the
 * register files the sub-ICB locations. Before the footprints, the footprint list is the earliest word.
 */
function regionsOn(orgs: Orgs, day: string): Member[] {
  const snap = day >= ICB_START ? null : (stpSnapshotOn(day) ?? (day < STP_SNAPSHOTS[0].from ? STP_SNAPSHOTS[0] : null));
  const found = new Map<string, Member>();
  for (const o of orgs.values()) {
    if (o.type !== 'ccg') continue;
    const link = snap ? o.parents.find((p) => p.period === snap.period) : undefined;
    const code = snap ? (link ? regionInRow(link.row) : null) : handedToIcb(o) ? o.region : null;
    const region = code ? orgs.get(code) : undefined;
    if (!region || found.has(region.code)) continue;
    const row = link?.row ?? recordRow(o);
    if (row) found.set(region.code, { org: region, row: cite(row, `${label(region)}, region of ${link ? `${link.name} (${snap!.period} list)` : label(o)}`) });
  }
  return [...found.values()];
}

/** A CCG's region on a day: as the STP list in force files it, else as its register record does. */
function regionOn(o: Organisation, day: string): string | null {
  return regionLinkOn(o, day)?.code ?? null;
}

/**
 * A body's region on a day with the row that shows it: the region the STP list in force files its STP under
 * (regions were redrawn in April 2019), else the one its own register record gives.
 */
export function regionLinkOn(o: Organisation, day: string): { code: string; row: RegisterRow; via?: ParentLink } | null {
  const snap = stpSnapshotOn(day);
  const link = snap ? o.parents.find((p) => p.period === snap.period) : undefined;
  const filed = link && regionInRow(link.row);
  if (link && filed) return { code: filed, row: link.row, via: link };
  const row = recordRow(o);
  return o.region && row ? { code: o.region, row } : null;
}

/** The STP list in force on a day, if any. */
export function stpSnapshotOn(day: string) {
  return STP_SNAPSHOTS.find((s) => s.from <= day && day <= s.to) ?? null;
}

/**
 * Was the organisation open on the day? A CCG or trust by its open and close dates; a region when the
 * STP list in force files STPs under it; an STP when the STP list in force names it as a CCG's parent; an ICB from 1 July 2022
 * (before that, an ICB's code is its STP's).
 */
export function openOn(orgs: Orgs, o: Organisation, day: string): boolean {
  if (o.type === 'region') return regionsOn(orgs, day).some((m) => m.org === o);
  if (o.type === 'icb' && day >= ICB_START) return true;
  if (o.type === 'icb' || o.type === 'stp' || o.type === 'stp-footprint') {
    const snap = stpSnapshotOn(day);
    return !!snap && o.members.some((c) => orgs.get(c)?.parents.some((p) => p.code === o.code && p.period === snap.period));
  }
  if (!o.opened || o.opened > day) return false;
  const end = lastDay(o);
  return !end || day <= end;
}

const openRows = new WeakMap<Organisation, RegisterRow | undefined>();

/** The row that shows an organisation open on a day, labelled with its dates (made once per organisation: formatting dates is not free). */
function openRow(o: Organisation): RegisterRow | undefined {
  if (!openRows.has(o)) openRows.set(o, makeOpenRow(o));
  return openRows.get(o);
}

function makeOpenRow(o: Organisation): RegisterRow | undefined {
  const row = recordRow(o);
  if (!row) return undefined;
  const dates = [o.opened ? `open date ${formatDay(o.opened)}` : null, o.closed ? `close date ${formatDay(o.closed)}` : o.opened ? 'no close date' : null]
    .filter(Boolean)
    .join(', ');
  return cite(row, `${label(o)}${dates ? `, ${dates}` : ''}`);
}

/** STPs (or 2016 footprints) on a day: the parents the STP list in force gives the CCGs. */
function stpsOn(orgs: Orgs, day: string, all: Orgs = orgs): Member[] {
  const snap = stpSnapshotOn(day);
  if (!snap) return [];
  const found = new Map<string, Member>();
  for (const o of all.values()) {
    for (const p of o.parents) {
      if (p.period !== snap.period || found.has(p.code) || !orgs.has(p.code)) continue;
      found.set(p.code, { org: orgs.get(p.code)!, row: cite(p.row, `${p.name} (${p.code}), ${snap.period} list`) });
    }
  }
  return [...found.values()];
}

/** Every organisation of a kind open on the day, each with the row that shows it. */
export function openOfKind(orgs: Orgs, kind: SetKind, day: string): Member[] {
  if (kind === 'stp') return day < ICB_START ? stpsOn(orgs, day) : [];
  if (kind === 'region') return regionsOn(orgs, day).sort((a, b) => a.org.code.localeCompare(b.org.code));
  if (kind === 'icb' && day < ICB_START) return [];
  const out: Member[] = [];
  for (const o of orgs.values()) {
    if (!o.inRegister || o.type !== kind || !openOn(orgs, o, day)) continue;
    if (kind === 'icb') {
      const row = o.rows.find((r) => fileOf(r) === 'icb_names_2024.csv');
      if (row) out.push({ org: o, row: cite(row, `${label(o)}, ICB list of December 2024`) });
      continue;
    }
    const row = openRow(o);
    if (row) out.push({ org: o, row });
  }
  return out.sort(byName);
}

/** Alphabetical by name; a plain comparison, as localeCompare costs a list of 200 a few milliseconds. */
const byName = (a: Member, b: Member) => (a.org.name < b.org.name ? -1 : a.org.name > b.org.name ? 1 : 0);

/** A CCG's STP or ICB on a day: from the STP list in force (the 2016 footprints, 2019, 2020), else its register parent. */
export function parentOn(orgs: Orgs, o: Organisation, day: string): { code: string; name: string; row: RegisterRow } | null {
  const snap = stpSnapshotOn(day);
  const link = snap ? o.parents.find((p) => p.period === snap.period) : undefined;
  if (link) return { code: link.code, name: link.name, row: cite(link.row, `${label(o)} in ${link.name} (${link.code}), ${snap!.period} list`) };
  const parent = o.parent ? orgs.get(o.parent) : undefined;
  const row = recordRow(o);
  if (!parent || !row) return null;
  return { code: parent.code, name: parent.name, row: cite(row, `${label(o)}, parent ${parent.name} (${parent.code})`) };
}

/** Region codes an area code stands for: itself and the regions formed from it (Y54 → Y62, Y63). */
function regionCodes(orgs: Orgs, code: string): Set<string> {
  const codes = new Set([code]);
  for (const s of orgs.get(code)?.successors ?? []) if (orgs.get(s.code)?.type === 'region') codes.add(s.code);
  return codes;
}

const norm = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
/** Words that qualify a place at the start of an area's name ("Mid and South Essex", "Our Healthier South East London"). */
const LEADING = /^ (?:(?:nhs|the|our|healthier|north|south|east|west|mid|central|and|inner|outer|greater) )+/;

/** True when `text` holds the place name as whole words ("Surrey" in "NHS East Surrey CCG", not "Surreyside"). */
export function namesPlace(text: string, place: string): boolean {
  return norm(text).includes(norm(place));
}

/**
 * True when an STP/ICB's name begins with the place ("Mid and South Essex", "Surrey Heartlands"): its CCGs
 * are that place's. "Sussex and East Surrey" is Sussex's, so Brighton is not a Surrey CCG.
 */
export function leadsWithPlace(name: string, place: string): boolean {
  return norm(name).replace(LEADING, ' ').startsWith(norm(place));
}

/** Is the member in the area on the day? The reason is a row a person can check, when there is one. */
export function inArea(orgs: Orgs, m: Member, area: AreaFilter, day: string): { row?: RegisterRow } | null {
  const o = m.org;
  if ('place' in area) {
    // A sub-ICB location's name ("NHS Suffolk and North East Essex ICB - 06L") names its ICB, not the CCG.
    if (o.names.some((n) => !SUB_ICB_NAME.test(n) && namesPlace(n, area.place))) return {};
    if (o.type !== 'ccg') return null;
    const parent = parentOn(orgs, o, day);
    return parent && leadsWithPlace(parent.name, area.place) ? { row: parent.row } : null;
  }
  const target = orgs.get(area.code);
  if (!target) return null;
  if (target.type === 'region') {
    const region = o.type === 'ccg' ? regionOn(o, day) : o.region;
    return region && regionCodes(orgs, target.code).has(region) ? {} : null;
  }
  if (o.type !== 'ccg') return null;
  if (target.type === 'stp-footprint') {
    const link = o.parents.find((p) => p.code === target.code && p.period === '2016 footprint');
    return link ? { row: cite(link.row, `${label(o)} in ${link.name}, 2016 footprint list`) } : null;
  }
  // A CCG the list in force files under two STPs (North East Hampshire and Farnham in 2016) is in both.
  const snap = stpSnapshotOn(day);
  const link = snap ? o.parents.find((p) => p.code === target.code && p.period === snap.period) : undefined;
  if (link) return { row: cite(link.row, `${label(o)} in ${link.name} (${link.code}), ${snap!.period} list`) };
  const parent = parentOn(orgs, o, day);
  return parent?.code === target.code ? { row: parent.row } : null;
}

/** The members of a kind open on the day in the area (or everywhere). */
export function openInArea(orgs: Orgs, kind: SetKind, day: string, area?: AreaFilter | null): Member[] {
  const open = openOfKind(orgs, kind, day);
  if (!area) return open;
  return open.flatMap((m) => {
    const hit = inArea(orgs, m, area, day);
    return hit ? [{ org: m.org, row: hit.row ?? m.row }] : [];
  });
}

/** Every organisation of a kind that was ever in the area, checked on its first and last days (CCGs 2013–2022, say). */
export function everInArea(orgs: Orgs, kind: Exclude<SetKind, 'stp' | 'region'>, area: AreaFilter): Member[] {
  const out: Member[] = [];
  for (const o of orgs.values()) {
    if (!o.inRegister || o.type !== kind || !o.opened) continue;
    const row = openRow(o);
    if (!row) continue;
    const m = { org: o, row };
    const hit = inArea(orgs, m, area, lastDay(o) ?? o.opened) ?? inArea(orgs, m, area, o.opened);
    if (hit) out.push({ org: o, row: hit.row ?? row });
  }
  return out.sort((a, b) => (a.org.opened ?? '').localeCompare(b.org.opened ?? '') || byName(a, b));
}

/** What happened to organisations in a period. */
export type ChangeKind = 'opened' | 'closed' | 'merged' | 'succeeded' | 'handed-over';

export interface Change {
  kind: ChangeKind;
  /** ISO day it took effect. */
  date: string;
  /** The organisations it happened to (the predecessors of a merger). */
  orgs: Organisation[];
  /** The successor (or, for the handover, the ICB). */
  to?: Organisation;
  rows: RegisterRow[];
}

/**
 * Register changes with effect in [from, to] among organisations of a kind (optionally in an area on
 * the day before the change). A merger is several organisations succeeded by one on the same day; a
 * closure counts when the organisation closed in the period or its successor took over in it.
 */
export function changesIn(orgs: Orgs, kind: SetKind, from: string, to: string, area?: AreaFilter | null): Change[] {
  const of = [...orgs.values()].filter((o) => o.inRegister && o.type === kind);
  const inPeriod = (d: string | null | undefined) => !!d && from <= d && d <= to;
  const where = (o: Organisation, day: string) => !area || !!inArea(orgs, { org: o, row: o.rows[0] }, area, day);
  const changes: Change[] = [];
  // Successions, grouped by successor and day.
  const groups = new Map<string, Change>();
  for (const o of of) {
    for (const s of o.successors) {
      const successor = orgs.get(s.code);
      if (!successor || !inPeriod(s.date) || !where(o, dayBefore(s.date))) continue;
      const key = `${s.code}|${s.date}`;
      const g = groups.get(key) ?? { kind: 'succeeded' as ChangeKind, date: s.date, orgs: [], to: successor, rows: [] };
      g.orgs.push(o);
      g.rows.push(cite(s.row, `${label(o)} succeeded by ${label(successor)} from ${formatDay(s.date)}`));
      groups.set(key, g);
    }
  }
  for (const g of groups.values()) {
    if (g.orgs.length > 1) g.kind = 'merged';
    changes.push(g);
  }
  for (const o of of) {
    if (inPeriod(o.opened) && where(o, o.opened!)) {
      const row = openRow(o);
      if (row) changes.push({ kind: 'opened', date: o.opened!, orgs: [o], rows: [row] });
    }
    const succeeded = o.successors.some((s) => inPeriod(s.date));
    if (o.closed && (inPeriod(o.closed) || succeeded) && where(o, o.closed)) {
      const row = openRow(o);
      if (row) changes.push({ kind: 'closed', date: o.closed, orgs: [o], rows: [row] });
    }
    if (handedToIcb(o) && inPeriod(ICB_START) && where(o, LAST_CCG_DAY)) {
      const icb = o.parent ? orgs.get(o.parent) : undefined;
      const row = recordRow(o);
      if (row)
        changes.push({
          kind: 'handed-over',
          date: ICB_START,
          orgs: [o],
          to: icb,
          rows: [cite(row, `${o.names.find((n) => SUB_ICB_NAME.test(n)) ?? label(o)}, sub-ICB location, no close date`)],
        });
    }
  }
  return changes.sort((a, b) => a.date.localeCompare(b.date) || (a.to?.name ?? a.orgs[0].name).localeCompare(b.to?.name ?? b.orgs[0].name));
}

/** One step from an organisation to what replaced it. */
export interface SuccessionStep {
  from: Organisation;
  to: Organisation;
  date: string;
  kind: 'succession' | 'handover';
  row: RegisterRow;
}

/**
 * What replaced an organisation, step by step, to the end: successors in the register, then, for a
 * CCG still open in 2022, its ICB from 1 July 2022 (its code kept as a sub-ICB location).
 */
export function successionPath(orgs: Orgs, code: string): { steps: SuccessionStep[]; finals: Organisation[] } {
  const steps: SuccessionStep[] = [];
  const finals: Organisation[] = [];
  const seen = new Set<string>([code]);
  const walk = (o: Organisation) => {
    const next = o.successors.filter((s) => orgs.has(s.code) && !seen.has(s.code));
    if (next.length === 0) {
      const icb = handedToIcb(o) && o.parent ? orgs.get(o.parent) : undefined;
      const row = recordRow(o);
      if (icb && row) {
        steps.push({ from: o, to: icb, date: ICB_START, kind: 'handover', row: cite(row, `${label(o)}, sub-ICB location of ${label(icb)}, no close date`) });
        finals.push(icb);
      } else if (o.code !== code) finals.push(o);
      return;
    }
    for (const s of next) {
      seen.add(s.code);
      const to = orgs.get(s.code)!;
      steps.push({ from: o, to, date: s.date, kind: 'succession', row: cite(s.row, `${label(o)} succeeded by ${label(to)} from ${formatDay(s.date)}`) });
      walk(to);
    }
  };
  const start = orgs.get(code);
  if (start) walk(start);
  return { steps, finals: [...new Set(finals)] };
}

/** What an organisation was formed from, back to the organisations that had no predecessors. */
export function formedFrom(orgs: Orgs, code: string): SuccessionStep[] {
  const steps: SuccessionStep[] = [];
  const seen = new Set<string>([code]);
  const walk = (o: Organisation) => {
    for (const p of o.predecessors) {
      const from = orgs.get(p.code);
      if (!from || seen.has(p.code)) continue;
      seen.add(p.code);
      steps.push({ from, to: o, date: p.date, kind: 'succession', row: cite(p.row, `${label(from)} succeeded by ${label(o)} from ${formatDay(p.date)}`) });
      walk(from);
    }
  };
  const start = orgs.get(code);
  if (!start) return steps;
  // An ICB took over the CCGs of its area on 1 July 2022: they are what it was formed from, and each of them from its own.
  if (start.type === 'icb') {
    for (const o of orgs.values()) {
      const row = o.parent === code && handedToIcb(o) ? recordRow(o) : undefined;
      if (!row || seen.has(o.code)) continue;
      seen.add(o.code);
      steps.push({ from: o, to: start, date: ICB_START, kind: 'handover', row: cite(row, `${label(o)}, sub-ICB location of ${label(start)}, no close date`) });
      walk(o);
    }
  }
  walk(start);
  return steps;
}

/** The organisation an ODS or ONS code names, with the row that pairs them. */
export function byAnyCode(orgs: Orgs, code: string): { org: Organisation; ons?: string; row?: RegisterRow } | null {
  const c = code.trim().toUpperCase();
  const direct = orgs.get(c);
  if (direct?.inRegister) return { org: direct };
  for (const o of orgs.values()) {
    const hit = o.ons?.find((x) => x.code === c);
    if (hit) return { org: o, ons: hit.code, row: cite(hit.row, `${label(o)}, ONS code ${hit.code} (${hit.period})`) };
  }
  return null;
}
