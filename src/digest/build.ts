/** Builds a digest: the dated entries of a window plus the fact changes since a snapshot, for one filter. */
import { newestRegisterLabel, newestSourceLabel } from '../engine/asOf.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { diffSnapshots } from './diff.ts';
import { fileUnderFilter, matchesFilter, resolveFilter, type DigestFilter } from './filter.ts';
import { factSnapshot, type FactSnapshot } from './snapshot.ts';
import type { Digest } from './types.ts';
import { changesInWindow } from './window.ts';

/** The window, filter and baseline of a digest. */
export interface DigestOptions {
  /** ISO days, inclusive. */
  from: string;
  to: string;
  filter?: string | DigestFilter | null;
  /** The facts the reader last saw; omit for a window-only digest. */
  since?: FactSnapshot | null;
  /** How imprecise dates count (see WindowOptions); scheduled digests use "start". */
  imprecise?: 'overlap' | 'start';
}

/** The digest for a window (and, given `since`, the fact changes since then). Throws FilterError for an unknown filter. */
export function buildDigest(knowledge: Knowledge, options: DigestOptions): Digest {
  const filter = typeof options.filter === 'string' ? resolveFilter(knowledge, options.filter) : (options.filter ?? null);
  const events = changesInWindow(knowledge, { from: options.from, to: options.to, filter, imprecise: options.imprecise });
  const changes = options.since
    ? diffSnapshots(options.since, factSnapshot(knowledge), knowledge)
        .filter((e) => matchesFilter(e, filter))
        .map((e) => fileUnderFilter(e, filter))
    : [];
  return {
    from: options.from,
    to: options.to,
    filter: filter?.label ?? null,
    events,
    changes,
    knowledgeId: knowledge.id,
    knowledgeAsOf: knowledge.asOf,
    sourcesAsOf: newestSourceLabel(knowledge),
    registerAsOf: newestRegisterLabel(knowledge),
  };
}

/** True when a digest has nothing to report. */
export function isQuiet(digest: Digest): boolean {
  return digest.events.length === 0 && digest.changes.length === 0;
}
