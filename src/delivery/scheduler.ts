/**
 * The digest scheduler of the long-running app: a timer (unref'd, so it never keeps the process
 * alive) that wakes every minute and posts what is due. The first tick runs at start, so periods
 * missed while the app was down are caught up at once. Ticks never overlap, and the lock row in the
 * store keeps a second process (or a cron run) from posting at the same time.
 */
import { DIGEST_LOCK, newOwnerId, runDueDigests, type DigestRunDeps, type RunReport } from './run.ts';

/** A pass's dependencies, plus the tick interval and clock. */
export interface SchedulerOptions extends DigestRunDeps {
  /** Milliseconds between ticks (default 60 000). */
  intervalMs?: number;
  /** The clock (tests move it). */
  now?: () => Date;
}

/** A running scheduler. */
export interface DigestScheduler {
  /** Runs one pass now (waits for a pass already running instead of starting another). */
  tick(): Promise<RunReport | null>;
  /** Stops the timer, waits for a running pass, and gives up the lock. */
  stop(): Promise<void>;
  readonly owner: string;
}

/** Starts the scheduler: a first pass at once, then one a minute. */
export function startDigestScheduler(options: SchedulerOptions): DigestScheduler {
  const owner = options.owner ?? newOwnerId();
  const now = options.now ?? (() => new Date());
  const log = options.logger ?? console;
  let running: Promise<RunReport | null> | null = null;
  let stopped = false;

  const tick = (): Promise<RunReport | null> => {
    if (stopped) return Promise.resolve(null);
    if (running) return running;
    running = runDueDigests({ ...options, owner }, now())
      .catch((e: unknown) => {
        log.error(`digests: a scheduled pass failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  timer.unref();
  void tick();

  return {
    owner,
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
      try {
        await options.store.releaseLock(DIGEST_LOCK, owner);
      } catch {
        // the store may already be closed at shutdown; the lease then simply expires
      }
    },
  };
}
