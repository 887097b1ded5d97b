/** What changed in the register in a period: "which London CCGs merged in April 2020?", "which CCGs closed in 2018?". */
import type { DraftStatement, Intent } from '../src/engine/intent.ts';
import { formatDay } from '../src/knowledge/dates.ts';
import { changesIn, type Change, type ChangeKind, type SetKind } from '../src/knowledge/registerQueries.ts';
import { aboutSomethingElse, areaOf, areaPhrase, asksChange, filterOf, labelOf, noun, placeRule } from './_register.ts';
import { listing } from './_shared.ts';

/** The change a question's verb asks for. */
const VERBS: [string[], ChangeKind[]][] = [
  [['merged', 'merge', 'merging', 'merger', 'mergers'], ['merged']],
  [
    ['replaced', 'succeeded'],
    ['merged', 'succeeded'],
  ],
  [['opened', 'opening', 'openings', 'formed', 'created', 'established', 'new'], ['opened']],
  [
    ['close', 'closed', 'closing', 'closure', 'closures', 'abolished', 'dissolved'],
    ['closed', 'handed-over'],
  ],
];
const MAX_SHOWN = 6;

export const intent: Intent = {
  name: 'register-changes',
  description: 'Say which CCGs, trusts or other bodies opened, closed, merged or were succeeded in a period, from the register',
  examples: [
    'which ccgs merged in {date}',
    'which london ccgs merged in {date}',
    'what ccgs closed in {date}',
    'which ccgs opened in {date}',
    'which new ccgs were formed in {date}',
    'how many ccgs merged in {date}',
    'how many ccgs closed in {date}',
    'which ccgs were abolished in {date}',
    'ccg mergers in {date}',
    'which ccgs in {org} merged in {date}',
    'which ccgs were replaced in {date}',
    'which trusts closed in {date}',
    'which trusts opened in {date}',
    'what ccg mergers happened in the north west',
    'which surrey ccgs merged',
    'which ccgs were created in {date}',
    'list the ccg closures in {date}',
    'which ccgs were succeeded in {date}',
    'what new ccgs were established in {date}',
    // "CCGs", "STPs" and "ICBs" are glossary terms too, so the matcher reads them as {term}.
    'which {term} merged in {date}',
    'which {org} {term} merged in {date}',
    'which {term} closed in {date}',
    'which {term} opened in {date}',
    'how many {term} merged in {date}',
    'which {term} in {org} merged',
    'what {term} were formed in {date}',
    'which {term} were abolished in {date}',
    'which {org} {term} merged',
    'how many {term} closed in {date}',
  ],
  rephrase: ({ q }) => (q.dates[0] ? `Which CCGs merged in ${q.dates[0].value.label}?` : null),
  answer({ q, k }) {
    if (aboutSomethingElse(q) || !asksChange(q)) return null;
    const kind = q.orgTypes[0];
    // Without a kind of body, "what changed in April 2018?" is the dated entries' answer (intents/when.ts).
    if (!kind) return null;
    const wanted = [...new Set(VERBS.filter(([ws]) => q.words.some((w) => ws.includes(w))).flatMap(([, kinds]) => kinds))];
    const kinds: ChangeKind[] = wanted.length ? wanted : ['merged', 'succeeded', 'opened', 'closed', 'handed-over'];
    const window = q.dates[0]?.value;
    const from = window?.start ?? '1990-01-01';
    const to = window?.end ?? k.asOf;
    const area = areaOf(q);
    const changes = changesIn(k.organisations, kind, from, to, filterOf(area)).filter((c) => kinds.includes(c.kind));
    const period = window ? ` ${window.precision === 'day' ? 'on' : 'in'} ${window.label}` : '';
    const where = areaPhrase(area);
    const statements: DraftStatement[] = [];
    const rule = [
      `From the register's open and close dates and successor rows (eccg.csv columns 11 and 12, ods_successors.csv); a merger is several ${noun(kind, 2)} succeeded by one on the same day`,
      placeRule(area),
    ]
      .filter(Boolean)
      .join('. ');
    if (!changes.length) {
      statements.push({ text: `The register shows no ${noun(kind, 2)}${where} that ${describeKinds(kinds)}${period}.`, sources: [] });
      statements.push({ text: `${rule}.`, sources: [] });
      return { statements, fit: 0.9 };
    }
    const affected = new Set(changes.flatMap((c) => c.orgs.map((o) => o.code)));
    statements.push({ text: summary(kind, kinds, changes, affected.size, where, period), sources: [] });
    for (const c of changes.slice(0, MAX_SHOWN)) statements.push({ text: `• ${line(c)}`, sources: c.rows.slice(0, 2) });
    if (changes.length > MAX_SHOWN)
      statements.push({
        text: `…and ${changes.length - MAX_SHOWN} more: ${listing(changes.slice(MAX_SHOWN, MAX_SHOWN + 12).map((c) => (c.to && c.kind !== 'handed-over' ? c.to.name : c.orgs[0].name)))}${changes.length > MAX_SHOWN + 12 ? ' and others' : ''}.`,
        sources: [],
      });
    statements.push({ text: `${rule}.`, sources: [] });
    return { statements, fit: 1 };
  },
};

function describeKinds(kinds: ChangeKind[]): string {
  const words: Record<ChangeKind, string> = {
    merged: 'merged',
    succeeded: 'were succeeded',
    opened: 'opened',
    closed: 'closed',
    'handed-over': 'handed over to an ICB',
  };
  return listing([...new Set(kinds.map((x) => words[x]))]).replace(/ and /, ' or ');
}

function summary(k: SetKind, kinds: ChangeKind[], changes: Change[], affected: number, where: string, period: string): string {
  if (kinds.length === 1 && kinds[0] === 'merged') {
    return `${affected} ${noun(k, affected)}${where} merged into ${changes.length} new ${noun(k, changes.length)}${period} (NHS organisation register):`;
  }
  if (kinds.every((x) => x === 'opened')) return `${changes.length} ${noun(k, changes.length)}${where} opened${period} (NHS organisation register):`;
  if (kinds.every((x) => x === 'closed' || x === 'handed-over'))
    return `${changes.length} ${noun(k, changes.length)}${where} closed${period} (NHS organisation register):`;
  return `${changes.length} register change${changes.length === 1 ? '' : 's'} to ${noun(k, 2)}${where}${period}, affecting ${affected} (NHS organisation register):`;
}

function line(c: Change): string {
  const day = formatDay(c.date);
  const names = listing(c.orgs.map(labelOf));
  switch (c.kind) {
    case 'merged':
      return `${day}: ${names} merged into ${labelOf(c.to!)}.`;
    case 'succeeded':
      return `${day}: ${names} was succeeded by ${labelOf(c.to!)}.`;
    case 'opened':
      return `${day}: ${names} opened${c.orgs[0].predecessors.length ? `, formed from ${listing(c.orgs[0].predecessors.map((p) => p.code))}` : ''}.`;
    case 'closed': {
      const next = c.orgs[0].successors[0];
      return `${day}: ${names} closed${next ? `; ${next.code} took over from ${formatDay(next.date)}` : ''}.`;
    }
    case 'handed-over':
      return `${day}: ${names} handed over to ${c.to ? labelOf(c.to) : 'its ICB'}, its code kept as a sub-ICB location.`;
  }
}
