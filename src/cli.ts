/**
 * The command line: ask, org, validate, build-index, digest. The contract outside tests rely on:
 *   ask --json "question"   one JSON line; with no question, one JSON line per line of standard input
 *   org --json "name"       the organisation card as one JSON object; with no name, one per line of standard input
 * Standard input is split on \n only (src/cli/lines.ts), and every input line gets exactly one JSON line.
 *   --knowledge DIR         (or KNOWLEDGE_DIR) another seeds folder
 */
import { inputLines } from './cli/lines.ts';
import { loadKnowledge } from './knowledge/knowledge.ts';
import { KnowledgeErrors } from './knowledge/errors.ts';
import type { ConversationContext } from './engine/conversation.ts';
import { loadEngine, type Engine } from './engine/engine.ts';
import { answerToText, orgCardToText } from './render/text.ts';
import { answerToJson } from './render/json.ts';
import type { Answer } from './engine/answer.ts';
import type { OrgCard } from './engine/orgCard.ts';

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
  org "name or code"  show an organisation card (no name: one per line of standard input)
  validate            check the knowledge folder and report
  build-index         write the knowledge and passage index snapshots a start reads [--cache DIR]
  digest --from YYYY-MM-DD --to YYYY-MM-DD [--filter …] | --run-due`;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'ask':
      return ask(await loadEngine(args.knowledge), args);
    case 'org':
      return org(await loadEngine(args.knowledge), args);
    case 'validate':
      return validate(args.knowledge);
    case 'build-index': {
      const { buildIndex } = await import('./cli/buildIndex.ts');
      return buildIndex(args.knowledge, args.rest, (l) => console.log(l), (l) => console.error(l));
    }
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
    const answer = answerOrApology(engine, question, args.conversation ? { context } : {});
    context = answer.context ?? context;
    console.log(args.json ? JSON.stringify(answerToJson(answer)) : answerToText(answer));
  };
  if (args.rest.length) {
    print(args.rest.join(' '));
    return 0;
  }
  for await (const line of inputLines(process.stdin)) {
    if (!args.json && !line.trim()) continue;
    print(line);
    if (!args.json) console.log('');
  }
  return 0;
}

async function org(engine: Engine, args: CliArgs): Promise<number> {
  const print = (query: string) => {
    const card = cardOrApology(engine, query);
    console.log(args.json ? JSON.stringify(card) : orgCardToText(card));
    return card.found;
  };
  if (args.rest.length) return print(args.rest.join(' ')) ? 0 : 1;
  for await (const line of inputLines(process.stdin)) {
    if (!args.json && !line.trim()) continue;
    print(line);
    if (!args.json) console.log('');
  }
  return 0;
}

// One line out per line in, always: an engine failure on one line is that line's declined answer.
function answerOrApology(engine: Engine, question: string, options: Parameters<Engine['ask']>[1] = {}): Answer {
  try {
    return engine.ask(question, options);
  } catch (e) {
    console.error(`ask failed on ${JSON.stringify(question.slice(0, 200))}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return { answered: false, intent: 'error', confidence: 0, text: 'Sorry, something went wrong while answering that. It has been logged; please try again or rephrase.', statements: [], citations: [], suggestions: [] };
  }
}

function cardOrApology(engine: Engine, query: string): OrgCard {
  try {
    return engine.org(query);
  } catch (e) {
    console.error(`org failed on ${JSON.stringify(query.slice(0, 200))}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return { found: false, query, status: 'Sorry, something went wrong while looking that up. It has been logged; please try again.', interventions: [], people: [], citations: [], suggestions: [] };
  }
}

function validate(dir?: string): number {
  const k = loadKnowledge(dir);
  const count = (n: number, what: string) => `${n} ${what}`;
  console.log(`Knowledge in ${k.dir} is valid (snapshot ${k.id}, runs to ${k.asOf}):`);
  console.log(`  ${count(k.documents.size, 'documents')}, ${count(k.passages.length, 'passages')}`);
  console.log(`  ${count(k.organisations.size, 'organisations')} (${[...k.organisations.values()].filter((o) => o.type === 'ccg').length} CCGs)`);
  console.log(`  ${count(k.interventions.length, 'interventions')}, ${count(k.people.length, 'people')}, ${count(k.programmes.length, 'programmes and groups')}, ${count(k.events.length, 'events')}, ${count(k.figures.length, 'figures')}, ${count(k.glossary.length, 'glossary terms')}`);
  for (const notice of k.notices) console.log(`Note: ${notice}`);
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
