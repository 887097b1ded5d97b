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
import { EXIT_USAGE, readCommandLine, UsageError } from './cli/args.ts';
import type { Answer } from './engine/answer.ts';
import type { OrgCard } from './engine/orgCard.ts';

export interface CliArgs {
  command: string;
  json: boolean;
  /** ask: the lines of standard input are one conversation (each may follow up the ones before). */
  conversation: boolean;
  /** ask: how each reading of the question was judged, on standard error. */
  explain: boolean;
  knowledge?: string;
  rest: string[];
}

const USAGE = `usage: npm run <command> -- [options] …
  ask [--json] [--conversation] [--explain] [--knowledge DIR] "question"
                                                   answer a question (no question: one per line of standard input;
                                                   --conversation reads those lines as one conversation, for follow-ups;
                                                   --explain prints how each reading was judged, on standard error)
  org [--json] [--knowledge DIR] "name or code"    show an organisation card (no argument: one per line of standard input)
  validate [--knowledge DIR]                       check the knowledge folder and report
  build-index [--knowledge DIR] [--cache DIR]      write the snapshots a start reads (knowledge, passage index, links)
  digest --from YYYY-MM-DD --to YYYY-MM-DD [--filter …] | --run-due   (npm run digest -- --help for more)
Options: --json prints one JSON line per answer; --knowledge DIR (or KNOWLEDGE_DIR) reads another seeds folder;
-h, --help prints this. Put -- before a question that starts with a dash.`;

/** The options of each command that reads its own arguments (digest has its own in cli/digest.ts). */
const COMMAND_OPTIONS = {
  ask: { json: { type: 'boolean' }, conversation: { type: 'boolean' }, explain: { type: 'boolean' }, knowledge: { type: 'string' } },
  org: { json: { type: 'boolean' }, knowledge: { type: 'string' } },
  validate: { knowledge: { type: 'string' } },
  'build-index': { knowledge: { type: 'string' }, cache: { type: 'string' } },
} as const;

type Command = keyof typeof COMMAND_OPTIONS;
const isCommand = (word: string): word is Command => Object.hasOwn(COMMAND_OPTIONS, word);

/** Reads a command's arguments (node:util parseArgs, strict): --json, --knowledge DIR and the words. Throws UsageError. */
export function parseCliArgs(
  command: Command,
  args: string[],
  env: Record<string, string | undefined> = process.env,
): CliArgs & { help: boolean; values: Record<string, unknown> } {
  const { values, positionals } = readCommandLine(args, COMMAND_OPTIONS[command], { positionals: command !== 'validate' && command !== 'build-index' });
  const json = 'json' in values && values.json === true;
  const conversation = 'conversation' in values && values.conversation === true;
  const explain = 'explain' in values && values.explain === true;
  return {
    command,
    json,
    conversation,
    explain,
    knowledge: values.knowledge ?? (env.KNOWLEDGE_DIR || undefined),
    rest: positionals,
    help: values.help === true,
    values,
  };
}

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'digest') {
    const { runDigestCli } = await import('./cli/digest.ts');
    return runDigestCli(rest, { stdout: process.stdout, stderr: process.stderr });
  }
  if (!isCommand(command)) {
    const help = ['help', '-h', '--help'].includes(command);
    (help ? console.log : console.error)(help ? USAGE : `unknown command "${command}"\n${USAGE}`);
    return help ? 0 : EXIT_USAGE;
  }
  let args: ReturnType<typeof parseCliArgs>;
  try {
    args = parseCliArgs(command, rest);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${command}: ${e.message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  switch (args.command) {
    case 'ask':
      return ask(await loadEngine(args.knowledge), args);
    case 'org':
      return org(await loadEngine(args.knowledge), args);
    case 'validate':
      return validate(args.knowledge);
    case 'build-index': {
      const { buildIndex } = await import('./cli/buildIndex.ts');
      const cache = 'cache' in args.values && typeof args.values.cache === 'string' ? ['--cache', args.values.cache] : [];
      return buildIndex(
        args.knowledge,
        cache,
        (l) => console.log(l),
        (l) => console.error(l),
      );
    }
  }
  return EXIT_USAGE;
}

async function ask(engine: Engine, args: CliArgs): Promise<number> {
  if (args.explain) {
    engine.onJudged = ({ intent, judgement: j, first }) =>
      console.error(
        `  ${intent.padEnd(22)} confidence ${j.confidence.toFixed(2)}  coverage ${j.coverage.toFixed(2)}  entities ${j.entities}  typed ${j.typed}  leads ${j.leads}  | ${first.slice(0, 90)}`,
      );
  }
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
    console.error(`ask failed on ${JSON.stringify(question.slice(0, 200))}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return {
      answered: false,
      intent: 'error',
      confidence: 0,
      text: 'Sorry, something went wrong while answering that. It has been logged; please try again or rephrase.',
      statements: [],
      citations: [],
      suggestions: [],
    };
  }
}

function cardOrApology(engine: Engine, query: string): OrgCard {
  try {
    return engine.org(query);
  } catch (e) {
    console.error(`org failed on ${JSON.stringify(query.slice(0, 200))}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return {
      found: false,
      query,
      status: 'Sorry, something went wrong while looking that up. It has been logged; please try again.',
      interventions: [],
      people: [],
      citations: [],
      suggestions: [],
    };
  }
}

function validate(dir?: string): number {
  const k = loadKnowledge(dir);
  const count = (n: number, what: string) => `${n} ${what}`;
  console.log(`Knowledge in ${k.dir} is valid (snapshot ${k.id}, runs to ${k.asOf}):`);
  console.log(`  ${count(k.documents.size, 'documents')}, ${count(k.passages.length, 'passages')}`);
  console.log(`  ${count(k.organisations.size, 'organisations')} (${[...k.organisations.values()].filter((o) => o.type === 'ccg').length} CCGs)`);
  console.log(
    `  ${count(k.interventions.length, 'interventions')}, ${count(k.people.length, 'people')}, ${count(k.programmes.length, 'programmes and groups')}, ${count(k.events.length, 'events')}, ${count(k.figures.length, 'figures')}, ${count(k.glossary.length, 'glossary terms')}`,
  );
  for (const notice of k.notices) console.log(`Note: ${notice}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof KnowledgeErrors) console.error(e.message);
    else console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 1;
  },
);
