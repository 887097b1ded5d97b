/**
 * The command line: ask, org, validate, digest. The contract outside tests rely on:
 *   ask --json "question"   one JSON line; with no question, one JSON line per line of standard input
 *   org --json "name"       the organisation card as one JSON object
 *   --knowledge DIR         (or KNOWLEDGE_DIR) another seeds folder
 */
import { createInterface } from 'node:readline';
import { loadKnowledge } from './knowledge/knowledge.ts';
import { KnowledgeErrors } from './knowledge/errors.ts';
import type { ConversationContext } from './engine/conversation.ts';
import { loadEngine, type Engine } from './engine/engine.ts';
import { answerToText, orgCardToText } from './render/text.ts';
import { answerToJson } from './render/json.ts';

export interface CliArgs {
  command: string;
  json: boolean;
  /** ask: the lines of standard input are one conversation (each may follow up the ones before). */
  conversation: boolean;
  knowledge?: string;
  rest: string[];
}

/** Splits argv into the command, --json, --knowledge DIR and the remaining words. */
export function parseArgs(argv: string[]): CliArgs {
  const [command = 'help', ...args] = argv;
  const rest: string[] = [];
  let json = false;
  let conversation = false;
  let knowledge = process.env.KNOWLEDGE_DIR || undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') json = true;
    else if (args[i] === '--conversation') conversation = true;
    else if (args[i] === '--knowledge') knowledge = args[++i];
    else if (args[i].startsWith('--knowledge=')) knowledge = args[i].slice('--knowledge='.length);
    else rest.push(args[i]);
  }
  return { command, json, conversation, knowledge, rest };
}

const USAGE = `usage: npm run <command> -- [--json] [--knowledge DIR] …
  ask "question"      answer a question (no question: one per line of standard input;
                      --conversation reads those lines as one conversation, for follow-ups)
  org "name or code"  show an organisation card
  validate            check the knowledge folder and report
  digest --from YYYY-MM-DD --to YYYY-MM-DD [--filter …] | --run-due`;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'ask':
      return ask(await loadEngine(args.knowledge), args);
    case 'org': {
      const engine = await loadEngine(args.knowledge);
      const card = engine.org(args.rest.join(' '));
      console.log(args.json ? JSON.stringify(card) : orgCardToText(card));
      return card.found ? 0 : 1;
    }
    case 'validate':
      return validate(args.knowledge);
    case 'digest': {
      const { runDigestCli } = await import('./digest/cli.ts');
      return runDigestCli(argv.slice(1), { stdout: process.stdout, stderr: process.stderr });
    }
    default:
      console.error(USAGE);
      return args.command === 'help' ? 0 : 2;
  }
}

async function ask(engine: Engine, args: CliArgs): Promise<number> {
  let context: ConversationContext | undefined;
  const print = (question: string) => {
    const answer = engine.ask(question, args.conversation ? { context } : {});
    context = answer.context ?? context;
    console.log(args.json ? JSON.stringify(answerToJson(answer)) : answerToText(answer));
  };
  if (args.rest.length) {
    print(args.rest.join(' '));
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!args.json && !line.trim()) continue;
    print(line);
    if (!args.json) console.log('');
  }
  return 0;
}

function validate(dir?: string): number {
  const k = loadKnowledge(dir);
  const count = (n: number, what: string) => `${n} ${what}`;
  console.log(`Knowledge in ${k.dir} is valid (snapshot ${k.id}, runs to ${k.asOf}):`);
  console.log(`  ${count(k.documents.size, 'documents')}, ${count(k.passages.length, 'passages')}`);
  console.log(`  ${count(k.organisations.size, 'organisations')} (${[...k.organisations.values()].filter((o) => o.type === 'ccg').length} CCGs)`);
  console.log(`  ${count(k.interventions.length, 'interventions')}, ${count(k.people.length, 'people')}, ${count(k.programmes.length, 'programmes and groups')}, ${count(k.events.length, 'events')}, ${count(k.figures.length, 'figures')}, ${count(k.glossary.length, 'glossary terms')}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof KnowledgeErrors) console.error(e.message);
    else console.error(e instanceof Error ? e.stack ?? e.message : String(e));
    process.exitCode = 1;
  },
);
