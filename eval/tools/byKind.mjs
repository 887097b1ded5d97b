#!/usr/bin/env node
// Reads score.mjs output on stdin and prints the score of each kind of question in QUESTIONS.json
// (the "kind" field, which the scorer itself ignores), then of each "style" (typo, chat) where tagged.
//   node ../shared/eval/score.mjs eval/questions/dev.json | node eval/tools/byKind.mjs eval/questions/dev.json
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node score.mjs QUESTIONS.json | node eval/tools/byKind.mjs QUESTIONS.json');
  process.exit(2);
}
const questions = JSON.parse(readFileSync(file, 'utf8'));
const output = readFileSync(0, 'utf8');
const failed = new Set([...output.matchAll(/^(\S+) FAIL /gm)].map((m) => m[1]));
const total = output.match(/^score: .*$/m)?.[0];
if (!total) {
  console.error(`no "score:" line in the scorer's output; it said:\n${output.slice(-1000)}`);
  process.exit(1);
}
const tally = (field) => {
  const groups = new Map();
  for (const q of questions) {
    if (q[field] === undefined) continue;
    const g = groups.get(q[field]) ?? { n: 0, passed: 0 };
    g.n++;
    if (!failed.has(q.id)) g.passed++;
    groups.set(q[field], g);
  }
  for (const [name, { n, passed }] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`  ${`${field} ${name}`.padEnd(28)} ${String(passed).padStart(3)}/${String(n).padEnd(3)} ${((passed / n) * 100).toFixed(0).padStart(3)}%`);
  }
};
console.log(total);
tally('kind');
tally('style');
