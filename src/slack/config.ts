/**
 * Reads the Slack settings from the environment and decides how to run: Socket Mode when
 * SLACK_APP_TOKEN is set, HTTP when SLACK_SIGNING_SECRET is set instead, the local console when
 * no Slack setting is present, or an error that names the variable and says what to set.
 */
import { z } from 'zod';

/** The decision, with the reason it was taken (for the start-up log). */
export type SlackConfig =
  | { mode: 'console'; reason: string }
  | { mode: 'socket'; botToken: string; appToken: string; slackApiUrl?: string; reason: string }
  | { mode: 'http'; botToken: string; signingSecret: string; port: number; slackApiUrl?: string; reason: string }
  | { mode: 'error'; message: string; problems: string[] };

/** The environment variables read here. */
export const SLACK_ENV_VARS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL', 'PORT'] as const;

const DEFAULT_PORT = 3000;

const botToken = z
  .string({ error: 'SLACK_BOT_TOKEN is not set. Set it to the Bot User OAuth Token (starts with xoxb-) from the app\'s "OAuth & Permissions" page.' })
  .regex(/^xoxb-[A-Za-z0-9-]+$/, {
    error: (issue) =>
      `SLACK_BOT_TOKEN should be the Bot User OAuth Token, which starts with xoxb- (this one starts with "${prefix(issue.input)}"). Copy it from "OAuth & Permissions".`,
  });

const appToken = z.string().regex(/^xapp-[A-Za-z0-9-]+$/, {
  error: (issue) =>
    `SLACK_APP_TOKEN should be an app-level token, which starts with xapp- (this one starts with "${prefix(issue.input)}"). Create one with the connections:write scope under "Basic Information" → "App-Level Tokens", or unset SLACK_APP_TOKEN to run over HTTP.`,
});

const signingSecret = z
  .string({
    error:
      'SLACK_SIGNING_SECRET is not set. For HTTP mode, set it to the Signing Secret from "Basic Information" → "App Credentials"; or set SLACK_APP_TOKEN (xapp-…) to use Socket Mode instead.',
  })
  .regex(/^\S{8,}$/, { error: 'SLACK_SIGNING_SECRET looks wrong (it should be the 32-character Signing Secret from "Basic Information", with no spaces).' });

const port = z.coerce
  .number({ error: 'PORT must be a whole number between 0 and 65535, e.g. PORT=3000.' })
  .int({ error: 'PORT must be a whole number between 0 and 65535, e.g. PORT=3000.' })
  .min(0, { error: 'PORT must be a whole number between 0 and 65535, e.g. PORT=3000.' })
  .max(65535, { error: 'PORT must be a whole number between 0 and 65535, e.g. PORT=3000.' });

const apiUrl = z
  .string()
  .regex(/^https?:\/\/[^\s]+$/, { error: 'SLACK_API_URL must be an http(s) URL ending in /api/, e.g. https://slack.com/api/.' })
  .transform((url) => (url.endsWith('/') ? url : `${url}/`));

function prefix(input: unknown): string {
  return typeof input === 'string' ? input.slice(0, 5) : typeof input;
}

/** Reads the Slack configuration from `env` (default process.env). Empty values count as unset. */
export function readSlackConfig(env: Record<string, string | undefined> = process.env): SlackConfig {
  const get = (name: (typeof SLACK_ENV_VARS)[number]) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const slackVars = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL'] as const;
  if (slackVars.every((name) => get(name) === undefined)) {
    return { mode: 'console', reason: 'no SLACK_* variables are set' };
  }
  const problems: string[] = [];
  const check = <T>(schema: z.ZodType<T>, value: string | undefined): T | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    problems.push(...result.error.issues.map((issue) => issue.message));
    return undefined;
  };

  const bot = check(botToken, get('SLACK_BOT_TOKEN'));
  const url = get('SLACK_API_URL') === undefined ? undefined : check(apiUrl, get('SLACK_API_URL'));
  const urlPart = url ? { slackApiUrl: url } : {};
  if (get('SLACK_APP_TOKEN') !== undefined) {
    const app = check(appToken, get('SLACK_APP_TOKEN'));
    if (problems.length > 0 || !bot || !app) return failure(problems);
    return { mode: 'socket', botToken: bot, appToken: app, ...urlPart, reason: 'SLACK_APP_TOKEN is set' };
  }
  const secret = check(signingSecret, get('SLACK_SIGNING_SECRET'));
  const portValue = get('PORT') === undefined ? DEFAULT_PORT : check(port, get('PORT'));
  if (problems.length > 0 || !bot || !secret || portValue === undefined) return failure(problems);
  return {
    mode: 'http',
    botToken: bot,
    signingSecret: secret,
    port: portValue,
    ...urlPart,
    reason: 'SLACK_APP_TOKEN is not set and SLACK_SIGNING_SECRET is',
  };
}

function failure(problems: string[]): SlackConfig {
  const list = problems.map((p) => `  - ${p}`).join('\n');
  return {
    mode: 'error',
    problems,
    message: `The Slack settings need fixing:\n${list}\nSee "Setting it up in Slack" in README.md. Unset every SLACK_* variable to use the local console instead.`,
  };
}
