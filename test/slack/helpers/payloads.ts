/** Builders for the payloads Slack sends: slash commands, Events API callbacks, block_actions, view submissions. */

/** Ids the fake workspace uses (the bot user and bot ids match the Slack stub's auth.test). */
export const TEAM = 'T0TEST';
export const USER = 'U0ASKER';
export const CHANNEL = 'C0GENERAL';
export const BOT_USER = 'UBOT';
export const BOT_ID = 'BBOT';
export const APP_ID = 'A0COMMISSIONING';

/** Form fields of a `/commissioning <text>` invocation. */
export function slashCommand(text: string, responseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'test-nhs',
    channel_id: CHANNEL,
    channel_name: 'general',
    user_id: USER,
    user_name: 'ann',
    command: '/commissioning',
    text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1234.5678.abcd',
    ...overrides,
  };
}

let eventCounter = 0;

/** A unique event id (Ev…), as Slack gives each delivery of an event. */
export const nextEventId = () => `Ev0TEST${String(++eventCounter).padStart(6, '0')}`;

/** An Events API event_callback wrapping `event`. */
export function eventCallback(event: Record<string, unknown>, eventId = nextEventId()): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** An app_mention in CHANNEL, optionally inside a thread. */
export function appMention(text: string, ts: string, threadTs?: string): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: USER,
    text,
    ts,
    channel: CHANNEL,
    event_ts: ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
}

/** A message in the person's DM with the app (channel_type im). */
export function directMessage(text: string, ts: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'message', channel: 'D0DIRECT', channel_type: 'im', user: USER, text, ts, event_ts: ts, ...extra };
}

/** Where a clicked button sits. */
export interface ClickPlace {
  responseUrl: string;
  ephemeral: boolean;
  channel?: string;
  messageTs?: string;
  threadTs?: string;
  /** The blocks of the message the button sits on (Slack sends them for channel messages). */
  blocks?: unknown[];
}

/** The parts of a rendered button a click payload carries. */
export interface ClickedButton {
  type?: string;
  action_id?: string;
  text?: unknown;
  value?: string;
}

/** A block_actions payload for clicking `button` (taken from a rendered message). */
export function blockActions(button: ClickedButton, place: ClickPlace, user = USER): Record<string, unknown> {
  const channel = place.channel ?? CHANNEL;
  const messageTs = place.messageTs ?? '1700000000.000001';
  return {
    type: 'block_actions',
    user: { id: user, username: 'ann', name: 'ann', team_id: TEAM },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: place.ephemeral },
    trigger_id: '1234.5678.abcd',
    team: { id: TEAM, domain: 'test-nhs' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'general' },
    ...(place.ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            user: BOT_USER,
            bot_id: BOT_ID,
            ts: messageTs,
            ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
            ...(place.blocks ? { blocks: place.blocks } : {}),
          },
        }),
    response_url: place.responseUrl,
    actions: [
      {
        action_id: button.action_id,
        block_id: 'answer_actions',
        text: button.text,
        value: button.value,
        type: 'button',
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
}

/** A view_submission of the 👎 "What was wrong?" modal, with the metadata views.open was given. */
export function feedbackModalSubmission(privateMetadata: string, reason: string | null, note = '', user = USER): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'test-nhs' },
    user: { id: user, username: 'ann', name: 'ann', team_id: TEAM },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    trigger_id: '1234.5678.abcd',
    view: {
      id: 'V0FEEDBACK',
      team_id: TEAM,
      type: 'modal',
      callback_id: 'feedback_modal',
      blocks: [],
      state: {
        values: {
          reason: { reason_input: { type: 'radio_buttons', selected_option: reason ? { value: reason, text: { type: 'plain_text', text: reason } } : null } },
          note: { note_input: { type: 'plain_text_input', value: note } },
        },
      },
      hash: 'h',
      private_metadata: privateMetadata,
      app_id: APP_ID,
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** A view_submission of the App Home's ask modal with `question` typed in. */
export function askModalSubmission(question: string): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'test-nhs' },
    user: { id: USER, username: 'ann', name: 'ann', team_id: TEAM },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    trigger_id: '1234.5678.abcd',
    view: {
      id: 'V0MODAL',
      team_id: TEAM,
      type: 'modal',
      callback_id: 'ask_modal',
      blocks: [],
      state: { values: { question: { question_input: { type: 'plain_text_input', value: question } } } },
      hash: 'h',
      private_metadata: '',
      app_id: APP_ID,
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}
