/**
 * The benchmark's small mode, run in CI so it never rots: every corpus size yields numbers and the
 * report has the shape `npm run bench -- --json` prints. No timing assertions (the machine varies).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, runBench, SMALL, type BenchReport } from '../bench/run.ts';

const outDir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const positive = expect.any(Number);

describe('npm run bench -- --small', () => {
  it('reads --small, --json and BENCH_SMALL=1 as the small mode without the load test', () => {
    expect(parseArgs(['--small', '--json'])).toMatchObject({ ...SMALL, json: true, mode: 'small', load: false, sizesToo: true });
    expect(parseArgs([], { BENCH_SMALL: '1' })).toMatchObject({ sizes: SMALL.sizes, mode: 'small' });
    expect(parseArgs(['--load'])).toMatchObject({ load: true, sizesToo: false });
  });

  it('measures every corpus size and reports one JSON object', async () => {
    const report: BenchReport = JSON.parse(JSON.stringify(await runBench({ ...parseArgs(['--small', '--out', outDir]), log: () => {} })));
    expect(report.mode).toBe('small');
    expect(report.machine).toEqual({ cpus: positive, cpuModel: expect.any(String), memoryGb: positive, node: process.version });
    expect(report.sizes.map((s) => s.size)).toEqual(SMALL.sizes);
    for (const s of report.sizes) {
      expect(s.build.passages).toBe(s.size);
      expect(s.build).toMatchObject({ loadMs: positive, indexMs: positive, snapshotBytes: positive, knowledgeCacheBytes: positive, maxRssMb: positive });
      // A Zipf vocabulary: far more distinct words than the commissioning phrases alone hold.
      expect(s.build.vocabulary).toBeGreaterThan(s.size);
      expect(s.build.heapLimitMb).toBeGreaterThanOrEqual(4000);
      // The serving process started from both snapshots the build process wrote.
      expect(s.serve.cache).toEqual({ knowledge: 'hit', index: 'hit' });
      expect(s.serve.readyMs).toBeGreaterThan(s.serve.engineReadyMs);
      expect(s.serve).toMatchObject({ retainedMb: positive, indexesMb: positive, startPeakRssMb: positive, servingRssMb: positive });
      expect(s.serve.engine.count).toBe(SMALL.questions);
      expect(s.serve.engine.p99).toBeGreaterThanOrEqual(s.serve.engine.p50);
      expect(Object.keys(s.serve.byKind)).toEqual(expect.arrayContaining(['org', 'passage', 'out-of-scope', 'typo']));
      expect(s.serve.answered).toBeGreaterThan(0);
      expect(s.serve.answered).toBeLessThan(SMALL.questions); // off-topic questions are declined
      expect(s.anchorsError).toBeUndefined();
      for (const anchor of [s.flexsearch!, s.minisearch!]) {
        expect(anchor).toMatchObject({ buildMs: positive, retainedMb: positive, p50Ratio: positive, memoryRatio: positive });
        expect(anchor.search.count).toBe(anchor.engineOnSample.count);
        expect(anchor.search.count).toBeGreaterThan(0);
      }
    }
  }, 180_000);
});
