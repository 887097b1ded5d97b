/** What a digest is made of: dated entries in a window and changes to the knowledge, each cited. */
import type { Citation } from '../engine/answer.ts';
import type { DateValue } from '../knowledge/dates.ts';

/** The kinds of entry a digest holds. */
export type EntryKind =
  | 'intervention-imposed'
  | 'intervention-announced'
  | 'intervention-lifted'
  | 'plan-due'
  | 'event'
  | 'merger'
  | 'succession'
  | 'opened'
  | 'closed'
  | 'fact-added'
  | 'fact-changed'
  | 'fact-removed'
  | 'document-added';

/** One thing a digest reports, with the sources it rests on. */
export interface DigestEntry {
  /** Stable id, e.g. "merger:15C:2018-04-01" or "changed:interventions:essex-directions-2017". */
  id: string;
  kind: EntryKind;
  /** When it happened, with its precision (a month stays "April 2020"); null for a change with no date of its own. */
  date: DateValue | null;
  /** ODS codes (or fact ids) of the organisations concerned, the one it is filed under first. */
  organisations: string[];
  /** One sentence a person reads. */
  summary: string;
  /** For a changed fact: "status: planned → did-not-happen", one per field. */
  changes?: string[];
  citations: Citation[];
}

/** A digest: the window, the filter, dated entries and knowledge changes. */
export interface Digest {
  /** ISO days, inclusive. */
  from: string;
  to: string;
  /** The filter as a person reads it ("East of England (Y61)"), or null for everything. */
  filter: string | null;
  /** Dated entries whose date falls in the window. */
  events: DigestEntry[];
  /** Facts added, changed or removed since the snapshot the channel last saw. */
  changes: DigestEntry[];
  knowledgeId: string;
  /** The latest date the knowledge speaks to, register included (ISO): for scripts; people are told the two below. */
  knowledgeAsOf: string;
  /** The newest source document's date ("October 2019"): what the digest is true as of. */
  sourcesAsOf: string;
  /** The newest date in the NHS organisation register ("24 July 2024"), stated apart. */
  registerAsOf: string;
}
