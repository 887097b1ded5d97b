/** The domain lexicon is data: checked at load like the facts, and a synonym added there reaches every answer. */
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/knowledge.ts';
import { Engine } from '../../src/engine/engine.ts';
import { loadIntents } from '../../src/engine/intents.ts';
import { loadFailure, seedsCopy } from '../helpers/knowledge.ts';

const failure = loadFailure;
/** An engine over a copy of the seeds as it stands now, for comparing before and after a lexicon edit. */
const engineOn = async (dir: string) => new Engine(loadKnowledge(dir), await loadIntents());

describe('loading the lexicon', () => {
  it('is required', () => {
    expect(failure((c) => rmSync(join(c.dir, 'lexicon.yml')))).toContain('lexicon.yml: the lexicon file is missing');
  });

  it('reports bad YAML with its line and column', () => {
    expect(failure((c) => c.edit('lexicon.yml', (t) => t.replace('says: [take over from', 'says: [[take over from')))).toMatch(
      /lexicon\.yml \(line \d+, column \d+\): bad YAML/,
    );
  });

  it('refuses a phrase listed under two meanings, naming the line', () => {
    const msg = failure((c) =>
      c.edit('lexicon.yml', (t) => t.replace('  - means: predecessor\n    says: [', '  - means: predecessor\n    says: [take over from, ')),
    );
    expect(msg).toMatch(/lexicon\.yml \(line \d+, field phrases\.\d+\.says\): "take over from" is listed as meaning both "successor" and "predecessor"/);
    expect(msg).toContain('keep the phrase under one meaning only');
  });

  it('refuses an unknown kind of intervention and an empty phrase', () => {
    expect(failure((c) => c.edit('lexicon.yml', (t) => t.replace('  joint-committee: [joint committee]', '  joint-comittee: [joint committee]')))).toMatch(
      /lexicon\.yml \(line \d+, field intervention_types\): Unrecognized key: "joint-comittee"\n {2}→ use one of the intervention types: legal-directions, /,
    );
    expect(failure((c) => c.edit('lexicon.yml', (t) => t.replace('says: [ics]', "says: ['  ']")))).toMatch(
      /field phrases\.\d+\.says\.0\): a phrase must have words/,
    );
  });

  it('refuses an opposite that is not one word, or a word paired with itself', () => {
    expect(failure((c) => c.edit('lexicon.yml', (t) => t.replace('  - [oppose, support]', '  - [oppose, in favour of]')))).toMatch(
      /lexicon\.yml \(line \d+, field opposites\.0\.1\): one lowercase word\n {2}→ write each pair as \[word, opposite\]/,
    );
    expect(failure((c) => c.edit('lexicon.yml', (t) => t.replace('  - [oppose, support]', '  - [oppose, oppose]')))).toMatch(
      /field opposites\): a word is not its own opposite/,
    );
  });

  it('refuses a topic mark other than true', () => {
    expect(failure((c) => c.edit('lexicon.yml', (t) => t.replace('  - means: breakeven\n    topic: true', '  - means: breakeven\n    topic: yes')))).toMatch(
      /lexicon\.yml \(line \d+, field phrases\.\d+\.topic\): .*\n {2}→ write `topic: true` for a meaning an answer must speak to, or leave the field out/,
    );
  });

  it('refuses a kin group of one member, or of phrases only', () => {
    expect(failure((c) => c.edit('lexicon.yml', (t) => t.replace('  - [overspend, deficit, shortfall]', '  - [overspend]')))).toMatch(
      /lexicon\.yml \(line \d+, field kin\.0\): a group needs at least two members\n {2}→ write each group as \[word, word or phrase, …\]/,
    );
    expect(failure((c) => c.edit('lexicon.yml', (t) => t.replace('  - [overspend, deficit, shortfall]', '  - [over spend, budget deficit]')))).toMatch(
      /field kin\): a group needs a single word/,
    );
  });
});

describe('a synonym is a data change', () => {
  it('reads a new phrasing once it is in the lexicon, and not before', async () => {
    const copy = seedsCopy();
    const before = await engineOn(copy.dir);
    copy.edit('lexicon.yml', (t) => t.replace('  - means: successor\n    says: [', '  - means: successor\n    says: [heir to, '));
    const after = await engineOn(copy.dir);
    const question = 'who is the heir to north somerset ccg';
    expect(before.ask(question).answered).toBe(false);
    const a = after.ask(question);
    expect(a.answered).toBe(true);
    expect(a.text).toContain('its successor is NHS Bristol, North Somerset and South Gloucestershire CCG');
  });

  it('reads an opposite once it is in the lexicon: the source saying the contrary is a no', async () => {
    const copy = seedsCopy();
    const question = 'did the success regime leaders condemn the legal directions?';
    const before = await engineOn(copy.dir);
    expect(before.ask(question).text).not.toMatch(/^No/);
    copy.edit('lexicon.yml', (t) => t.replace('  - [oppose, support]', '  - [oppose, support]\n  - [condemn, support]'));
    const after = await engineOn(copy.dir);
    const a = after.ask(question);
    expect(a.text).toMatch(/^No, going by the source — /);
    expect(a.citations.some((c) => c.quote.includes('the legal directions supported the work already under way'))).toBe(true);
  });

  it('reads a meaning marked a topic as what the question asks about: an answer must speak to it', async () => {
    const copy = seedsCopy();
    const question = 'is vale royal ccg on course to balance the books this year';
    copy.edit('lexicon.yml', (t) => t.replace('  - means: breakeven\n    topic: true\n', '  - means: breakeven\n'));
    const before = await engineOn(copy.dir);
    expect(before.ask(question).text).not.toMatch(/^No/);
    copy.edit('lexicon.yml', (t) => t.replace('  - means: breakeven\n', '  - means: breakeven\n    topic: true\n'));
    const after = await engineOn(copy.dir);
    expect(after.ask(question).text).toMatch(
      /^No, going by the source — .*“We are forecasting that we will end this current financial year with a significant financial deficit/,
    );
  });

  it('reads a word of the same sense once the lexicon groups them: a deficit the source forecasts answers an overspend', async () => {
    const copy = seedsCopy();
    const question = 'will vale royal ccg end the year with an overspend?';
    copy.edit('lexicon.yml', (t) => t.replace('  - [overspend, deficit, shortfall]\n', ''));
    const before = await engineOn(copy.dir);
    expect(before.ask(question).text).not.toMatch(/^Yes/);
    copy.edit('lexicon.yml', (t) => `${t}  - [overspend, deficit, shortfall]\n`);
    const after = await engineOn(copy.dir);
    const a = after.ask(question);
    // The passage names nobody; the paragraph before it says whose blog it is.
    expect(a.text).toMatch(
      /^Yes, going by the source — .*“We are forecasting that we will end this current financial year with a significant financial deficit\.”/,
    );
  });
});
