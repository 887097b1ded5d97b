/**
 * A synthetic commissioning corpus in the project's own seeds format: board papers, directions letters
 * and briefings naming real CCGs, STPs and trusts from the register, written beside copies of the real
 * documents, facts and register (the facts quote the real documents, so those must stay). Besides the
 * commissioning phrases, every paragraph carries words drawn from a Zipf vocabulary of 60,000 words
 * (see zipf.ts), so the corpus has the tens of thousands of distinct words real text has.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../src/knowledge/documents.ts';
import { DEFAULT_SEEDS_DIR } from '../src/knowledge/knowledge.ts';
import { loadRegister, type Organisation } from '../src/knowledge/register.ts';
import {
  FINANCE_TERMS,
  FIRST_NAMES,
  GOVERNANCE_BODIES,
  INTERVENTIONS,
  MONTHS,
  PERFORMANCE_MEASURES,
  PUBLISHERS,
  ROLES,
  SURNAMES,
  WORKSTREAMS,
} from './lexicon.ts';
import { mulberry32, type Rng } from './prng.ts';
import { zipfVocabulary, type ZipfVocabulary } from './zipf.ts';

/** An organisation the corpus names: ODS code and display name. */
export interface CorpusOrg {
  code: string;
  name: string;
}

/** A made-up person with a role at a CCG. */
export interface CorpusPerson {
  name: string;
  role: string;
  org: CorpusOrg;
}

/** What a generated corpus holds, so questions can be drawn from it. */
export interface CorpusSummary {
  dir: string;
  /** Searchable passages (headings excluded), real and synthetic. */
  passages: number;
  documents: number;
  ccgs: CorpusOrg[];
  trusts: CorpusOrg[];
  people: CorpusPerson[];
  /** The Zipf vocabulary's words, most frequent first. */
  vocabulary: readonly string[];
}

/** Writes a corpus of about `passages` searchable passages into `dir` (emptied first); the same seed gives the same corpus. */
export function generateCorpus(dir: string, passages: number, seed: number): CorpusSummary {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'documents'), { recursive: true });
  for (const sub of ['documents', 'facts', 'register', 'lexicon.yml']) cpSync(join(DEFAULT_SEEDS_DIR, sub), join(dir, sub), { recursive: true });

  const real = readdirSync(join(DEFAULT_SEEDS_DIR, 'documents'))
    .map((f) => parseDocument(f, readFileSync(join(DEFAULT_SEEDS_DIR, 'documents', f), 'utf8')))
    .reduce((n, d) => n + d.passages.filter((p) => p.kind !== 'heading').length, 0);

  const rng = mulberry32(seed);
  const register = [...loadRegister(join(DEFAULT_SEEDS_DIR, 'register')).values()];
  const orgs = (type: Organisation['type']) => register.filter((o) => o.type === type).map((o) => ({ code: o.code, name: o.name }));
  const ccgs = orgs('ccg');
  const stps = [...orgs('stp'), ...orgs('stp-footprint')];
  const trusts = orgs('trust');
  const people: CorpusPerson[] = Array.from({ length: 600 }, () => ({
    name: `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`,
    role: rng.pick(ROLES),
    org: rng.pick(ccgs),
  }));
  const names = [...register.map((o) => o.name), ...FIRST_NAMES, ...SURNAMES, ...readPeopleNames()].flatMap((n) => n.split(/[^A-Za-z]+/));
  const zipf = zipfVocabulary(rng, names);
  const world: World = { rng, ccgs, stps, trusts, people, zipf };

  let written = real;
  let documents = 0;
  while (written < passages) {
    documents++;
    const doc = writeDocument(world, documents, Math.min(passages - written, rng.int(20, 70)));
    writeFileSync(join(dir, 'documents', `${doc.id}.txt`), doc.text);
    written += doc.passages;
  }
  return { dir, passages: written, documents: documents + 5, ccgs, trusts, people, vocabulary: zipf.words };
}

/** Names of the people in the seeds' curated facts. */
function readPeopleNames(): string[] {
  const yml = readFileSync(join(DEFAULT_SEEDS_DIR, 'facts', 'people.yml'), 'utf8');
  return [...yml.matchAll(/^ {2}name: (.+)$/gm)].map((m) => m[1]);
}

interface World {
  rng: Rng;
  ccgs: CorpusOrg[];
  stps: CorpusOrg[];
  trusts: CorpusOrg[];
  people: CorpusPerson[];
  zipf: ZipfVocabulary;
}

interface Context {
  org: CorpusOrg;
  stp: CorpusOrg;
  trust: CorpusOrg;
  people: CorpusPerson[];
  year: number;
}

const KINDS = ['board-paper', 'board-paper', 'board-paper', 'directions-letter', 'briefing', 'briefing'] as const;

/** One document with at most `budget` searchable passages: a title, numbered sections, paragraphs, lists and tables. */
function writeDocument(w: World, n: number, budget: number): { id: string; text: string; passages: number } {
  const { rng } = w;
  const kind = rng.pick(KINDS);
  const year = rng.int(2014, 2021);
  const month = rng.int(1, 12);
  const org = rng.pick(w.ccgs);
  const ctx: Context = {
    org,
    stp: rng.pick(w.stps),
    trust: rng.pick(w.trusts),
    people: w.people.filter((p) => p.org === org).concat(rng.pick(w.people), rng.pick(w.people)),
    year,
  };
  const id = `bench-${kind}-${String(n).padStart(6, '0')}`;
  const topic = rng.pick(WORKSTREAMS);
  const title =
    kind === 'board-paper'
      ? `${org.name} ${rng.pick(GOVERNANCE_BODIES)} paper: ${topic}, ${MONTHS[month - 1]} ${year}`
      : kind === 'directions-letter'
        ? `Directions to ${org.name} under section 14Z21 of the NHS Act 2006`
        : `Commissioning briefing: ${topic} in ${ctx.stp.name}`;
  const front = [
    '---',
    `id: ${id}`,
    `title: ${JSON.stringify(title)}`,
    `publisher: ${JSON.stringify(kind === 'board-paper' ? org.name : rng.pick(PUBLISHERS))}`,
    `kind: ${kind}`,
    `url: ${rng.chance(0.7) ? JSON.stringify(`https://example.nhs.uk/bench/${id}`) : 'null'}`,
    `published: "${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}"`,
    'date_precision: day',
    'date_inferred: false',
    '---',
  ];
  const body: string[] = [
    kind === 'board-paper' ? `${capitalise(topic)} report` : kind === 'directions-letter' ? 'Directions letter' : 'Commissioning briefing',
    '',
  ];
  let passages = 0;
  let section = 0;
  while (passages < budget) {
    section++;
    body.push(
      `${section}. ${capitalise(section === 1 ? 'purpose of the paper' : rng.pick([...WORKSTREAMS, 'financial position', 'performance', 'governance', 'risks and mitigations', 'recommendations']))}`,
      '',
    );
    const blocks = rng.int(2, 5);
    for (let b = 0; b < blocks && passages < budget; b++) {
      const shape = rng.next();
      if (shape < 0.65) {
        body.push(paragraph(w, ctx), '');
        passages++;
      } else if (shape < 0.9) {
        const items = Math.min(budget - passages, rng.int(2, 5));
        for (let i = 0; i < items; i++) body.push(`- ${bullet(w, ctx)}`);
        body.push('');
        passages += items;
      } else {
        const rows = Math.min(budget - passages, rng.int(2, 4));
        for (let i = 0; i < rows; i++)
          body.push(
            `${rng.chance(0.5) ? `Month ${rng.int(1, 12)}` : `Q${rng.int(1, 4)} ${year}/${String((year + 1) % 100).padStart(2, '0')}`}\t${financeSentence(w, ctx)}`,
          );
        body.push('');
        passages += rows;
      }
    }
  }
  return { id, text: `${front.join('\n')}\n${body.join('\n')}`, passages };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const money = (rng: Rng) => `£${(rng.int(2, 900) / 10).toFixed(1)}m`;
const date = (rng: Rng, year: number) => `${rng.int(1, 28)} ${rng.pick(MONTHS)} ${year + rng.int(0, 1)}`;
const fy = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;

function paragraph(w: World, ctx: Context): string {
  const n = w.rng.int(1, 3);
  const sentences = Array.from({ length: n }, () => w.rng.pick(SENTENCES)(w, ctx));
  sentences.splice(w.rng.int(0, n), 0, zipfSentence(w));
  return sentences.join(' ');
}

function bullet(w: World, ctx: Context): string {
  const b = w.rng.pick(BULLETS)(w, ctx);
  return w.rng.chance(0.5) ? `${b.slice(0, -1)}, ${w.zipf.phrase(w.rng, w.rng.int(3, 8))}.` : b;
}

/** A sentence of the Zipf vocabulary's words: what gives the corpus a real text's spread of words. */
function zipfSentence({ rng, zipf }: World): string {
  const words = zipf.phrase(rng, rng.int(6, 14));
  return rng.chance(0.5) ? `Members also discussed ${words}.` : `${capitalise(words)}.`;
}

type Sentence = (w: World, ctx: Context) => string;

const person = (w: World, ctx: Context) => w.rng.pick(ctx.people);

const financeSentence: Sentence = ({ rng }, ctx) =>
  rng.pick([
    () =>
      `The year-to-date ${rng.pick(FINANCE_TERMS)} position is ${rng.pick(['a deficit', 'an overspend', 'an underspend', 'a surplus'])} of ${money(rng)} against a plan of ${money(rng)}.`,
    () => `${ctx.org.name} forecasts a ${rng.pick(['deficit', 'surplus'])} of ${money(rng)} for ${fy(ctx.year)}, with ${money(rng)} of unidentified QIPP.`,
    () => `Spend on the ${rng.pick(FINANCE_TERMS)} with ${ctx.trust.name} is ${money(rng)} above plan.`,
  ])();

const SENTENCES: Sentence[] = [
  financeSentence,
  ({ rng }, ctx) => `NHS England imposed ${rng.pick(INTERVENTIONS).phrase} on ${ctx.org.name} (${ctx.org.code}) on ${date(rng, ctx.year)}.`,
  ({ rng }, ctx) =>
    `The ${rng.pick(GOVERNANCE_BODIES)} noted that ${ctx.org.name} remains subject to ${rng.pick(INTERVENTIONS).phrase} until the ${rng.pick(FINANCE_TERMS)} is recovered.`,
  ({ rng }, ctx) =>
    `Under the directions, ${ctx.org.name} must ${rng.pick(['submit a financial recovery plan', 'form a joint committee with neighbouring CCGs', 'appoint a turnaround director', 'produce a joint commissioning plan', 'share an accountable officer with its neighbours'])} by ${date(rng, ctx.year)}.`,
  (w, ctx) => {
    const p = person(w, ctx);
    return `${p.name}, ${p.role} of ${p.org.name}, leads the ${w.rng.pick(WORKSTREAMS)} workstream for ${ctx.stp.name}.`;
  },
  (w, ctx) => {
    const p = person(w, ctx);
    return `${p.name} said the ${w.rng.pick(WORKSTREAMS)} programme would deliver ${money(w.rng)} of savings by ${fy(ctx.year + 1)}.`;
  },
  ({ rng }, ctx) =>
    `Performance against the ${rng.pick(PERFORMANCE_MEASURES)} at ${ctx.trust.name} was ${rng.int(60, 99)}.${rng.int(0, 9)}% in ${rng.pick(MONTHS)}, below the national standard.`,
  ({ rng }, ctx) => `${ctx.trust.name} reported ${rng.int(12, 480)} breaches against the ${rng.pick(PERFORMANCE_MEASURES)} during the quarter.`,
  ({ rng }, ctx) =>
    `The CCGs in ${ctx.stp.name} agreed to ${rng.pick(['merge into a single CCG', 'appoint a single accountable officer', 'establish a joint committee', 'pool their running cost allowances', 'align their commissioning intentions'])} from ${date(rng, ctx.year)}.`,
  ({ rng }, ctx) => `${ctx.stp.name} will consult the public on changes to ${rng.pick(WORKSTREAMS)} later in ${ctx.year + 1}.`,
  ({ rng }, ctx) =>
    `The ${rng.pick(WORKSTREAMS)} business case, worth ${money(rng)} over five years, was approved by the ${rng.pick(GOVERNANCE_BODIES)} of ${ctx.org.name}.`,
  ({ rng }, ctx) =>
    `Demand for ${rng.pick(WORKSTREAMS)} rose by ${rng.int(2, 19)}% compared with ${ctx.year - 1}, driven by an ageing population and rising frailty.`,
  ({ rng }, ctx) =>
    `NHS Improvement and NHS England will review the ${rng.pick(FINANCE_TERMS)} of ${ctx.org.name} at the next assurance meeting in ${rng.pick(MONTHS)} ${ctx.year}.`,
  ({ rng }, _ctx) =>
    `The risk rating for ${rng.pick(WORKSTREAMS)} was raised to ${rng.pick(['red', 'amber', 'high', 'extreme'])} because of ${rng.pick(['workforce shortages', 'rising acute activity', 'estates constraints', 'slippage in QIPP delivery', 'delays to procurement'])}.`,
  (w, ctx) => {
    const p = person(w, ctx);
    return `${p.name} was appointed interim ${w.rng.pick(ROLES)} of ${ctx.org.name} in ${w.rng.pick(MONTHS)} ${ctx.year}.`;
  },
  ({ rng }, ctx) => `A contract worth ${money(rng)} for ${rng.pick(WORKSTREAMS)} was awarded to ${ctx.trust.name} following a competitive procurement.`,
  ({ rng }, ctx) => `The sustainability and transformation plan for ${ctx.stp.name} sets out a ${money(rng)} financial gap by ${fy(ctx.year + 3)}.`,
  ({ rng }, ctx) => `Members asked for assurance that the ${rng.pick(PERFORMANCE_MEASURES)} would recover by ${rng.pick(MONTHS)} ${ctx.year + 1}.`,
  ({ rng }, ctx) =>
    `The CQC rated ${ctx.trust.name} as ${rng.pick(['inadequate', 'requires improvement', 'good', 'outstanding'])} after its inspection in ${rng.pick(MONTHS)} ${ctx.year}.`,
  ({ rng }, ctx) => `${ctx.org.name} spends ${money(rng)} a year on ${rng.pick(WORKSTREAMS)}, about ${rng.int(2, 30)}% of its allocation.`,
];

const BULLETS: Sentence[] = [
  ({ rng }) => `Note the ${rng.pick(FINANCE_TERMS)} position and the actions to recover it.`,
  ({ rng }) => `Approve the ${rng.pick(WORKSTREAMS)} commissioning intentions for the coming year.`,
  ({ rng }, ctx) => `Agree the terms of reference of the ${rng.pick(GOVERNANCE_BODIES)} for ${ctx.stp.name}.`,
  ({ rng }, ctx) => `Support the proposal to enter ${rng.pick(INTERVENTIONS).phrase} discussions with NHS England for ${ctx.org.code}.`,
  (w, ctx) => `${person(w, ctx).name} to report back on the ${w.rng.pick(PERFORMANCE_MEASURES)} in ${w.rng.pick(MONTHS)}.`,
  ({ rng }, ctx) => `Delegate authority to the ${rng.pick(ROLES)} to sign the ${rng.pick(FINANCE_TERMS)} agreement with ${ctx.trust.name}.`,
];
