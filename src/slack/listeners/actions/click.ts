/** Reading a button click: which answer it refers to, who clicked, and where the message lives. */
import type { BlockAction, ButtonAction } from '@slack/bolt';
import { decodeRef, type QuestionRef } from '../../../render/actions.ts';

/** The parts of a block_actions payload the action handlers use. */
export interface Click {
  ref: QuestionRef | null;
  user: string;
  /** Channel (or DM) of the message with the button; undefined for the App Home. */
  channel: string | undefined;
  /** True when the button sits on an ephemeral message (a slash-command reply). */
  ephemeral: boolean;
  /** Thread to reply in: the message's thread, or the message itself. */
  threadTs: string | undefined;
  /** The message the button sits on. */
  messageTs: string | undefined;
  /** That message's blocks, when Slack sent them (channel messages; not ephemeral ones). */
  messageBlocks: unknown[] | undefined;
  triggerId: string | undefined;
}

/** Which answer a click is about, for one vote per person per answer: "<channel>:<message ts>". */
export function answerKey(click: Click): string | undefined {
  return click.channel && click.messageTs ? `${click.channel}:${click.messageTs}` : undefined;
}

/** Extracts a Click from a button's block_actions payload (tolerates missing fields). */
export function readClick(body: BlockAction, action: ButtonAction): Click {
  const container = (body.container ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const channel = str(body.channel?.id) ?? str(container.channel_id);
  const messageTs = str(body.message?.ts) ?? str(container.message_ts);
  const threadTs = str(body.message?.thread_ts) ?? str(container.thread_ts) ?? messageTs;
  return {
    ref: decodeRef(action.value),
    user: str(body.user?.id) ?? '',
    channel,
    ephemeral: container.is_ephemeral === true,
    threadTs,
    messageTs,
    messageBlocks: Array.isArray(body.message?.blocks) ? (body.message.blocks as unknown[]) : undefined,
    triggerId: str(body.trigger_id),
  };
}
