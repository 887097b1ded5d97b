/**
 * Single-workspace authorisation: the bot token plus the bot's own user and bot ids, looked up
 * once with auth.test on first use (and again only after a failure). Nothing runs at construction,
 * so an unreachable Slack can never surface as an unhandled rejection.
 */
import type { Authorize, AuthorizeResult, webApi } from '@slack/bolt';

interface BotIdentity {
  botUserId?: string;
  botId?: string;
}

/** An Authorize function for one bot token, caching the auth.test result. */
export function botTokenAuthorize(client: webApi.WebClient, botToken: string): Authorize<boolean> {
  let identity: Promise<BotIdentity> | undefined;
  return async (): Promise<AuthorizeResult> => {
    identity ??= client.auth.test({ token: botToken }).then((r) => ({
      botUserId: typeof r.user_id === 'string' ? r.user_id : undefined,
      botId: typeof r.bot_id === 'string' ? r.bot_id : undefined,
    }));
    try {
      return { botToken, ...(await identity) };
    } catch (error) {
      identity = undefined;
      throw error;
    }
  };
}
