/**
 * Register rows as a person reads them: a row of the ODS/ONS CSVs becomes labelled fields
 * ("ODS code: 07G", "Opened: 1 April 2013") instead of a line of quoted commas.
 */
import { parse } from 'csv-parse/sync';
import type { Citation } from '../engine/answer.ts';
import { REGIONS } from '../knowledge/register.ts';

/** The one line every answer's register sources collapse into. */
export const REGISTER_SOURCE_NAME = 'NHS organisation register (ODS)';

/** Column labels per register file (eccg.csv has no header row; the others' headers, in words); null: not shown (addresses). */
const COLUMNS: Record<string, (string | null)[]> = {
  'eccg.csv': ['ODS code', 'Name', 'NHS England region', 'Parent STP/ICB', null, null, null, null, null, null, 'Opened', 'Closed', null, 'Role'],
  'ods_successors.csv': ['From', 'To', 'Legal start'],
  'stp_footprints_2016.csv': ['ONS STP code', 'Footprint', 'Region', 'CCG', 'CCG code'],
  'stps_2019.csv': ['Region', 'ODS STP code', 'ONS STP code', 'STP', 'CCG', 'CCG code'],
  'ccg_names_2019.csv': ['CCG code', 'Name'],
  'trusts_2019.csv': ['Name', 'Code', 'Region', 'STP', 'Type', 'Opened', 'Closed'],
  'ccg_stp_region_2020.csv': [null, 'CCG ONS code', 'CCG code', 'CCG', 'STP ONS code', 'STP code', 'STP', 'Region ONS code', 'Region code', 'Region'],
  'icb_names_2024.csv': ['ICB ONS code', 'ICB code', 'ICB', null],
};

const ROLES: Record<string, string> = { RO319: 'sub-ICB location', RO218: 'commissioning hub', RO327: 'sub-ICB reporting entity' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** True for a citation of a register row (document "register:<file>"). */
export const isRegisterCitation = (c: Citation) => c.document.startsWith('register:');

/** "eccg.csv line 118", from the citation's document and title. */
export function registerPlace(c: Citation): string {
  const file = c.document.slice('register:'.length);
  const line = /line (\d+)/.exec(c.title)?.[1];
  return line ? `${file} line ${line}` : file;
}

/**
 * What a row shows, as its citation says it: the organisation's name and code, the field and its date
 * ("NHS Thurrock CCG (07G), open date 1 April 2013"); empty when the citation does not say.
 */
export function registerRowAbout(c: Citation): string {
  const at = c.title.lastIndexOf(' — NHS organisation register (');
  return at > 0 ? c.title.slice(0, at) : '';
}

/** The row's non-empty values with their labels; unknown files get "Column n" labels. */
export function registerFields(c: Citation): { label: string; value: string }[] {
  const file = c.document.slice('register:'.length);
  let values: string[];
  try {
    values = (parse(c.quote.replace(/^\uFEFF/, ''), { relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [];
  } catch {
    return [{ label: 'Row', value: c.quote }];
  }
  const labels = COLUMNS[file];
  const fields: { label: string; value: string }[] = [];
  values.forEach((raw, i) => {
    const value = raw.trim();
    const label = labels ? labels[i] : `Column ${i + 1}`;
    if (!value || !label) return;
    fields.push({ label, value: readable(label, value) });
  });
  return fields;
}

/** Dates as "1 April 2013", role codes as words, names out of capitals. */
function readable(label: string, value: string): string {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (compact && /Opened|Closed|start/i.test(label)) return `${Number(compact[3])} ${MONTHS[Number(compact[2]) - 1]} ${compact[1]}`;
  if (label === 'Role') return ROLES[value] ? `${ROLES[value]} (${value})` : value;
  if (/region/i.test(label) && REGIONS[value]) return `${REGIONS[value]} (${value})`;
  return value;
}
