/** The App Home tab: publish what the bot knows, how to ask, and the channel digests. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderHome, type DigestSubscriptionSummary } from '../../../render/homeBlocks.ts';
import type { SlackDeps } from '../../deps.ts';
import { logLine } from '../../failures.ts';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

/** Handles app_home_opened on the Home tab: views.publish of a freshly rendered Home view. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client, logger }: Args): Promise<void> => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    if (typeof event.user !== 'string') return;
    let subscriptions: DigestSubscriptionSummary[] | null = null;
    if (deps.subscriptionsProvider) {
      try {
        subscriptions = await deps.subscriptionsProvider();
      } catch (error) {
        logger.error(`Listing digest subscriptions for the App Home failed: ${String(error)}`);
      }
    }
    try {
      const view = renderHome(deps.engine.overview(), subscriptions);
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      logger.error(logLine(`views.publish for ${event.user}`, error));
    }
  };
}
