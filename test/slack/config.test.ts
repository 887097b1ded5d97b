/** Reading the Slack settings from the environment: which mode, and clear errors naming the variable. */
import { describe, expect, it } from 'vitest';
import { readSlackConfig } from '../../src/slack/config.ts';

const BOT = 'xoxb-1234-5678-abcdef';
const APP = 'xapp-1-A0123-456-abcdef';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

describe('readSlackConfig', () => {
  it('console mode when no Slack variable is set (PORT alone does not count)', () => {
    expect(readSlackConfig({}).mode).toBe('console');
    expect(readSlackConfig({ PORT: '8080', SLACK_BOT_TOKEN: '  ' }).mode).toBe('console');
  });

  it('Socket Mode when SLACK_APP_TOKEN is set (the signing secret is then optional)', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toEqual({
      mode: 'socket',
      botToken: BOT,
      appToken: APP,
      reason: 'SLACK_APP_TOKEN is set',
    });
  });

  it('HTTP mode on PORT (default 3000) with the signing secret', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET })).toMatchObject({ mode: 'http', port: 3000, signingSecret: SECRET });
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080' })).toMatchObject({ mode: 'http', port: 8080 });
  });

  it('SLACK_API_URL is passed on, with a trailing slash added', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'http://127.0.0.1:9999/api' })).toMatchObject({
      slackApiUrl: 'http://127.0.0.1:9999/api/',
    });
  });

  it('names the missing bot token and says where to find it', () => {
    const config = readSlackConfig({ SLACK_APP_TOKEN: APP });
    expect(config.mode).toBe('error');
    if (config.mode !== 'error') return;
    expect(config.message).toContain('SLACK_BOT_TOKEN is not set');
    expect(config.message).toContain('xoxb-');
  });

  it('says a token of the wrong kind is wrong, without printing the token', () => {
    const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxp-secret-user-token', SLACK_APP_TOKEN: 'xoxb-not-an-app-token' });
    expect(config.mode).toBe('error');
    if (config.mode !== 'error') return;
    expect(config.problems).toHaveLength(2);
    expect(config.message).toMatch(/SLACK_BOT_TOKEN should be the Bot User OAuth Token, which starts with xoxb-/);
    expect(config.message).toMatch(/SLACK_APP_TOKEN should be an app-level token, which starts with xapp-/);
    expect(config.message).toContain('connections:write');
    expect(config.message).not.toContain('secret-user-token');
  });

  it('HTTP mode without a signing secret explains both ways out', () => {
    const config = readSlackConfig({ SLACK_BOT_TOKEN: BOT });
    expect(config.mode).toBe('error');
    if (config.mode !== 'error') return;
    expect(config.message).toContain('SLACK_SIGNING_SECRET is not set');
    expect(config.message).toContain('SLACK_APP_TOKEN');
  });

  it('rejects a bad PORT and a non-http SLACK_API_URL', () => {
    const config = readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: 'eighty', SLACK_API_URL: 'ftp://x' });
    expect(config.mode).toBe('error');
    if (config.mode !== 'error') return;
    expect(config.message).toContain('PORT must be a whole number');
    expect(config.message).toContain('SLACK_API_URL must be an http(s) URL');
  });
});
