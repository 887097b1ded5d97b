/**
 * GET /healthz on the HTTP receiver, for load balancers: 200 with the knowledge snapshot id when the
 * store answers, 503 (with why) when it does not or the replica is shutting down.
 */
import type { CustomRoute } from '@slack/bolt';

/** The path load balancers probe. */
export const HEALTH_PATH = '/healthz';

/** What the health check reports: which knowledge serves, whether the store answers, and whether the replica is stopping. */
export interface HealthReport {
  ok: boolean;
  knowledge: string;
  store: 'ok' | string;
  stopping?: boolean;
}

/** The custom route answering GET /healthz with `check()`'s report as JSON. */
export function healthRoute(check: () => Promise<HealthReport>): CustomRoute {
  return {
    path: HEALTH_PATH,
    method: ['GET'],
    handler: (_req, res) => {
      check()
        .catch((e: unknown): HealthReport => ({ ok: false, knowledge: 'unknown', store: `health check failed: ${e instanceof Error ? e.message : String(e)}` }))
        .then((report) => {
          res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify(report));
        });
    },
  };
}
