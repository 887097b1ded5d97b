/** Block Kit types, taken through @slack/bolt (a declared dependency) rather than its transitive @slack/types. */
import type { types } from '@slack/bolt';

export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;
export type ActionsBlock = types.ActionsBlock;
export type HeaderBlock = types.HeaderBlock;
export type Button = types.Button;
export type MrkdwnElement = types.MrkdwnElement;
export type PlainTextElement = types.PlainTextElement;
export type HomeView = types.HomeView;
export type ModalView = types.ModalView;
