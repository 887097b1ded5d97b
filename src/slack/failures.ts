/**
 * What went wrong talking to Slack, in words a person can act on. Listeners log the technical
 * detail and show `userMessage` where they still have a way to reach the person.
 */
import { webApi } from '@slack/bolt';

/** A classified failure: a short code for logs and a polite sentence for the person. */
export interface SlackFailure {
  code: string;
  userMessage: string;
  retryAfterSeconds?: number;
}

const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found', 'restricted_action', 'is_archived']);

/** Classifies an error thrown by the Web API client (or anything else) into a SlackFailure. */
export function describeFailure(error: unknown): SlackFailure {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    const s = error.retryAfter;
    return {
      code: 'ratelimited',
      retryAfterSeconds: s,
      userMessage: `Slack is limiting how fast I can post right now. Please try again in ${s} second${s === 1 ? '' : 's'}.`,
    };
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = String(error.data.error);
    if (code === 'ratelimited') return { code, userMessage: 'Slack is limiting how fast I can post right now. Please try again in a minute.' };
    if (code === 'is_archived') return { code, userMessage: 'This channel is archived, so I cannot post in it.' };
    if (NOT_A_MEMBER.has(code)) {
      return { code, userMessage: 'I cannot post in this conversation. Invite me with `/invite @Commissioning` and try again.' };
    }
    return { code, userMessage: `Slack did not accept my reply (${code}). Please try again; if it keeps happening, tell the app's maintainers.` };
  }
  if (error instanceof webApi.WebAPIRequestError || error instanceof webApi.WebAPIHTTPError) {
    return { code: 'unreachable', userMessage: 'I could not reach Slack just now. Please try again in a moment.' };
  }
  return { code: 'internal', userMessage: 'Sorry, something went wrong while answering. It has been logged; please try again.' };
}

/** A one-line description for logs (never includes tokens or message text). */
export function logLine(what: string, error: unknown): string {
  const failure = describeFailure(error);
  const detail = error instanceof Error ? error.message : String(error);
  return `${what} failed (${failure.code}): ${detail}`;
}
