/** The local console chat: the same engine as Slack, in a terminal, for trying the bot without a workspace. */
import { createInterface } from 'node:readline';
import type { ConversationContext } from './engine/conversation.ts';
import type { Engine } from './engine/engine.ts';
import { answerToText, orgCardToText } from './render/text.ts';

/** Reads questions from the terminal until "quit" or end of input; "org <name>" shows a card. */
export async function runConsoleChat(
  engine: Engine,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const o = engine.overview();
  output.write(
    `Commissioning bot — console chat over ${o.documents.length} documents and ${o.organisationCount} organisations (newest source ${o.sourcesAsOf}).\n`,
  );
  output.write('Ask a question, "org <name or ODS code>" for an organisation card, "help", or "quit".\n\n');
  const rl = createInterface({ input, terminal: false });
  const prompt = () => output.write('you> ');
  // The chat is one conversation: "what about Southend?" follows the question before it.
  let context: ConversationContext | undefined;
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (/^(quit|exit|bye)$/i.test(line)) break;
    if (line) {
      const org = /^org\s+(.+)$/i.exec(line);
      if (org) output.write(`\n${orgCardToText(engine.org(org[1]))}\n\n`);
      else {
        const answer = engine.ask(line, { context });
        context = answer.context ?? context;
        output.write(`\n${answerToText(answer)}\n\n`);
      }
    }
    prompt();
  }
  output.write('\n');
  rl.close();
}
