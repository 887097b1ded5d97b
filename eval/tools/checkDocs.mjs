#!/usr/bin/env node
// Checks the document questions against the documents themselves: each "must" group (other than
// yes/no) needs an alternative that stands in one of the files named by "cite", and every cited
// file must exist. Catches a mistyped name or a quote no document holds before it costs a score.
// Also checks the sets themselves: ids unique across files, every question one line, and no
// question in two files (a holdout question copied into dev would no longer be held out).
//   node eval/tools/checkDocs.mjs [FILE...]      (default: every JSON file in eval/questions)
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seedsDir = resolve(process.env.SEEDS_DIR ?? join(root, '..', 'shared', 'seeds'));
// The scorer's normalisation, so "stands in the document" means what it means when scoring.
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
const YES_NO = new Set(['yes', 'no']);

const dir = join(root, 'eval', 'questions');
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
let checked = 0;
const problems = [];
const seenIds = new Map();
const seenQuestions = new Map();
for (const file of files) {
  for (const q of JSON.parse(readFileSync(file, 'utf8'))) {
    const lines = q.turns ?? [q.q];
    if (seenIds.has(q.id)) problems.push(`${file}: id ${q.id} is used again (first in ${seenIds.get(q.id)})`);
    seenIds.set(q.id, file);
    for (const line of lines) {
      if (typeof line !== 'string' || line.trim() === '' || /[\r\n]/.test(line)) problems.push(`${file}: ${q.id}: a question must be one non-empty line of text`);
      const key = norm(line).replace(/[^a-z0-9]+/g, ' ').trim();
      const other = seenQuestions.get(key);
      if (!q.turns && other && other !== file) problems.push(`${file}: ${q.id}: the same question is in ${other}`);
      if (!q.turns) seenQuestions.set(key, file);
    }
    if (!q.cite) continue;
    checked++;
    for (const doc of q.cite) if (!(doc in seeds)) problems.push(`${file}: ${q.id}: cites "${doc}", which is not in ${seedsDir}`);
    for (const group of q.must ?? []) {
      if (group.some((alt) => YES_NO.has(norm(alt).replace(/[^a-z]/g, '')))) continue; // "no,", "no -": the answer's own words
      if (!group.some((alt) => q.cite.some((doc) => seeds[doc]?.includes(norm(alt)))))
        problems.push(`${file}: ${q.id}: no alternative of ${JSON.stringify(group)} stands in ${q.cite.join(' or ')}`);
    }
  }
}
for (const p of problems) console.log(p);
console.log(`${seenIds.size} questions and chains, ${checked} checked against their documents: ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
