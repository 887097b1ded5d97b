/**
 * `/commissioning <word> …` subcommands beyond ask, org and help. Each app has its own registry:
 * createSlackApp registers `digest` in it, and tests may add their own. The Slack layer acks the
 * command first, then calls the handler, which replies with `respond()` or the Web API client.
 */
import type { Logger, RespondFn, SlashCommand, webApi } from '@slack/bolt';
import type { AnswerEngine } from './engineContract.ts';

/** Everything a subcommand handler gets. The command has already been acknowledged. */
export interface SubcommandContext {
  /** Text after the subcommand word, trimmed ("weekly #channel" for `/commissioning digest weekly #channel`). */
  args: string;
  /** The full slash-command payload (user_id, channel_id, team_id, response_url …). */
  command: SlashCommand;
  respond: RespondFn;
  client: webApi.WebClient;
  logger: Logger;
  engine: AnswerEngine;
}

/** Handles one subcommand; errors it throws are logged and the user gets a polite message. */
export type SubcommandHandler = (ctx: SubcommandContext) => Promise<void>;

/** Words the command itself owns; a module cannot take them over. */
export const RESERVED_SUBCOMMANDS = ['ask', 'org', 'help'] as const;

/** A name → handler map for `/commissioning` subcommands. */
export class SubcommandRegistry {
  private readonly handlers = new Map<string, SubcommandHandler>();

  /** Registers (or replaces) the handler for `name` (one word, case-insensitive). */
  register(name: string, handler: SubcommandHandler): void {
    const key = name.trim().toLowerCase();
    if (!/^[a-z][a-z0-9-]*$/.test(key)) throw new Error(`Subcommand name "${name}" must be one word of letters, digits or dashes.`);
    if ((RESERVED_SUBCOMMANDS as readonly string[]).includes(key)) {
      throw new Error(`Subcommand "${key}" is built into /commissioning and cannot be registered.`);
    }
    this.handlers.set(key, handler);
  }

  /** The handler for `name`, if one is registered. */
  get(name: string): SubcommandHandler | undefined {
    return this.handlers.get(name.toLowerCase());
  }

  /** True when `name` is registered. */
  has(name: string): boolean {
    return this.handlers.has(name.toLowerCase());
  }
}
