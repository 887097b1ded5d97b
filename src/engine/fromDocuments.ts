/**
 * What the documents say about an organisation or a role without anyone having curated it: the machine-read
 * mentions of src/search/linking.ts, turned into statements that say so ("The source says …"), each quoting
 * the passage verbatim with the document's title and date. Never dressed as a curated fact.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Passage } from '../knowledge/documents.ts';
import type { Organisation } from '../knowledge/register.ts';
import { documentsNaming, type Links, type PersonMention } from '../search/linking.ts';
import { contentTerms } from '../search/text.ts';
import { rowLine, sentences } from '../search/passageReading.ts';
import type { DraftStatement } from './intent.ts';

/** A passage that names the organisation, with its document's date. */
export interface DocumentMention {
  document: string;
  title: string;
  /** The document's date as a person reads it ("April 2020"), and as ISO for ordering. */
  published: string;
  publishedIso: string;
  /** The passage, verbatim. */
  quote: string;
  passage: string;
  /** How it reads in an answer: a table row with its column names, otherwise the passage. */
  shown: string;
}

/** What counts as naming an organisation: itself, its members, what it merged from or into. */
export function coveredBy(o: Organisation): Set<string> {
  return new Set([o.code, ...o.members, ...o.successors.map((s) => s.code), ...o.predecessors.map((s) => s.code)]);
}

/** Passages naming the organisation itself, newest document first, one per distinct quote; headings and lone list items left out. */
export function mentionsOf(k: Knowledge, links: Links, code: string, limit = 5): DocumentMention[] {
  // An organisation named in thousands of passages: keep the newest few in one pass, never compare them all. The
  // passages are read on the columns; only one that stands among the newest so far is made. Equal dates keep the
  // order the passages come in (a stable sort of them all gives the same).
  if (limit < 1) return [];
  const seen = new Set<string>();
  const top: { iso: string; at: number }[] = [];
  const ps = k.passages;
  for (const i of links.byOrganisation.get(code) ?? []) {
    if (ps.kindOf(i) === 'heading') continue;
    const text = ps.textAt(i);
    if ((text.length < 40 && !ps.extraAt(i)?.columns) || seen.has(text)) continue;
    seen.add(text);
    const iso = k.documents.get(ps.documentAt(i))!.published;
    if (top.length >= limit && iso.localeCompare(top[top.length - 1].iso) <= 0) continue;
    let slot = top.length;
    while (slot > 0 && top[slot - 1].iso.localeCompare(iso) < 0) slot--;
    top.splice(slot, 0, { iso, at: i });
    if (top.length > limit) top.pop();
  }
  return top.map(({ at }) => {
    const p = ps.at(at)!;
    const d = k.documents.get(p.document)!;
    return {
      document: d.id,
      title: d.title,
      published: d.publishedLabel,
      publishedIso: d.published,
      quote: p.text,
      passage: p.id,
      shown: p.columns ? rowLine(p) : p.text,
    };
  });
}

/** Words a role is made of, for matching a question's role words ("chief", "executive", "chair", "officer"…). */
export const ROLE_TERMS = new Set(
  [
    'chief',
    'executive',
    'accountable',
    'officer',
    'chair',
    'chairman',
    'chairwoman',
    'director',
    'finance',
    'financial',
    'medical',
    'clinical',
    'nursing',
    'place',
    'lead',
    'operating',
    'deputy',
    'interim',
    'manager',
    'secretary',
  ].map((w) => contentTerms(w)[0]),
);

/**
 * The role words of a question's words, and the word a role is made with, whatever it is: "people" in "chief
 * people officer", "strategy" in "director of strategy" say which post.
 */
export function roleTermsIn(words: string[]): string[] {
  const isRole = (w: string | undefined) => w !== undefined && contentTerms(w).some((t) => ROLE_TERMS.has(t));
  const made = words.filter(
    (w, i) => !isRole(w) && ((isRole(words[i - 1]) && isRole(words[i + 1])) || (words[i - 1] === 'of' && /^director/.test(words[i - 2] ?? ''))),
  );
  return [...new Set(words.flatMap((w) => contentTerms(w)))].filter((t) => ROLE_TERMS.has(t) || made.some((w) => contentTerms(w).includes(t)));
}

/** Whether `terms` hold every role word (stemmed): "financial" and "finance" are one, compared on six letters. */
export function holdsRoleWords(terms: Set<string>, roles: string[]): boolean {
  if (roles.every((t) => terms.has(t))) return true;
  const prefixes = new Set([...terms].map((t) => t.slice(0, 6)));
  return roles.every((t) => terms.has(t) || prefixes.has(t.slice(0, 6)));
}

export interface ReadPerson {
  person: PersonMention;
  passage: Passage;
}

/**
 * Every person the passages name with a role, in passage order, grouped by role: the roles are few (dozens in a
 * corpus of 100,000 passages), so a question's role words pick the mentions to read without walking every passage.
 */
interface PeopleIndex {
  /** The passage position, its document and the mention, for each mention in order. */
  position: number[];
  document: string[];
  person: PersonMention[];
  /** Each role as written, its terms and its mentions (ascending). */
  roles: { terms: Set<string>; mentions: number[] }[];
}

const peopleIndexes = new WeakMap<Links, PeopleIndex>();

function peopleIndex(k: Knowledge, links: Links): PeopleIndex {
  let index = peopleIndexes.get(links);
  if (!index) {
    const byRole = new Map<string, PeopleIndex['roles'][number]>();
    const built: PeopleIndex = { position: [], document: [], person: [], roles: [] };
    // In passage order, as they were linked.
    for (const [i, people] of links.people) {
      for (const person of people) {
        let role = byRole.get(person.role);
        if (!role) byRole.set(person.role, (role = { terms: new Set(contentTerms(person.role)), mentions: [] }));
        role.mentions.push(built.position.length);
        built.position.push(i);
        built.document.push(k.passages.documentAt(i));
        built.person.push(person);
      }
    }
    built.roles = [...byRole.values()];
    peopleIndexes.set(links, (index = built));
  }
  return index;
}

/**
 * People the documents name with a role made of `roleTerms`, at the organisation (or, for a table of a body's
 * members, in a document by or about it). A role stated for another organisation never counts.
 */
/** `roles` as roleTermsIn reads them off the question. */
export function peopleInDocuments(k: Knowledge, links: Links, wanted: string[], org: Organisation): ReadPerson[] {
  const covers = coveredBy(org);
  if (!wanted.length) return [];
  const positions = new Set([...covers].flatMap((c) => links.byOrganisation.get(c) ?? []));
  const documents = new Set([...covers].flatMap((c) => documentsNaming(k, c)));
  const index = peopleIndex(k, links);
  // The mentions whose role has every wanted term, in passage order; a passage is made only when someone in it is kept.
  const mentions = index.roles.filter((r) => holdsRoleWords(r.terms, wanted)).flatMap((r) => r.mentions);
  mentions.sort((a, b) => a - b);
  const out: ReadPerson[] = [];
  let made: { at: number; passage: Passage } | undefined;
  for (const m of mentions) {
    const i = index.position[m];
    const person = index.person[m];
    const at = person.organisation ? covers.has(person.organisation) : positions.has(i) || documents.has(index.document[m]);
    if (!at || out.some((x) => x.person.name === person.name)) continue;
    if (made?.at !== i) made = { at: i, passage: k.passages.at(i)! };
    out.push({ person, passage: made.passage });
  }
  return out;
}

/** "Anne Morgan, Accountable Officer — the source says (read from the document, not a curated fact): “…”". */
export function readPersonStatement(k: Knowledge, r: ReadPerson, asked?: Organisation): DraftStatement {
  const d = k.documents.get(r.passage.document)!;
  const said = r.passage.columns ? r.passage.text.replace(/\t/g, ' · ') : (sentences(r.passage.text).find((s) => s.includes(r.person.name)) ?? r.passage.text);
  // A role the passage gives without its body (a table of a board's members) is at the body the document is by or about.
  const code = r.person.organisation ?? asked?.code;
  const at = code ? `, ${k.organisations.get(code)?.name ?? code}` : '';
  return {
    text: `${r.person.name}: ${r.person.role}${at}. The source says (read from the document, not a curated fact), ${d.title} (${d.publishedLabel}): “${said}”`,
    sources: [{ document: d.id, quote: r.passage.text }],
  };
}
