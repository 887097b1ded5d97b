/** Signing requests exactly as Slack does: v0=HMAC-SHA256(secret, "v0:<timestamp>:<raw body>"). */
import { createHmac } from 'node:crypto';

/** The signing secret the test apps use. */
export const TEST_SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

/** Seconds since the epoch, as Slack puts in x-slack-request-timestamp. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The x-slack-signature for `body` at `timestamp`. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Both signature headers for `body` (timestamp defaults to now). */
export function signedHeaders(body: string, secret = TEST_SIGNING_SECRET, timestamp = nowSeconds()): Record<string, string> {
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(secret, timestamp, body),
  };
}
