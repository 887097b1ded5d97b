/** The organisation card: register record + interventions + people, summarised as a status. */
import type { Citation, Statement } from './answer.ts';

export interface OrgRef {
  code: string;
  name: string;
  type: string;
  /** On candidates of an ambiguous name: when it was open ("1 April 2013 to 31 March 2020"), to tell them apart. */
  dates?: string;
}

export interface DatedOrgRef extends OrgRef {
  /** ISO date the relationship starts (successor's legal start, or membership year). */
  date?: string;
}

export interface OrgCardOrganisation {
  code: string;
  name: string;
  /** Names over time: CCG-era name, current sub-ICB name, names used in the documents. */
  names: string[];
  type: string;
  region: { code: string; name: string } | null;
  /** The parent STP/ICB today (or at closure). */
  parent: OrgRef | null;
  /** Parents over time, e.g. the 2016 STP footprint and the 2019 STP. */
  parents: (OrgRef & { period: string })[];
  opened: string | null;
  closed: string | null;
  predecessors: DatedOrgRef[];
  successors: DatedOrgRef[];
  /** Where the successor chain ends: the organisation(s) that carry it on now. */
  finalSuccessors: DatedOrgRef[];
  /** Members (CCGs of an STP/ICB, predecessors merged into a CCG). */
  members: OrgRef[];
}

export interface OrgCardIntervention {
  id: string;
  type: string;
  title: string;
  date: string;
  status: string;
  summary: string;
  /** How it ended, in words: "In the end this did not happen: …". */
  outcome?: string;
  /** Citations (indexes into the card's citations) of the summary, and of the outcome. */
  cites?: number[];
  outcomeCites?: number[];
}

export interface OrgCardPerson {
  id: string;
  name: string;
  title: string;
  date?: string;
  cites?: number[];
}

/** A passage of a document that names the organisation, found by linking at load: what the source says, not a curated fact. */
export interface OrgCardDocumentMention {
  document: string;
  title: string;
  /** The document's date as a person reads it ("April 2020"). */
  published: string;
  /** The passage, verbatim. */
  quote: string;
  /** Always "machine-read": surfaces show it apart from the curated facts. */
  basis: 'machine-read';
}

export interface OrgCard {
  found: boolean;
  query: string;
  organisation?: OrgCardOrganisation;
  /** A few lines a person reads first. */
  status: string;
  /**
   * The card's summary as cited statements, at most five: what it is, its parent now (or its
   * successor once closed), its live interventions. `status` says the same as one paragraph.
   */
  summary?: Statement[];
  /** The History section: register record, names and parents over time, members, each cited. */
  history?: Statement[];
  interventions: OrgCardIntervention[];
  people: OrgCardPerson[];
  /** "In the documents": passages naming the organisation, newest document first (machine-read, not curated). */
  inDocuments?: OrgCardDocumentMention[];
  /** Every citation the card's statements use (summary first); indexes are stable. */
  citations: Citation[];
  /** Several organisations fit the name equally: pick one. */
  candidates?: OrgRef[];
  /** Nothing fits: the closest names. */
  suggestions?: OrgRef[];
}
