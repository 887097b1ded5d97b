/**
 * Knowledge: an immutable snapshot of seeds/ (documents, register, facts), validated as a whole.
 * Its id is a hash of the content, so indexes built from it can be cached and never go stale.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KnowledgeError, KnowledgeErrors } from './errors.ts';
import { parseDocument, type SourceDocument } from './documents.ts';
import { Passages } from './passages.ts';
import { loadRegister, newOrganisation, REGISTER_FILES, type Organisation } from './register.ts';
import { checkRegisterFiles } from './registerManifest.ts';
import { checkDate, checkQuote, readFactFiles, type FactFileRead, type FactFiles } from './facts.ts';
import { loadLexicon, type Lexicon } from './lexicon.ts';
import { DEFAULT_SEEDS_DIR } from './paths.ts';
import type { DateValue } from './dates.ts';
import type {
  EventFact,
  FactFile,
  FigureFact,
  GlossaryFact,
  InterventionFact,
  OrganisationFact,
  PersonFact,
  ProgrammeFact,
  RoleFact,
  SourceRef,
} from './schemas.ts';

export interface Role extends RoleFact {
  dateValue?: DateValue;
}
export interface Person extends Omit<PersonFact, 'roles'> {
  roles: Role[];
}
export interface Intervention extends InterventionFact {
  dateValue: DateValue;
  dueValue?: DateValue;
}
export type Programme = ProgrammeFact;
export interface DatedEvent extends EventFact {
  dateValue: DateValue;
}
export interface Figure extends FigureFact {
  periodValue?: DateValue;
}
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

export { DEFAULT_SEEDS_DIR };

/** Loads and validates a seeds folder; throws KnowledgeErrors listing every problem found. */
export function loadKnowledge(dir: string = DEFAULT_SEEDS_DIR): Knowledge {
  const root = resolve(dir);
  if (!existsSync(root))
    throw new KnowledgeErrors(
      [
        new KnowledgeError(
          root,
          '',
          'the knowledge folder does not exist',
          'point --knowledge (or KNOWLEDGE_DIR) at a folder holding documents/, register/ and facts/',
        ),
      ],
      root,
    );
  const errors: KnowledgeError[] = [];
  const notices: string[] = [];
  const hash = createHash('sha256');

  // 1. Read the sources (documents, register, facts, lexicon), hashing every file as it stands.
  const docs = readDocuments(join(root, 'documents'), hash, errors, notices);
  const { documents } = docs;
  const register = readRegister(join(root, 'register'), hash, errors);
  const { organisations } = register;
  const facts = readFacts(join(root, 'facts'), hash, errors);
  const { lexicon, text: lexiconText } = loadLexicon(root, errors);
  hash.update('lexicon.yml').update(lexiconText);

  // 2. Check the facts against the documents and against each other; a problem that follows from a
  //    file that failed to load is reported as a knock-on of it.
  checkQuotes(facts, docs, errors);
  checkUniqueIds(facts, errors);
  const organisationFacts = addDocumentOrganisations(facts['organisations.yml'].value, organisations);
  const checkRef = referenceChecker(organisations, register.failed, facts, errors);
  checkProgrammes(facts['programmes.yml'], checkRef);

  // 3. Resolve each fact's dates (and check its references) into the shapes the engine reads.
  const people = resolvePeople(facts['people.yml'], checkRef, errors);
  const interventions = resolveInterventions(facts['interventions.yml'], checkRef, errors);
  const events = resolveEvents(facts['events.yml'], checkRef, errors);
  const figures = resolveFigures(facts['figures.yml'], checkRef, errors);
  if (errors.length) throw new KnowledgeErrors(errors, root);

  return {
    id: hash.digest('hex').slice(0, 16),
    dir: root,
    asOf: latestDate(documents, organisations),
    documents,
    passages: Passages.from(documents),
    organisations,
    organisationFacts,
    people,
    interventions,
    programmes: facts['programmes.yml'].value,
    events,
    figures,
    glossary: facts['glossary.yml'].value,
    lexicon,
    notices,
  };
}

/** Checks that a referenced organisation, programme or person exists, recording an error that says what to use. */
type CheckRef = (kind: 'organisation' | 'programme' | 'person', id: string | undefined, file: string, where: string) => void;

/** The documents read, and where quotes citing a missing one come from: a document that failed to load, or no folder. */
interface DocumentsRead {
  documents: Map<string, SourceDocument>;
  /** Documents that failed to load, by the id their file name gives: quotes citing them are knock-ons. */
  failed: Map<string, string>;
  /** "documents/" when the folder itself is missing. */
  missingFolder: string | null;
}

/** Every document in documents/, by id (a duplicate id or bad front matter is an error; CRLF is read as LF, with a notice). */
function readDocuments(docDir: string, hash: Hash, errors: KnowledgeError[], notices: string[]): DocumentsRead {
  const documents = new Map<string, SourceDocument>();
  const failed = new Map<string, string>();
  if (!existsSync(docDir))
    errors.push(new KnowledgeError('documents/', '', `the documents folder ${docDir} does not exist`, 'restore it: facts quote its documents'));
  const crlf: string[] = [];
  for (const file of existsSync(docDir)
    ? readdirSync(docDir)
        .filter((f) => !f.startsWith('.'))
        .sort()
    : []) {
    const raw = readFileSync(join(docDir, file), 'utf8');
    hash.update(file).update(raw);
    // A checkout that turned LF into CRLF (git's autocrlf) is read as LF, the way the text was received.
    if (raw.includes('\r\n')) crlf.push(`documents/${file}`);
    try {
      const doc = parseDocument(`documents/${file}`, raw.includes('\r\n') ? raw.replace(/\r\n/g, '\n') : raw);
      const other = documents.get(doc.id);
      if (other)
        errors.push(
          new KnowledgeError(
            `documents/${file}`,
            'front matter, field id',
            `duplicate document id "${doc.id}" (also in ${other.file})`,
            'give each document its own id',
          ),
        );
      else documents.set(doc.id, doc);
    } catch (e) {
      if (!(e instanceof KnowledgeError)) throw e;
      errors.push(e);
      failed.set(file.replace(/\.[^.]*$/, ''), `documents/${file}`);
    }
  }
  if (crlf.length)
    notices.push(
      `${crlf.join(', ')}: CRLF line endings, read as LF. Save ${crlf.length === 1 ? 'it' : 'them'} with LF line endings (for git: core.autocrlf false) so the file matches what citations quote.`,
    );
  if (existsSync(docDir) && documents.size === 0 && failed.size === 0)
    errors.push(
      new KnowledgeError('documents/', '', `no documents found in ${docDir}`, 'add at least one document (see docs/knowledge.md, "Adding a document")'),
    );
  return { documents, failed, missingFolder: existsSync(docDir) ? null : 'documents/' };
}

/**
 * The register's organisations by ODS code, every file checked against its manifest before a row of it
 * is read. When it cannot be read, `failed` names what failed (and the organisations are empty).
 */
function readRegister(registerDir: string, hash: Hash, errors: KnowledgeError[]): { organisations: Map<string, Organisation>; failed: string | null } {
  if (!existsSync(registerDir)) {
    errors.push(
      new KnowledgeError(
        'register/',
        '',
        `the register folder ${registerDir} does not exist`,
        `restore it: ${Object.values(REGISTER_FILES).join(', ')} and MANIFEST.json are required`,
      ),
    );
    return { organisations: new Map(), failed: 'register/' };
  }
  for (const f of Object.values(REGISTER_FILES)) {
    const p = join(registerDir, f);
    if (existsSync(p)) hash.update(f).update(readFileSync(p));
  }
  const refused = checkRegisterFiles(registerDir, Object.values(REGISTER_FILES));
  if (refused.length) {
    errors.push(...refused);
    return { organisations: new Map(), failed: refused[0].file };
  }
  try {
    return { organisations: loadRegister(registerDir), failed: null };
  } catch (e) {
    if (!(e instanceof KnowledgeError)) throw e;
    errors.push(e);
    return { organisations: new Map(), failed: e.file };
  }
}

/** Every facts file, schema-checked. */
function readFacts(factsDir: string, hash: Hash, errors: KnowledgeError[]): FactFiles {
  for (const f of existsSync(factsDir) ? readdirSync(factsDir).sort() : []) if (/\.ya?ml$/.test(f)) hash.update(f).update(readFileSync(join(factsDir, f)));
  return readFactFiles(factsDir, errors);
}

/** Every quote, wherever it sits in an entry, must stand verbatim in its document. */
function checkQuotes(facts: FactFiles, docs: DocumentsRead, errors: KnowledgeError[]): void {
  for (const [file, { value, locate }] of factFileEntries(facts)) {
    value.forEach((entry, i) => {
      visitSources(entry, [i], (ref, path) => {
        const err = checkQuote(ref, docs.documents, `facts/${file}`, `${locate(path)}, entry ${i + 1} (id ${entry.id}), field ${path.slice(1).join('.')}`);
        const cause = docs.documents.has(ref.document) ? null : (docs.failed.get(ref.document) ?? docs.missingFolder);
        if (err) errors.push(cause ? err.following(cause) : err);
      });
    });
  }
}

/** Ids are unique within each file (they are how digests tell a changed fact from a new one). */
function checkUniqueIds(facts: FactFiles, errors: KnowledgeError[]): void {
  for (const [file, { value, locate }] of factFileEntries(facts)) {
    const seen = new Map<string, number>();
    value.forEach((entry, i) => {
      const first = seen.get(entry.id);
      if (first !== undefined)
        errors.push(
          new KnowledgeError(
            `facts/${file}`,
            `${locate([i, 'id'])}, entry ${i + 1}`,
            `duplicate id "${entry.id}" (first used by entry ${first + 1})`,
            'give each entry its own id; ids must stay stable once published',
          ),
        );
      else seen.set(entry.id, i);
    });
  }
}

/** The facts files as [name, entries] pairs, every entry carrying at least an id. */
function factFileEntries(facts: FactFiles): [string, FactFileRead<{ id: string }>][] {
  const byFile: Record<FactFile, FactFileRead<{ id: string }>> = facts;
  return Object.entries(byFile);
}

/** Curated organisations: aliases join the register's names, and organisations named only in the documents join the register. */
function addDocumentOrganisations(orgFacts: OrganisationFact[], organisations: Map<string, Organisation>): Map<string, OrganisationFact> {
  const organisationFacts = new Map<string, OrganisationFact>();
  for (const org of orgFacts) {
    organisationFacts.set(org.id, org);
    const known = organisations.get(org.id);
    if (known) {
      for (const a of org.aliases) if (!known.names.includes(a)) known.names.push(a);
    } else {
      organisations.set(
        org.id,
        newOrganisation(org.id, { name: org.name ?? org.id, names: [org.name ?? org.id, ...org.aliases], type: org.type ?? 'other', inRegister: false }),
      );
    }
  }
  return organisationFacts;
}

/** A CheckRef over the organisations (register and curated), programmes and people; an unknown reference into a file that failed to load follows from that failure. */
function referenceChecker(organisations: Map<string, Organisation>, registerFailed: string | null, facts: FactFiles, errors: KnowledgeError[]): CheckRef {
  const programmeIds = new Set(facts['programmes.yml'].value.map((p) => p.id));
  const personIds = new Set(facts['people.yml'].value.map((p) => p.id));
  const failedFile = (f: FactFile) => (facts[f].failed ? `facts/${f}` : null);
  const causeOf = {
    organisation: () => registerFailed ?? failedFile('organisations.yml'),
    programme: () => failedFile('programmes.yml'),
    person: () => failedFile('people.yml'),
  };
  return (kind, id, file, where) => {
    if (!id) return;
    const ok = kind === 'organisation' ? organisations.has(id) : kind === 'programme' ? programmeIds.has(id) : personIds.has(id);
    if (!ok) {
      const fix =
        kind === 'organisation'
          ? 'use an ODS code from seeds/register (e.g. 07G) or the id of an entry in facts/organisations.yml'
          : `use the id of an entry in facts/${kind === 'programme' ? 'programmes' : 'people'}.yml`;
      const err = new KnowledgeError(`facts/${file}`, where, `unknown ${kind} "${id}"`, fix);
      const cause = causeOf[kind]();
      errors.push(cause ? err.following(cause) : err);
    }
  };
}

function resolvePeople(file: FactFileRead<PersonFact>, checkRef: CheckRef, errors: KnowledgeError[]): Person[] {
  return file.value.map((p, i) => ({
    ...p,
    roles: p.roles.map((r, j) => {
      const where = `${file.locate([i, 'roles', j])}, ${p.id} role ${j + 1}`;
      checkRef('organisation', r.organisation, 'people.yml', where);
      checkRef('programme', r.programme, 'people.yml', where);
      return { ...r, dateValue: r.date ? checkDate(r.date, errors, 'facts/people.yml', `${where}, field date`) : undefined };
    }),
  }));
}

function resolveInterventions(file: FactFileRead<InterventionFact>, checkRef: CheckRef, errors: KnowledgeError[]): Intervention[] {
  const interventions: Intervention[] = [];
  file.value.forEach((f, i) => {
    const where = `${file.locate([i])}, ${f.id}`;
    for (const o of f.organisations) checkRef('organisation', o, 'interventions.yml', `${where}, field organisations`);
    for (const o of f.outcome?.register ?? []) checkRef('organisation', o, 'interventions.yml', `${where}, field outcome.register`);
    checkRef('programme', f.programme, 'interventions.yml', `${where}, field programme`);
    checkRef('organisation', f.by, 'interventions.yml', `${where}, field by`);
    const dateValue = checkDate(f.date, errors, 'facts/interventions.yml', `${where}, field date`);
    const dueValue = f.due ? checkDate(f.due, errors, 'facts/interventions.yml', `${where}, field due`) : undefined;
    if (dateValue) interventions.push({ ...f, dateValue, dueValue });
  });
  return interventions;
}

function checkProgrammes(file: FactFileRead<ProgrammeFact>, checkRef: CheckRef): void {
  file.value.forEach((p, i) => {
    const where = `${file.locate([i])}, ${p.id}`;
    checkRef('programme', p.parent, 'programmes.yml', `${where}, field parent`);
    for (const m of p.members) checkRef('organisation', m.organisation, 'programmes.yml', `${where}, field members`);
    for (const l of p.leads) checkRef('person', l.person, 'programmes.yml', `${where}, field leads`);
  });
}

function resolveEvents(file: FactFileRead<EventFact>, checkRef: CheckRef, errors: KnowledgeError[]): DatedEvent[] {
  const events: DatedEvent[] = [];
  file.value.forEach((e, i) => {
    const where = `${file.locate([i])}, ${e.id}`;
    for (const o of e.organisations) checkRef('organisation', o, 'events.yml', `${where}, field organisations`);
    for (const p of e.programmes) checkRef('programme', p, 'events.yml', `${where}, field programmes`);
    for (const p of e.people) checkRef('person', p, 'events.yml', `${where}, field people`);
    const dateValue = checkDate(e.date, errors, 'facts/events.yml', `${where}, field date`);
    if (dateValue) events.push({ ...e, dateValue });
  });
  return events;
}

function resolveFigures(file: FactFileRead<FigureFact>, checkRef: CheckRef, errors: KnowledgeError[]): Figure[] {
  return file.value.map((f, i) => {
    const where = `${file.locate([i])}, ${f.id}`;
    for (const o of f.organisations) checkRef('organisation', o, 'figures.yml', `${where}, field organisations`);
    return { ...f, periodValue: f.period ? checkDate(f.period, errors, 'facts/figures.yml', `${where}, field period`) : undefined };
  });
}

/** The latest date the knowledge speaks to: a register open/close date or a document's date (a month or year read as its end). */
function latestDate(documents: Map<string, SourceDocument>, organisations: Map<string, Organisation>): string {
  const dates = [...organisations.values()].flatMap((o) => [o.opened, o.closed]).filter((d): d is string => !!d);
  for (const d of documents.values())
    dates.push(d.published.length === 4 ? `${d.published}-12-31` : d.published.length === 7 ? `${d.published}-28` : d.published);
  return dates.sort().at(-1) ?? new Date().toISOString().slice(0, 10);
}

/** Calls `fn` for each {document, quote} inside a fact entry, with its path for error messages. */
export function visitSources(value: unknown, path: (string | number)[], fn: (ref: SourceRef, path: (string | number)[]) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => visitSources(v, [...path, i], fn));
  else if (value && typeof value === 'object') {
    if (isSourceRef(value)) fn(value, path);
    else for (const [k, v] of Object.entries(value)) visitSources(v, [...path, k], fn);
  }
}

/** True for an object with a document id and a quote, wherever it sits in an entry. */
function isSourceRef(value: object): value is SourceRef {
  return 'document' in value && typeof value.document === 'string' && 'quote' in value && typeof value.quote === 'string';
}
