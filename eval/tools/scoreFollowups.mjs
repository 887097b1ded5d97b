#!/usr/bin/env node
// Scores follow-up conversations (eval/questions/followups.json) the way ../shared/eval/score.mjs
// scores single questions, on the answer to the last turn of each chain.
//
//   node eval/tools/scoreFollowups.mjs [FILE] [-- COMMAND ARGS...]
//
// COMMAND (default: npm run --silent ask -- --json --conversation) gets one chain's turns on stdin,
// one a line, must read them as one conversation (a Slack thread: each line may follow up the ones
// before) and print one JSON answer a line. A command that prints fewer lines than there are turns
// does not read a conversation: this says so and exits 2 instead of scoring. `-- npm run --silent ask -- --json` scores each line on its own,
// without context: the baseline a conversation mode has to beat.
import { readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const dash = args.indexOf('--');
const own = dash >= 0 ? args.slice(0, dash) : args;
const command = dash >= 0 ? args.slice(dash + 1) : ['npm', 'run', '--silent', 'ask', '--', '--json', '--conversation'];
const file = own[0] ?? join(root, 'eval', 'questions', 'followups.json');
const seedsDir = resolve(process.env.SEEDS_DIR ?? join(root, '..', 'shared', 'seeds'));

// The scorer's normalisation and quote rule (../shared/eval/score.mjs), so both score alike.
const norm = (s) =>
  String(s)
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2022\u00b7*_]/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const seeds = Object.fromEntries(readdirSync(seedsDir).map((f) => [f, norm(readFileSync(join(seedsDir, f), 'utf8'))]));
const quoteStands = (quote, docs) => {
  const pieces = norm(quote)
    .split(/\.\.\.|\u2026/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 12);
  return pieces.length > 0 && docs.some((d) => seeds[d] !== undefined && pieces.every((p) => seeds[d].includes(p)));
};

const chains = JSON.parse(readFileSync(file, 'utf8'));
let passed = 0;
for (const chain of chains) {
  const run = spawnSync(command[0], command.slice(1), { input: `${chain.turns.join('\n')}\n`, encoding: 'utf8', timeout: 120_000, cwd: root });
  const lines = (run.stdout ?? '').split('\n').filter((l) => l.trim().startsWith('{'));
  if (run.status === 2 || lines.length !== chain.turns.length) {
    // No conversation mode: the command refused the flag, or read it as a question of its own.
    console.log(`follow-ups not scored: \`${command.join(' ')}\` exited ${run.status} with ${lines.length} JSON lines for ${chain.turns.length} turns; it does not read a conversation`);
    process.exit(2);
  }
  let answer = null;
  try {
    answer = JSON.parse(lines.at(-1));
  } catch {}
  const why = [];
  if (!answer) why.push(`expected ${chain.turns.length} JSON lines, got ${lines.length}`);
  else if (chain.answered === false) {
    if (answer.answered !== false) why.push('answered a question it should decline');
  } else {
    if (answer.answered !== true) why.push('declined to answer');
    const text = norm(answer.text ?? '');
    for (const group of chain.must ?? []) if (!group.some((alt) => text.includes(norm(alt)))) why.push(`text lacks ${JSON.stringify(group)}`);
    const cites = Array.isArray(answer.citations) ? answer.citations : [];
    if (chain.cite && !cites.some((c) => c && quoteStands(c.quote ?? '', chain.cite))) why.push(`no citation quotes ${chain.cite.join(' or ')} verbatim`);
  }
  if (why.length === 0) passed++;
  else console.log(`${chain.id} FAIL ${JSON.stringify(chain.turns.join(' / '))}: ${why.join('; ')}`);
}
console.log(`score: ${passed}/${chains.length} (${((passed / chains.length) * 100).toFixed(1)}%)`);
