/** Registers the slash command listeners. */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { COMMAND, commissioningCommand } from './commissioning.ts';

/** /commissioning. */
export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(COMMAND, commissioningCommand(deps));
}
