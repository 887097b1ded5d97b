/**
 * The command-line contract for standard input: split on \n only (a \r or any other control character
 * inside a line never splits it), one JSON line out per line in, in order, for `ask` and `org`.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, inputLines, splitLines } from '../../src/cli/lines.ts';
import { answerToJson } from '../../src/render/json.ts';
import { bundledEngine } from '../helpers/knowledge.ts';

const cli = (args: string[], input: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { input, encoding: 'utf8', timeout: 120_000 });

/** Characters that break line-by-line tools, among ordinary ones. */
const hostileChar = fc.constantFrom('a', 'b', ' ', '?', 'é', '\r', '\t', '\v', '\f', '\u0000', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029');
const hostileLine = fc.string({ unit: hostileChar, maxLength: 20 });
const QUESTIONS = [
  'tell me about thurrock',
  'which CCGs are in financial special measures?',
  'what is an STP?',
  'who is Melanie Craig?',
  '',
  'Who won the football?',
];
const line = fc.oneof(
  fc.constantFrom(...QUESTIONS),
  hostileLine,
  fc.tuple(fc.constantFrom(...QUESTIONS), hostileLine).map(([q, h]) => `${h}${q}${h}`),
);
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

describe('splitting standard input', () => {
  it('gives one line per \\n (and one for an unterminated last line), with no control characters left', () => {
    fc.assert(
      fc.property(fc.array(hostileLine, { maxLength: 10 }), fc.boolean(), (lines, trailing) => {
        const text = lines.join('\n') + (trailing && lines.length ? '\n' : '');
        const split = splitLines(text);
        const expected = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
        expect(split).toHaveLength(expected);
        for (const l of split) expect(l).not.toMatch(CONTROL);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a stream in arbitrary chunks (even mid-character) exactly as the whole text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), fc.array(fc.nat(40), { maxLength: 6 }), async (lines, cuts) => {
        const bytes = Buffer.from(lines.join('\n'), 'utf8');
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points, bytes.length].slice(1).map((end, i, ends) => bytes.subarray(i === 0 ? 0 : ends[i - 1], end));
        const got: string[] = [];
        for await (const l of inputLines(
          (async function* () {
            yield* chunks;
          })(),
        ))
          got.push(l);
        expect(got).toEqual(splitLines(lines.join('\n')));
      }),
      { numRuns: 300 },
    );
  });

  it('turns control characters into spaces and drops only the \\r of a CRLF ending', () => {
    expect(cleanLine('tell me\rabout\tthurrock\u0000')).toBe('tell me about thurrock ');
    expect(splitLines('a\r\nb\rc\n')).toEqual(['a', 'b c']);
  });
});

describe('ask and org over standard input', () => {
  it('ask --json: one JSON line per input line, each the answer to that line (random lines, fast-check)', async () => {
    const engine = await bundledEngine();
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), async (lines, trailing) => {
        const input = lines.join('\n') + (trailing ? '\n' : '');
        const run = cli(['ask', '--json'], input);
        expect(run.status).toBe(0);
        const out = run.stdout.split('\n');
        expect(out.pop()).toBe('');
        const questions = splitLines(input);
        expect(out).toHaveLength(questions.length);
        out.forEach((l, i) => expect(JSON.parse(l), JSON.stringify(questions[i])).toEqual(JSON.parse(JSON.stringify(answerToJson(engine.ask(questions[i]))))));
      }),
      { numRuns: 2, seed: 12 },
    );
  });

  it('org --json with no name reads one name or code a line, one card each, a \\r never splitting a line', () => {
    const run = cli(['org', '--json'], '07G\r\nNHS North\rSomerset CCG\n\nQH8');
    expect(run.status).toBe(0);
    const cards = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(cards.map((c) => [c.query, c.found])).toEqual([
      ['07G', true],
      ['NHS North Somerset CCG', true],
      ['', false],
      ['QH8', true],
    ]);
    expect(cards[1].organisation.code).toBe('11T');
  });
});
