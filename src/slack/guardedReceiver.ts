/**
 * Bolt's HTTP receiver with a guard in front of its events endpoint, for what Bolt itself lets through:
 * a signed body that parses to JSON null (Bolt reads `body.ssl_check` of it and the rejection kills the
 * process), arrays and other non-objects (400 at once), and timestamps more than five minutes in the
 * future (Bolt refuses only stale ones; a future one could be replayed for as long as it is ahead).
 * Everything else, signature checks included, stays Bolt's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, type HTTPReceiverOptions, type Logger } from '@slack/bolt';

/** How far a request's timestamp may be from our clock, either way (Slack's rule for stale requests). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** HTTPReceiver options, plus the clock the timestamp check reads (tests move it). */
export interface GuardedReceiverOptions extends HTTPReceiverOptions {
  endpoints: string;
  now?: () => number;
}

/** An HTTPReceiver that refuses future timestamps and non-object bodies before Bolt sees them. */
export class GuardedHTTPReceiver extends HTTPReceiver {
  constructor(options: GuardedReceiverOptions) {
    super(options);
    const bolt = this.requestListener;
    const log: Pick<Logger, 'warn' | 'error'> = options.logger ?? console;
    const now = options.now ?? Date.now;
    this.requestListener = (req, res) => {
      if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== options.endpoints) return bolt(req, res);
      screen(req, res, options.signingSecret, now, log).then(
        (pass) => {
          if (pass) bolt(req, res);
        },
        (error: unknown) => {
          log.error(`Could not screen a Slack request: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 400);
        },
      );
    };
  }
}

/** Answers the requests the guard refuses and returns false; true hands the request (its body buffered) on to Bolt. */
async function screen(req: IncomingMessage, res: ServerResponse, signingSecret: string, now: () => number, log: Pick<Logger, 'warn'>): Promise<boolean> {
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (Number.isFinite(timestamp) && timestamp > now() / 1000 + MAX_CLOCK_SKEW_SECONDS) {
    log.warn(`Refused a Slack request timestamped ${Math.round(timestamp - now() / 1000)} s in the future (more than ${MAX_CLOCK_SKEW_SECONDS} s ahead).`);
    HTTPModuleFunctions.buildNoBodyResponse(res, 401);
    return false;
  }
  try {
    await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
  } catch (error) {
    const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && (error as { statusCode?: number }).statusCode === 413;
    log.warn(
      `Refused a Slack request: ${tooLarge ? 'the body is larger than 4 MB' : `its body could not be read (${error instanceof Error ? error.message : String(error)})`}.`,
    );
    HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 400);
    return false;
  }
  let body: unknown;
  try {
    // Verified as Bolt will (it reuses the buffered body): only a signed body is worth a 400.
    const buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ enabled: true, signingSecret }, req);
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return true; // Bolt answers these itself: 401 for a bad signature, 413 too large, 400 not JSON
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    log.warn(`Refused a signed Slack request whose body is ${body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`}, not an object.`);
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end('Malformed Slack payload');
    return false;
  }
  return true;
}
