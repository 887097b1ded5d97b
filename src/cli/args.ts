/**
 * Every command line goes through node:util parseArgs in strict mode: an unknown or misspelled flag,
 * a flag missing its value, or a stray argument is a usage error (exit 2, with the usage), never a
 * word of a question. `-h`/`--help` is understood by every command.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The exit code of a command line that could not be read. */
export const EXIT_USAGE = 2;

/** A command line that could not be read; the message says what was wrong, the caller adds the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** The values parseArgs gives for `options`: a string or a boolean each, absent when not given. */
export type OptionValues<T extends Options> = { [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean } & { help?: boolean };

/**
 * Reads `argv` against `options` (plus -h/--help). String options must have a non-empty value.
 * Throws UsageError for anything parseArgs refuses.
 */
export function readCommandLine<T extends Options>(
  argv: string[],
  options: T,
  { positionals = false } = {},
): { values: OptionValues<T>; positionals: string[] } {
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { ...options, ...HELP }, strict: true, allowPositionals: positionals });
  } catch (e) {
    throw isParseArgsError(e) ? new UsageError(explain(e, options)) : e;
  }
  for (const [name, option] of Object.entries(options)) {
    if (option.type === 'string' && parsed.values[name] === '') throw new UsageError(`--${name} needs a value`);
  }
  // parseArgs types its values from a literal config; over a generic one they are spelt out above.
  return { values: parsed.values as OptionValues<T>, positionals: parsed.positionals };
}

function isParseArgsError(e: unknown): e is Error & { code: string } {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS_');
}

/** parseArgs's message, said the way the rest of the CLI speaks (and with the nearest known flag for a typo). */
function explain(e: Error & { code: string }, options: Options): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  const flag = quoted.split(' ')[0];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const near = nearestFlag(flag, Object.keys({ ...options, ...HELP }));
      return `unknown option "${flag}"${near ? ` (did you mean --${near}?)` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(e.message) ? `${flag} takes no value` : `${flag} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}": this command takes only options`;
    default:
      return e.message;
  }
}

/** The known flag closest to a misspelt one (at most two edits away), if any. */
function nearestFlag(typed: string, names: string[]): string | null {
  const word = typed.replace(/^-+/, '').split('=')[0];
  let best: { name: string; distance: number } | null = null;
  for (const name of names) {
    const distance = editDistance(word, name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
