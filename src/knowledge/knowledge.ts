/**
 * Knowledge: an immutable snapshot of seeds/ (documents, register, facts), validated as a whole.
 * Its id is a hash of the content, so indexes built from it can be cached and never go stale.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnowledgeError, KnowledgeErrors } from './errors.ts';
import { parseDocument, type SourceDocument } from './documents.ts';
import { Passages } from './passages.ts';
import { loadRegister, REGISTER_FILES, type Organisation, type OrganisationType } from './register.ts';
import { checkRegisterFiles } from './registerManifest.ts';
import { checkDate, checkQuote, readFactFiles } from './facts.ts';
import { loadLexicon, type Lexicon } from './lexicon.ts';
import type { DateValue } from './dates.ts';
import type {
  EventFact, FigureFact, GlossaryFact, InterventionFact, OrganisationFact, PersonFact, ProgrammeFact, RoleFact, SourceRef,
} from './schemas.ts';

export interface Role extends RoleFact { dateValue?: DateValue }
export interface Person extends Omit<PersonFact, 'roles'> { roles: Role[] }
export interface Intervention extends InterventionFact { dateValue: DateValue; dueValue?: DateValue }
export type Programme = ProgrammeFact;
export interface DatedEvent extends EventFact { dateValue: DateValue }
export interface Figure extends FigureFact { periodValue?: DateValue }
export type GlossaryEntry = GlossaryFact;

export interface Knowledge {
  /** sha256 of every file the snapshot was built from. */
  id: string;
  dir: string;
  /** The latest date the knowledge speaks to (ISO): answers about "now" state it. */
  asOf: string;
  documents: Map<string, SourceDocument>;
  /** Every document's passages in order, held column-wise (passages.ts). */
  passages: Passages;
  organisations: Map<string, Organisation>;
  /** Curated additions to organisations: aliases and where the documents name them. */
  organisationFacts: Map<string, OrganisationFact>;
  people: Person[];
  interventions: Intervention[];
  programmes: Programme[];
  events: DatedEvent[];
  figures: Figure[];
  glossary: GlossaryEntry[];
  /** How people say things, and what the bot reads them as (seeds/lexicon.yml). */
  lexicon: Lexicon;
  /** Things loading put right and a person should still fix (CRLF line endings), one line each. */
  notices: string[];
}

/** The seeds folder bundled with the project. */
export const DEFAULT_SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds');

/** Loads and validates a seeds folder; throws KnowledgeErrors listing every problem found. */
export function loadKnowledge(dir: string = DEFAULT_SEEDS_DIR): Knowledge {
  const root = resolve(dir);
  if (!existsSync(root)) throw new KnowledgeErrors([new KnowledgeError(root, '', 'the knowledge folder does not exist', 'point --knowledge (or KNOWLEDGE_DIR) at a folder holding documents/, register/ and facts/')], root);
  const errors: KnowledgeError[] = [];
  const notices: string[] = [];
  const hash = createHash('sha256');

  // Documents that failed to load, by the id their file name gives: quotes citing them are knock-ons.
  const failedDocuments = new Map<string, string>();
  const documents = new Map<string, SourceDocument>();
  const docDir = join(root, 'documents');
  if (!existsSync(docDir)) errors.push(new KnowledgeError('documents/', '', `the documents folder ${docDir} does not exist`, 'restore it: facts quote its documents'));
  const crlf: string[] = [];
  for (const file of existsSync(docDir) ? readdirSync(docDir).filter((f) => !f.startsWith('.')).sort() : []) {
    const raw = readFileSync(join(docDir, file), 'utf8');
    hash.update(file).update(raw);
    // A checkout that turned LF into CRLF (git's autocrlf) is read as LF, the way the text was received.
    if (raw.includes('\r\n')) crlf.push(`documents/${file}`);
    try {
      const doc = parseDocument(`documents/${file}`, raw.includes('\r\n') ? raw.replace(/\r\n/g, '\n') : raw);
      if (documents.has(doc.id)) errors.push(new KnowledgeError(`documents/${file}`, 'front matter, field id', `duplicate document id "${doc.id}" (also in ${documents.get(doc.id)!.file})`, 'give each document its own id'));
      else documents.set(doc.id, doc);
    } catch (e) {
      if (!(e instanceof KnowledgeError)) throw e;
      errors.push(e);
      failedDocuments.set(file.replace(/\.[^.]*$/, ''), `documents/${file}`);
    }
  }
  if (crlf.length) notices.push(`${crlf.join(', ')}: CRLF line endings, read as LF. Save ${crlf.length === 1 ? 'it' : 'them'} with LF line endings (for git: core.autocrlf false) so the file matches what citations quote.`);
  if (existsSync(docDir) && documents.size === 0 && failedDocuments.size === 0) errors.push(new KnowledgeError('documents/', '', `no documents found in ${docDir}`, 'add at least one document (see README, "Adding a document")'));

  // The register: every file is checked against its manifest before a row of it is read.
  let organisations = new Map<string, Organisation>();
  let registerFailed: string | null = null;
  const registerDir = join(root, 'register');
  if (!existsSync(registerDir)) {
    errors.push(new KnowledgeError('register/', '', `the register folder ${registerDir} does not exist`, `restore it: ${Object.values(REGISTER_FILES).join(', ')} and MANIFEST.json are required`));
    registerFailed = 'register/';
  } else {
    for (const f of Object.values(REGISTER_FILES)) {
      const p = join(registerDir, f);
      if (existsSync(p)) hash.update(f).update(readFileSync(p));
    }
    const refused = checkRegisterFiles(registerDir, Object.values(REGISTER_FILES));
    if (refused.length) {
      errors.push(...refused);
      registerFailed = refused[0].file;
    } else {
      try {
        organisations = loadRegister(registerDir);
      } catch (e) {
        if (!(e instanceof KnowledgeError)) throw e;
        errors.push(e);
        registerFailed = e.file;
      }
    }
  }

  const factsDir = join(root, 'facts');
  for (const f of existsSync(factsDir) ? readdirSync(factsDir).sort() : []) if (/\.ya?ml$/.test(f)) hash.update(f).update(readFileSync(join(factsDir, f)));
  const facts = readFactFiles(factsDir, errors);
  const { lexicon, text: lexiconText } = loadLexicon(root, errors);
  hash.update('lexicon.yml').update(lexiconText);

  // Every quote, wherever it sits in an entry, must stand in its document.
  const noDocuments = !existsSync(docDir) ? 'documents/' : null;
  for (const [file, { value, locate }] of Object.entries(facts)) {
    value.forEach((entry, i) => {
      visitSources(entry, [i], (ref, path) => {
        const err = checkQuote(ref, documents, `facts/${file}`, `${locate(path)}, entry ${i + 1} (id ${entry.id}), field ${path.slice(1).join('.')}`);
        const cause = documents.has(ref.document) ? null : failedDocuments.get(ref.document) ?? noDocuments;
        if (err) errors.push(cause ? err.following(cause) : err);
      });
    });
  }

  // Duplicate ids, within each file.
  for (const [file, { value, locate }] of Object.entries(facts)) {
    const seen = new Map<string, number>();
    value.forEach((entry, i) => {
      if (seen.has(entry.id)) errors.push(new KnowledgeError(`facts/${file}`, `${locate([i, 'id'])}, entry ${i + 1}`, `duplicate id "${entry.id}" (first used by entry ${seen.get(entry.id)! + 1})`, 'give each entry its own id; ids must stay stable once published'));
      else seen.set(entry.id, i);
    });
  }

  // Organisations named only in the documents join the register's.
  const organisationFacts = new Map<string, OrganisationFact>();
  for (const org of facts['organisations.yml'].value as OrganisationFact[]) {
    organisationFacts.set(org.id, org);
    const known = organisations.get(org.id);
    if (known) {
      for (const a of org.aliases) if (!known.names.includes(a)) known.names.push(a);
    } else {
      organisations.set(org.id, {
        code: org.id, name: org.name ?? org.id, names: [org.name ?? org.id, ...org.aliases], type: (org.type ?? 'other') as OrganisationType,
        region: null, parent: null, parents: [], opened: null, closed: null, successors: [], predecessors: [], members: [], rows: [], inRegister: false,
      });
    }
  }

  const programmeIds = new Set((facts['programmes.yml'].value as ProgrammeFact[]).map((p) => p.id));
  const personIds = new Set((facts['people.yml'].value as PersonFact[]).map((p) => p.id));
  // An unknown reference into a register or facts file that failed to load follows from that failure.
  const failedFile = (f: keyof typeof facts) => (facts[f].failed ? `facts/${f}` : null);
  const causeOf = {
    organisation: () => registerFailed ?? failedFile('organisations.yml'),
    programme: () => failedFile('programmes.yml'),
    person: () => failedFile('people.yml'),
  };
  const checkRef = (kind: 'organisation' | 'programme' | 'person', id: string | undefined, file: string, where: string) => {
    if (!id) return;
    const ok = kind === 'organisation' ? organisations.has(id) : kind === 'programme' ? programmeIds.has(id) : personIds.has(id);
    if (!ok) {
      const fix = kind === 'organisation'
        ? 'use an ODS code from seeds/register (e.g. 07G) or the id of an entry in facts/organisations.yml'
        : `use the id of an entry in facts/${kind === 'programme' ? 'programmes' : 'people'}.yml`;
      const err = new KnowledgeError(`facts/${file}`, where, `unknown ${kind} "${id}"`, fix);
      const cause = causeOf[kind]();
      errors.push(cause ? err.following(cause) : err);
    }
  };

  const people: Person[] = (facts['people.yml'].value as PersonFact[]).map((p, i) => ({
    ...p,
    roles: p.roles.map((r, j) => {
      const where = `${facts['people.yml'].locate([i, 'roles', j])}, ${p.id} role ${j + 1}`;
      checkRef('organisation', r.organisation, 'people.yml', where);
      checkRef('programme', r.programme, 'people.yml', where);
      return { ...r, dateValue: r.date ? checkDate(r.date, errors, 'facts/people.yml', `${where}, field date`) : undefined };
    }),
  }));

  const interventions: Intervention[] = [];
  (facts['interventions.yml'].value as InterventionFact[]).forEach((f, i) => {
    const where = `${facts['interventions.yml'].locate([i])}, ${f.id}`;
    f.organisations.forEach((o) => checkRef('organisation', o, 'interventions.yml', `${where}, field organisations`));
    for (const o of f.outcome?.register ?? []) checkRef('organisation', o, 'interventions.yml', `${where}, field outcome.register`);
    checkRef('programme', f.programme, 'interventions.yml', `${where}, field programme`);
    checkRef('organisation', f.by, 'interventions.yml', `${where}, field by`);
    const dateValue = checkDate(f.date, errors, 'facts/interventions.yml', `${where}, field date`);
    const dueValue = f.due ? checkDate(f.due, errors, 'facts/interventions.yml', `${where}, field due`) : undefined;
    if (dateValue) interventions.push({ ...f, dateValue, dueValue });
  });

  const programmes = facts['programmes.yml'].value as ProgrammeFact[];
  programmes.forEach((p, i) => {
    const where = `${facts['programmes.yml'].locate([i])}, ${p.id}`;
    checkRef('programme', p.parent, 'programmes.yml', `${where}, field parent`);
    p.members.forEach((m) => checkRef('organisation', m.organisation, 'programmes.yml', `${where}, field members`));
    p.leads.forEach((l) => checkRef('person', l.person, 'programmes.yml', `${where}, field leads`));
  });

  const events: DatedEvent[] = [];
  (facts['events.yml'].value as EventFact[]).forEach((e, i) => {
    const where = `${facts['events.yml'].locate([i])}, ${e.id}`;
    e.organisations.forEach((o) => checkRef('organisation', o, 'events.yml', `${where}, field organisations`));
    e.programmes.forEach((p) => checkRef('programme', p, 'events.yml', `${where}, field programmes`));
    e.people.forEach((p) => checkRef('person', p, 'events.yml', `${where}, field people`));
    const dateValue = checkDate(e.date, errors, 'facts/events.yml', `${where}, field date`);
    if (dateValue) events.push({ ...e, dateValue });
  });

  const figures: Figure[] = (facts['figures.yml'].value as FigureFact[]).map((f, i) => {
    const where = `${facts['figures.yml'].locate([i])}, ${f.id}`;
    f.organisations.forEach((o) => checkRef('organisation', o, 'figures.yml', `${where}, field organisations`));
    return { ...f, periodValue: f.period ? checkDate(f.period, errors, 'facts/figures.yml', `${where}, field period`) : undefined };
  });

  if (errors.length) throw new KnowledgeErrors(errors, root);

  const passages = Passages.from(documents);
  const dates = [...organisations.values()].flatMap((o) => [o.opened, o.closed]).filter((d): d is string => !!d);
  for (const d of documents.values()) dates.push(d.published.length === 4 ? `${d.published}-12-31` : d.published.length === 7 ? `${d.published}-28` : d.published);
  const asOf = dates.sort().at(-1) ?? new Date().toISOString().slice(0, 10);

  return {
    id: hash.digest('hex').slice(0, 16), dir: root, asOf, documents, passages, organisations, organisationFacts,
    people, interventions, programmes, events, figures, glossary: facts['glossary.yml'].value as GlossaryFact[], lexicon, notices,
  };
}

/** Calls `fn` for each {document, quote} inside a fact entry, with its path for error messages. */
export function visitSources(value: unknown, path: (string | number)[], fn: (ref: SourceRef, path: (string | number)[]) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => visitSources(v, [...path, i], fn));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.document === 'string' && typeof o.quote === 'string') fn(o as SourceRef, path);
    else for (const [k, v] of Object.entries(o)) visitSources(v, [...path, k], fn);
  }
}
