/**
 * Posting digests through their own WebClient (never Bolt's), so a rate limit on a digest cannot
 * stall interactive replies. The client does no retrying of its own: this module waits out a 429's
 * Retry-After (a bounded number of times), retries network and 5xx errors of reads briefly, and sorts
 * every other failure into "pause the subscription" (the channel is gone or closed to us) or "give up".
 * A chat.postMessage that times out, loses its connection or gets a 5xx may still have posted: it is
 * never retried here but reported as `unknown`, so the runner looks in the channel before re-sending.
 */
import { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

/** The message metadata type every digest part carries, so a restart can find what was already posted. */
export const DIGEST_EVENT_TYPE = 'commissioning_digest';

/** Errors that mean the channel will not take digests until someone acts: the subscription is paused. */
const PAUSING: Record<string, string> = {
  not_in_channel: 'the app is not in the channel: invite it (/invite @Commissioning), then run /commissioning digest resume',
  channel_not_found: 'the channel was not found (deleted, or private and the app is not in it)',
  is_archived: 'the channel is archived',
  restricted_action: 'posting in the channel is restricted',
};
/** Errors about the app's token: nothing will post until it is fixed, so the run stops. */
const FATAL = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'missing_scope']);

/**
 * Why a call failed: `pause` (with a reason people read), `retryable` (try again later), `fatal` (the
 * token), `permanent` (give up on this digest), or `unknown`: a post whose outcome is not known (no
 * reply, a dropped connection, a 5xx), which Slack may have accepted.
 */
export class DigestPostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: 'pause' | 'retryable' | 'fatal' | 'permanent' | 'unknown',
  ) {
    super(message);
    this.name = 'DigestPostError';
  }
}

/** How long a digest call waits for Slack's reply: well inside the 3-minute digest lease (Node's own default is 300 s). */
export const DIGEST_CALL_TIMEOUT_MS = 20_000;

/** The digest WebClient: SLACK_API_URL honoured, a reply timeout, the client's own retries and rate-limit waits off. */
export function createDigestClient(token: string, slackApiUrl?: string, options: { timeoutMs?: number } = {}): WebClient {
  return new webApi.WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl: slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/` } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? DIGEST_CALL_TIMEOUT_MS,
  });
}

/** Bounds on waiting and retrying (and the sleep, for tests). */
export interface PosterOptions {
  /** How many 429s to wait out per call (default 3). */
  maxRateLimitWaits?: number;
  /** The longest Retry-After worth waiting for (default 120 s); longer ones fail the call as retryable. */
  maxWaitMs?: number;
  /** Retries of network and 5xx errors per call (default 2). */
  transientRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** How long a call waits for Slack's reply before its outcome counts as unknown (default 20 s). */
  replyTimeoutMs?: number;
  /**
   * Resolves when a call of `method` has waited long enough (default: after `ms`); the call then fails
   * as if its reply were lost. Tests resolve it on the event itself (the stub holding the reply).
   */
  replyTimeout?: (ms: number, method: string) => Promise<void>;
}

/** What identifies a digest part in message metadata. */
export interface DigestMark {
  ledgerId: number;
  subscriptionId: number;
  periodKey: string;
  part: number;
}

/** Posts digest parts and looks for parts already posted. */
export class DigestPoster {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    readonly client: WebClient,
    private readonly options: PosterOptions = {},
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Posts one part (in the thread of `threadTs` when given); returns its ts, or throws DigestPostError. */
  async post(channel: string, message: { text: string; blocks: unknown[] }, mark: DigestMark, threadTs?: string): Promise<string> {
    const result = await this.call('chat.postMessage', () =>
      this.client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks as never,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        metadata: {
          event_type: DIGEST_EVENT_TYPE,
          event_payload: { ledger_id: mark.ledgerId, subscription_id: mark.subscriptionId, period_key: mark.periodKey, part: mark.part },
        },
      }),
    );
    return String(result.ts);
  }

  /**
   * Looks in the channel (part 0) or the digest's thread (later parts) for a part already posted, by
   * its metadata; returns its ts or null. Throws DigestPostError when Slack will not say.
   */
  async findPosted(channel: string, mark: DigestMark, since: Date, threadTs?: string | null): Promise<string | null> {
    const oldest = String(Math.floor(since.getTime() / 1000) - 60);
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await this.call(threadTs ? 'conversations.replies' : 'conversations.history', () =>
        threadTs
          ? this.client.conversations.replies({ channel, ts: threadTs, oldest, include_all_metadata: true, limit: 200, cursor })
          : this.client.conversations.history({ channel, oldest, include_all_metadata: true, limit: 200, cursor }),
      );
      for (const m of (res.messages ?? []) as { ts?: string; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }[]) {
        const p = m.metadata?.event_type === DIGEST_EVENT_TYPE ? m.metadata.event_payload : undefined;
        if (p && Number(p.ledger_id) === mark.ledgerId && Number(p.part ?? 0) === mark.part && String(p.period_key) === mark.periodKey) return m.ts ?? null;
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return null;
  }

  /** `fn`'s result, or a request error once the reply timeout passes (the call itself is left to finish or fail unseen). */
  private async replyWithin<T>(method: string, fn: () => Promise<T>): Promise<T> {
    const ms = this.options.replyTimeoutMs ?? DIGEST_CALL_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const waited =
      this.options.replyTimeout?.(ms, method) ??
      new Promise<void>((r) => {
        timer = setTimeout(r, ms);
      });
    const call = fn();
    call.catch(() => undefined); // a failure after the timeout has nobody left to tell
    try {
      return await Promise.race([
        call,
        waited.then(() => {
          throw Object.assign(new Error(`no reply within ${Math.round(ms / 1000)} s`), { code: 'slack_webapi_request_error' });
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async call<T>(method: string, rawFn: () => Promise<T>): Promise<T> {
    const fn = () => this.replyWithin(method, rawFn);
    const maxWaits = this.options.maxRateLimitWaits ?? 3;
    const maxWaitMs = this.options.maxWaitMs ?? 120_000;
    const transient = this.options.transientRetries ?? 2;
    let waits = 0;
    let retries = 0;
    for (;;) {
      try {
        return await fn();
      } catch (e) {
        const err = e as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
        if (err.code === 'slack_webapi_rate_limited_error') {
          const ms = (err.retryAfter ?? 1) * 1000;
          if (waits >= maxWaits || ms > maxWaitMs)
            throw new DigestPostError(
              'ratelimited',
              `${method}: still rate limited after ${waits} waits (Retry-After ${err.retryAfter ?? '?'} s)`,
              'retryable',
            );
          waits++;
          await this.sleep(ms);
          continue;
        }
        if (err.code === 'slack_webapi_platform_error') {
          const code = err.data?.error ?? 'unknown_error';
          if (PAUSING[code]) throw new DigestPostError(code, PAUSING[code], 'pause');
          if (FATAL.has(code)) throw new DigestPostError(code, `${method}: ${code} — check SLACK_BOT_TOKEN and the app's scopes`, 'fatal');
          if (code === 'internal_error' || code === 'fatal_error' || code === 'service_unavailable') {
            if (method === 'chat.postMessage') throw new DigestPostError(code, `${method}: ${code} (it may have posted)`, 'unknown');
            if (retries++ < transient) {
              await this.sleep(1000 * retries);
              continue;
            }
            throw new DigestPostError(code, `${method}: ${code}`, 'retryable');
          }
          throw new DigestPostError(code, `${method}: ${code}`, 'permanent');
        }
        if (err.code === 'slack_webapi_request_error' || err.code === 'slack_webapi_http_error') {
          // The request may have reached Slack before the reply was lost: only the caller can check.
          if (method === 'chat.postMessage')
            throw new DigestPostError(err.code, `${method}: no reply (${err.message ?? err.code}); it may have posted`, 'unknown');
          if (retries++ < transient) {
            await this.sleep(1000 * retries);
            continue;
          }
          throw new DigestPostError(err.code, `${method}: ${err.message ?? err.code}`, 'retryable');
        }
        throw e;
      }
    }
  }
}
