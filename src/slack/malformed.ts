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

/** Why a body is not a request Bolt can dispatch, or null when it is fine. */
export function malformedReason(body: unknown): string | null {
  if (!isObject(body)) return 'the body is not an object';
  if ('event' in body) {
    const event = body.event;
    return isObject(event) && isText(event.type) ? null : 'an Events API body without an event type';
  }
  if ('command' in body) {
    if (!isText(body.command)) return 'a slash command without a command name';
    return isText(body.user_id) ? null : 'a slash command without user_id';
  }
  if ('actions' in body) {
    const actions = body.actions;
    if (!Array.isArray(actions) || actions.length === 0 || !isObject(actions[0])) return 'an interaction without actions';
    return isText(actions[0].action_id) || isText(actions[0].name) ? null : 'an action without action_id';
  }
  const type = body.type;
  if (type === 'view_submission' || type === 'view_closed') return isObject(body.view) ? null : 'a view payload without a view';
  if (type === 'shortcut' || type === 'message_action' || type === 'block_suggestion' || type === 'dialog_submission') return null;
  if ('name' in body) return null; // options requests (external selects)
  return 'an unrecognised payload';
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
