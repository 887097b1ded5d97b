/** The help message: what the bot does and how to ask, with examples. */
import type { KnownBlock } from './slackTypes.ts';
import { note, sections, type SlackMessage } from './blockLimits.ts';
import { escapeSlack } from './escape.ts';

/** Example questions, shown in help and on the App Home. */
export const EXAMPLE_QUESTIONS = [
  'Which CCGs are under legal directions?',
  'Tell me about Thurrock CCG',
  'Who leads primary care in the success regime?',
  'What was Southend CCG ordered to do?',
  'Which organisation replaced NHS Basildon and Brentwood CCG?',
] as const;

/** The ways to reach the bot, as mrkdwn lines (the bot's own text; the placeholders' < > escaped). */
export const USAGE_LINES: readonly string[] = [
  '• `/commissioning <question>` or `/commissioning ask <question>`: a cited answer only you see, with a *Share in channel* button.',
  '• `/commissioning org <name or ODS code>`: an organisation card, e.g. `/commissioning org thurrock` or `/commissioning org 07G`.',
  '• `/commissioning digest …`: channel digests of intervention changes (`/commissioning digest help`).',
  '• `/commissioning review` (admins): the questions I could not answer and the answers marked 👎, most frequent first.',
  '• Mention the app in a channel with your question: it answers in the thread.',
  '• Or write to it directly in its *Messages* tab.',
].map(escapeSlack);

/** Help as one ephemeral message; `reason` (escaped) explains why help is shown, e.g. an unknown subcommand. */
export function renderHelp(reason?: string): SlackMessage {
  const blocks: KnownBlock[] = [
    ...(reason ? sections(reason) : []),
    ...sections(`*Commissioning answers questions about NHS commissioning, citing its sources.*\n${USAGE_LINES.join('\n')}`),
    ...sections(`*Try*\n${EXAMPLE_QUESTIONS.map((q) => `• ${q}`).join('\n')}`),
    note('Every answer quotes the passages it rests on: press *Show quotes* to read them. No AI model is involved.'),
  ];
  return { text: escapeSlack('How to use Commissioning: /commissioning <question>, /commissioning org <name or code>, /commissioning help'), blocks };
}
