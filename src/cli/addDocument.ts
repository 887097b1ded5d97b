/**
 * `npm run add-document -- FILE [--title … --publisher … --published … --url … --id … --kind …] [--knowledge DIR]`
 * Imports a .txt, .md, .html or .pdf file into the seeds folder, then validates it. Exit 0 added, 1 refused
 * (a duplicate, or the folder no longer validates), 2 bad usage.
 */
import { createInterface } from 'node:readline/promises';
import { DEFAULT_SEEDS_DIR } from '../knowledge/knowledge.ts';
import { KnowledgeErrors } from '../knowledge/errors.ts';
import { addDocument, FORMATS, ImportError, type Asker } from '../knowledge/import/addDocument.ts';
import { EXIT_USAGE, type OptionValues, readCommandLine, UsageError } from './args.ts';

const USAGE = `usage: npm run add-document -- FILE [--title "…"] [--publisher "…"] [--published 2019-03-12] [--url https://…] [--id my-doc-2019] [--kind news] [--knowledge DIR]
  FILE is ${FORMATS.join(', ')}. Metadata not given is read from the file (HTML meta tags, PDF document information;
  the date from what the document states near its start first) or, at a terminal, asked for.`;

/** The command's flags, read by node:util parseArgs (strict) with the other commands' rules. */
const ADD_OPTIONS = {
  title: { type: 'string' },
  publisher: { type: 'string' },
  published: { type: 'string' },
  url: { type: 'string' },
  id: { type: 'string' },
  kind: { type: 'string' },
  knowledge: { type: 'string' },
} as const;

interface Io {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Asks for missing metadata; absent when standard input is not a terminal. */
  ask?: Asker;
}

/** Runs the command over argv (without the script name); returns the exit code. */
export async function runAddDocument(argv: string[], io: Io): Promise<number> {
  let parsed: { values: OptionValues<typeof ADD_OPTIONS>; positionals: string[] };
  try {
    parsed = readCommandLine(argv, ADD_OPTIONS, { positionals: true });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${e.message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(`${positionals.length ? `one file at a time (got ${positionals.length})` : 'no file given'}\n${USAGE}`);
    return 2;
  }
  const seeds = values.knowledge ?? process.env.KNOWLEDGE_DIR ?? DEFAULT_SEEDS_DIR;
  try {
    const r = await addDocument(seeds, positionals[0], values, io.ask);
    io.stdout(`Added ${r.path}: "${r.meta.title}" (${r.meta.publisher}, ${r.meta.published}), ${r.passages} passages. The knowledge validates.`);
    if (r.meta.dateFromFileOnly)
      io.stderr(
        `Note: the document states no date near its start, so ${r.meta.published} is the date in the file's own information, which is when the file was made and may not be when the document was published. If it is wrong, delete ${r.path} and import again with --published 2019-03-12 (or 2019-03, 2019).`,
      );
    return 0;
  } catch (e) {
    if (e instanceof ImportError) {
      io.stderr(e.message);
      return e.exitCode;
    }
    if (e instanceof KnowledgeErrors) {
      io.stderr(`Not added: with it, the knowledge does not validate.\n${e.message}`);
      return 1;
    }
    throw e;
  }
}

/** Questions at a terminal, one a line. */
function terminalAsker(): Asker {
  return async (field, hint) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(`${field} (${hint}): `);
    } finally {
      rl.close();
    }
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAddDocument(process.argv.slice(2), {
    stdout: (l) => process.stdout.write(`${l}\n`),
    stderr: (l) => process.stderr.write(`${l}\n`),
    ask: process.stdin.isTTY ? terminalAsker() : undefined,
  }).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exitCode = 1;
    },
  );
}
