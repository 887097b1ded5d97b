/**
 * Codes both ways: "what's the ODS code for Leeds Teaching Hospitals?", "which organisation is E54000027?",
 * "what is the ONS code of the Cheshire and Merseyside ICB?". ODS codes for every kind of body, and the ONS
 * codes of the lookups (E54… for the 2016 footprints, STPs and ICBs; E38… for CCGs in 2020).
 */
import type { DraftStatement, Intent } from '../src/engine/intent.ts';
import { byAnyCode, cite, ICB_START, recordRow } from '../src/knowledge/registerQueries.ts';
import { typeLabel } from '../src/engine/describe.ts';
import { labelOf } from './_register.ts';
import { asks, listing } from './_shared.ts';
import type { IntentResult } from '../src/engine/intent.ts';
import type { Indexes } from '../src/search/indexes.ts';
import type { ParsedQuestion } from '../src/search/question.ts';
import { formatDay } from '../src/knowledge/dates.ts';

const CODE_WORDS = new Set(['what', 'whats', 'is', 'the', 'ods', 'ons', 'code', 'codes', 'for', 'of', 'which', 'organisation', 'does', 'have', 'e54']);

/** "What is the ODS code for Essex?": a name that fits several bodies gets each one's code, type and dates to choose from. */
function ambiguousName(q: ParsedQuestion, ix: Indexes): IntentResult | null {
  if (!asks(q, 'code', 'codes', 'ods', 'ons')) return null;
  const name = q.words.filter((w) => !CODE_WORDS.has(w)).join(' ');
  if (!name) return null;
  const hit = ix.organisations.lookup(name);
  if (hit.kind !== 'ambiguous') return null;
  const shown = hit.candidates.filter((o) => o.inRegister).slice(0, 8);
  if (!shown.length) return null;
  const line = (o: (typeof shown)[number]) =>
    `${o.name}: ${o.code} (${typeLabel(o.type)}${o.type === 'icb' ? `, since ${formatDay(ICB_START)}` : o.opened ? `, opened ${formatDay(o.opened)}` : ''}${o.closed ? `, closed ${formatDay(o.closed)}` : ''})`;
  return {
    statements: [
      { text: `${hit.candidates.length} organisations fit that name; their ODS codes:`, sources: [] },
      ...shown.map((o) => ({ text: `• ${line(o)}`, sources: [recordRow(o)].filter((r) => !!r) })),
    ],
    suggestions: shown.slice(0, 3).map((o) => `What is the ODS code for ${o.name}?`),
    fit: 0.8,
  };
}

export const intent: Intent = {
  name: 'organisation-codes',
  description: 'Give an organisation\u2019s ODS and ONS codes, or say which organisation a code belongs to',
  examples: [
    'what is the ods code for {org}',
    "what's the code for {org}",
    'ods code of {org}',
    'what is the ons code for {org}',
    'which organisation has the code {org}',
    'whose code is {org}',
    'what organisation is {org}',
    'which ccg has code {org}',
    'which trust is code {org}',
    'what is the e54 code for {org}',
    'code for {org}',
    'what does the code {org} stand for',
    'which stp footprint is {org}',
    'what code does {org} have',
    'ons code {org}',
    'what are the codes for {org}',
    'which organisation is {org}',
    'which footprint is {org}',
  ],
  rephrase: ({ q }) => (q.orgs[0] ? `What is the ODS code for ${q.orgs[0].org.name}?` : null),
  answer({ q, k, ix }) {
    const mention = q.orgs.find((m) => m.org.inRegister);
    if (!mention) return ambiguousName(q, ix);
    const typed = mention.text.replace(/\s+/g, '').toUpperCase();
    // An ONS code typed on its own ("which organisation is E54000027?") asks what it stands for.
    if (!asks(q, 'code', 'codes', 'ods', 'ons', 'e54', 'stand') && !/^E\d{8}$/.test(typed)) return null;
    const org = mention.org;
    const byCode = byAnyCode(k.organisations, typed);
    const statements: DraftStatement[] = [];
    const row = recordRow(org);
    const own = row ? [cite(row, `${labelOf(org)}, ${/^E\d{8}$/.test(org.code) ? 'ONS' : 'ODS'} code ${org.code}`)] : [];
    const footprintOnly = org.type === 'stp-footprint' && /^E\d{8}$/.test(org.code);
    if (footprintOnly) {
      statements.push({ text: `${org.code} is the ONS code of ${org.name}, a 2016 STP footprint with no ODS code of its own.`, sources: own });
    } else if (byCode && byCode.org === org && byCode.ons) {
      statements.push({
        text: `${byCode.ons} is the ONS code of ${labelOf(org)}, ${article(typeLabel(org.type))} ${typeLabel(org.type)}.`,
        sources: byCode.row ? [byCode.row] : own,
      });
    } else if (byCode && byCode.org === org) {
      statements.push({ text: `${org.code} is the ODS code of ${org.name}, ${article(typeLabel(org.type))} ${typeLabel(org.type)}.`, sources: own });
    } else {
      statements.push({ text: `The ODS code of ${org.name} is ${org.code}.`, sources: own });
    }
    // The same ONS code often runs through several lists (E54000008: 2019, 2020, 2024): one line per code.
    const byOns = new Map<string, string[]>();
    for (const o of (org.ons ?? []).filter((x) => x.code !== org.code && x.code !== byCode?.ons)) byOns.set(o.code, [...(byOns.get(o.code) ?? []), o.period]);
    if (byOns.size) {
      const text = [...byOns].map(([code, periods]) => `${code} (${listing(periods)})`);
      const sources = [...byOns.keys()].slice(0, 4).map((code) => {
        const o = org.ons!.find((x) => x.code === code)!;
        return cite(o.row, `${labelOf(org)}, ONS code ${o.code} (${o.period})`);
      });
      statements.push({ text: `ONS code${byOns.size > 1 ? 's' : ''} in the lists: ${listing(text)}.`, sources });
    }
    const check = codeCheck(q, k);
    return { statements: [...check.statements, ...statements], organisationCode: org.code, fit: 1, ...check.verdict };
  },
};

/**
 * "Is QH8 the ODS code for Mid and South Essex ICB?": yes when the code typed and the name name the same body; a
 * "no" says whose code it is.
 */
function codeCheck(q: ParsedQuestion, k: Parameters<Intent['answer']>[0]['k']): { statements: DraftStatement[]; verdict: { verdict?: boolean } } {
  const none = { statements: [], verdict: {} };
  if (!['is', 'was', 'are'].includes(q.words[0] ?? '') || q.orgs.length < 2) return none;
  const isCode = (m: ParsedQuestion['orgs'][number]) => !!byAnyCode(k.organisations, m.text.replace(/\s+/g, '').toUpperCase());
  const code = q.orgs.find(isCode);
  const name = q.orgs.find((m) => m !== code && !isCode(m));
  if (!code || !name) return none;
  if (code.org.code === name.org.code) return { statements: [], verdict: { verdict: true } };
  const typed = code.text.toUpperCase();
  return {
    statements: [{ text: `${typed} is the code of ${labelOf(code.org)}, not of ${labelOf(name.org)}.`, sources: [] }],
    verdict: { verdict: false },
  };
}

const article = (s: string) => (/^([aeiou]|NHS)/i.test(s) ? 'an' : 'a');
