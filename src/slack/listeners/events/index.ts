/** Registers the Events API listeners (one handler per file). */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { appHomeOpened } from './appHomeOpened.ts';
import { appMention } from './appMention.ts';
import { directMessage } from './directMessage.ts';

/** app_mention, message.im and app_home_opened. */
export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('app_mention', appMention(deps));
  app.event('message', directMessage(deps));
  app.event('app_home_opened', appHomeOpened(deps));
}
