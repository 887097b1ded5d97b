/** startSlack: checks the bot token, starts in the configured mode, and says which mode and why. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/slack/app.ts';
import { startSlack } from '../../src/slack/start.ts';
import { captureLogger } from './helpers/captureLogger.ts';
import { fakeEngine } from './helpers/fakeEngine.ts';
import { slashCommand } from './helpers/payloads.ts';
import { signedHeaders, TEST_SIGNING_SECRET } from './helpers/signing.ts';
import { startSlackStub, type SlackStub } from './helpers/slackStub.ts';
import { freePort } from './helpers/testApp.ts';

let stub: SlackStub;
beforeAll(async () => {
  stub = await startSlackStub();
});
afterAll(async () => {
  await stub?.close();
});

describe('startSlack', () => {
  it('HTTP mode: verifies the token, listens on the port, logs the mode and the reason, and answers', async () => {
    const logger = captureLogger();
    const port = await freePort();
    const running = await startSlack(
      {
        mode: 'http',
        botToken: 'xoxb-1-test',
        signingSecret: TEST_SIGNING_SECRET,
        port,
        slackApiUrl: stub.apiUrl,
        reason: 'SLACK_APP_TOKEN is not set and SLACK_SIGNING_SECRET is',
      },
      fakeEngine(),
      { logger },
    );
    try {
      expect(stub.callsTo('auth.test')).toHaveLength(1);
      expect(logger.text('info')).toContain(
        `Slack: HTTP on port ${port}, Slack posts to /slack/events (SLACK_APP_TOKEN is not set and SLACK_SIGNING_SECRET is); connected as @commissioning in Test NHS.`,
      );
      const body = new URLSearchParams(slashCommand('help', stub.responseUrl('started'))).toString();
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) },
        body,
      });
      expect(res.status).toBe(200);
      await stub.waitFor(() => stub.responses.find((r) => r.id === 'started'));
    } finally {
      await running.stop();
    }
  });

  it('refuses to start with a token Slack rejects, saying what to check', async () => {
    stub.fail('auth.test', { error: 'invalid_auth' });
    await expect(
      startSlack(
        { mode: 'http', botToken: 'xoxb-1-wrong', signingSecret: TEST_SIGNING_SECRET, port: 0, slackApiUrl: stub.apiUrl, reason: 'test' },
        fakeEngine(),
        { logger: captureLogger() },
      ),
    ).rejects.toThrow(/Slack did not accept SLACK_BOT_TOKEN \(auth\.test: invalid_auth\)/);
  });

  it('createSlackApp builds a Socket Mode app when given an app token, and refuses a config with neither', () => {
    expect(() =>
      createSlackApp({ engine: fakeEngine(), botToken: 'xoxb-1', appToken: 'xapp-1-test', slackApiUrl: stub.apiUrl, logger: captureLogger() }),
    ).not.toThrow();
    expect(() => createSlackApp({ engine: fakeEngine(), botToken: 'xoxb-1' })).toThrow(/appToken \(Socket Mode\) or signingSecret \(HTTP mode\)/);
  });
});
