/**
 * `npm run build-index`: loads and validates the knowledge, builds the passage index, and writes both
 * snapshots a start reads (the validated knowledge and the binary passage index, each keyed by the
 * knowledge's content hash) into the cache folder `npm start` uses. Run it at deploy, so no replica
 * builds on its first start.
 */
import { join, relative } from 'node:path';
import { statSync } from 'node:fs';
import { loadKnowledge } from '../knowledge/knowledge.ts';
import { saveKnowledge } from '../knowledge/knowledgeCache.ts';
import { saveSnapshot } from '../search/indexCache.ts';
import { linksFile, loadOrBuildLinks } from '../search/linkCache.ts';
import { passageWordCounts } from '../search/indexes.ts';
import { STOP_WORDS } from '../search/text.ts';
import { wordList } from '../search/vocabulary.ts';
import { buildBinaryPassageIndex } from '../search/passageIndex.ts';

export const BUILD_INDEX_USAGE = 'usage: npm run build-index -- [--knowledge DIR] [--cache DIR]   (cache: DATA_DIR/index-cache, default data/index-cache)';

/** The cache folder `npm start` reads its snapshots from. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DATA_DIR || 'data', 'index-cache');
}

/** Builds and writes the snapshots; `rest` holds the arguments after the command. Returns the exit code. */
export function buildIndex(knowledgeDir: string | undefined, rest: string[], out: (line: string) => void, err: (line: string) => void): number {
  let cacheDir = defaultCacheDir();
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--cache' && rest[i + 1]) cacheDir = rest[++i];
    else {
      err(`build-index: unknown argument "${rest[i]}"\n${BUILD_INDEX_USAGE}`);
      return 2;
    }
  }
  const t = performance.now();
  const knowledge = loadKnowledge(knowledgeDir);
  const loaded = performance.now();
  const index = buildBinaryPassageIndex(knowledge.passages);
  const words = wordList(passageWordCounts(knowledge.passages), STOP_WORDS);
  const built = performance.now();
  loadOrBuildLinks(knowledge, cacheDir);
  const files = [saveKnowledge(knowledge, cacheDir), saveSnapshot({ index, words }, knowledge, cacheDir), linksFile(knowledge, cacheDir)];
  const seconds = (a: number, b: number) => ((b - a) / 1000).toFixed(1);
  out(
    `Knowledge ${knowledge.id}: ${knowledge.documents.size} documents, ${knowledge.passages.length} passages, ${index.data.terms.length} index terms (loaded and validated in ${seconds(t, loaded)} s, indexed in ${seconds(loaded, built)} s).`,
  );
  for (const f of files) out(`  wrote ${relative(process.cwd(), f) || f} (${(statSync(f).size / 2 ** 20).toFixed(1)} MB)`);
  return 0;
}
