/**
 * Payloads Bolt cannot route (garbage, or missing the fields a kind of request must have) are
 * refused with 400 at once, instead of waiting for Bolt's 3-second "not acknowledged" timeout.
 */
import type { App, ReceiverEvent } from '@slack/bolt';

/** Thrown for a payload that is not a well-formed Slack request; receivers answer 400. */
export class MalformedPayloadError extends Error {
  override name = 'MalformedPayloadError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === 'string' && v.length > 0;

/**
 * Why a body is not a request Bolt can dispatch, or null when it is fine. Beyond each kind's own
 * fields, the ones Bolt reads to route a request (user, team, channel, item, authorizations…) must have
 * the shape Slack gives them: Bolt dereferences them unchecked, and a null there was a 500.
 */
export function malformedReason(body: unknown): string | null {
  if (!isObject(body)) return 'the body is not an object';
  if ('event' in body) {
    const event = body.event;
    if (!isObject(event) || !isText(event.type)) return 'an Events API body without an event type';
    return eventShape(body, event);
  }
  if ('command' in body) {
    if (!isText(body.command)) return 'a slash command without a command name';
    if (!isText(body.user_id)) return 'a slash command without user_id';
    return ['team_id', 'channel_id', 'text', 'response_url'].find((k) => k in body && typeof body[k] !== 'string')
      ? 'a slash command with a field that is not text'
      : null;
  }
  if ('actions' in body) {
    const actions = body.actions;
    if (!Array.isArray(actions) || actions.length === 0 || !isObject(actions[0])) return 'an interaction without actions';
    if (!isText(actions[0].action_id) && !isText(actions[0].name)) return 'an action without action_id';
    return interactionShape(body);
  }
  const type = body.type;
  if (type === 'view_submission' || type === 'view_closed') return isObject(body.view) ? interactionShape(body) : 'a view payload without a view';
  if (type === 'shortcut' || type === 'message_action' || type === 'block_suggestion' || type === 'dialog_submission') return interactionShape(body);
  if ('name' in body) return interactionShape(body); // options requests (external selects)
  return 'an unrecognised payload';
}

const isTextOrObject = (v: unknown) => typeof v === 'string' || isObject(v);

/** The routing fields of an event: user and channel text or objects, item and subteam objects, authorizations a list of objects. */
function eventShape(body: Record<string, unknown>, event: Record<string, unknown>): string | null {
  for (const k of ['user', 'channel'] as const) if (k in event && !isTextOrObject(event[k])) return `an event whose ${k} is neither an id nor an object`;
  for (const k of ['item', 'subteam'] as const) if (k in event && !isObject(event[k])) return `an event whose ${k} is not an object`;
  if ('channel_id' in event && typeof event.channel_id !== 'string') return 'an event whose channel_id is not text';
  if ('authorizations' in body && (!Array.isArray(body.authorizations) || !body.authorizations.every(isObject)))
    return 'an event whose authorizations are not a list of objects';
  if ('team_id' in body && body.team_id !== null && typeof body.team_id !== 'string') return 'an event whose team_id is not text';
  return null;
}

/** The routing fields of an interaction: a user object always; team and enterprise objects or null; channel, message, container objects. */
function interactionShape(body: Record<string, unknown>): string | null {
  if (!isObject(body.user)) return 'an interaction without a user';
  for (const k of ['team', 'enterprise'] as const) if (k in body && body[k] !== null && !isObject(body[k])) return `an interaction whose ${k} is not an object`;
  for (const k of ['channel', 'message', 'container', 'function_data'] as const)
    if (k in body && !isObject(body[k])) return `an interaction whose ${k} is not an object`;
  if ('response_urls' in body && (!Array.isArray(body.response_urls) || !body.response_urls.every(isObject)))
    return 'an interaction whose response_urls are not a list of objects';
  return null;
}

/** Makes `app` throw MalformedPayloadError for undispatchable bodies (the receiver's error handler answers). */
export function refuseMalformedPayloads(app: App): void {
  const dispatch = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent): Promise<void> => {
    const reason = malformedReason(event.body);
    if (reason) throw new MalformedPayloadError(`Refused ${reason}.`);
    return dispatch(event);
  };
}

/**
 * Acknowledges any request no listener acknowledged (an unknown action, view, shortcut or command), as
 * soon as the listeners are done, instead of Bolt's 3-second wait and 404.
 */
export function ackUnhandledRequests(app: App): void {
  const dispatch = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent): Promise<void> => {
    let acked = false;
    const ack = event.ack;
    const tracked: ReceiverEvent = {
      ...event,
      ack: async (response) => {
        acked = true;
        return ack(response);
      },
    };
    await dispatch(tracked);
    if (!acked) {
      app.logger.debug(`No listener acknowledged a ${describe(event.body)}; acknowledged it.`);
      await ack();
    }
  };
}

function describe(body: unknown): string {
  const b: Record<string, unknown> = isObject(body) ? body : {};
  const field = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined);
  const firstAction = Array.isArray(b.actions) ? b.actions[0] : undefined;
  const id = field(firstAction, 'action_id') ?? field(b.view, 'callback_id') ?? b.callback_id ?? b.command ?? b.action_id;
  return `${typeof b.type === 'string' ? b.type : 'request'}${typeof id === 'string' ? ` (${id.slice(0, 80)})` : ''}`;
}
