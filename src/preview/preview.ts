/**
 * `npm run preview`: what people see in Slack, as one static HTML page: a dozen sample answers and a two-part one,
 * an organisation card and what its buttons open, the quotes, the 👎 modal, the Home tab and a
 * digest, all rendered by the app's own Block Kit code over the bundled knowledge.
 *   npm run preview -- [--out FILE]   (default .tmp/preview.html)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDigest } from '../digest/build.ts';
import { digestMessages } from '../render/digestBlocks.ts';
import { loadEngine, type Engine } from '../engine/engine.ts';
import { renderAnswer, renderHome, renderMore, renderOrgCard, renderOrgSection, renderQuotes } from '../render/blocks.ts';
import { renderFeedbackModal } from '../render/feedbackModal.ts';
import { homeToHtml, messageToHtml, modalToHtml, page } from './html.ts';

/** The sample questions: lists, details, people, successors, membership, terms, dates, quotes, a refusal. */
export const SAMPLE_QUESTIONS = [
  'Which CCGs are under legal directions?',
  'What was Southend CCG ordered to do under its legal directions?',
  'Which CCGs were in financial special measures?',
  'Which interventions are there?',
  'Who leads primary care in the success regime?',
  'What replaced NHS East Surrey CCG?',
  'Tell me about Thurrock CCG',
  'Which CCGs are in the Mid and South Essex STP?',
  'What is an STP?',
  'When will the single executive team be operational?',
  'What did the HSJ say about combined authorities?',
  'What is the weather on Mars tomorrow?',
] as const;

/** A two-part question whose parts both end in "Show all": each part pages its own rest. */
export const TWO_PART_SAMPLE = 'What interventions did Thurrock have and which interventions are there?';

/** The preview page for an engine (the bundled knowledge unless told otherwise). */
export function buildPreview(engine: Engine): string {
  const samples: { caption: string; html: string }[] = [];
  for (const question of [...SAMPLE_QUESTIONS, TWO_PART_SAMPLE]) {
    const answer = engine.ask(question);
    const [first] = renderAnswer(answer, { question, surface: 'channel' });
    samples.push({ caption: `@Commissioning ${question}`, html: messageToHtml(first!.blocks) });
    if (answer.more) samples.push({ caption: `“Show all” on: ${question}`, html: messageToHtml(renderMore(answer, question).blocks, { ephemeral: true }) });
    for (const [i, part] of (answer.parts ?? []).entries()) {
      if (part.more)
        samples.push({
          caption: `“Show all” on part ${i + 1}: ${part.question}`,
          html: messageToHtml(renderMore(answer, question, 1, i).blocks, { ephemeral: true }),
        });
    }
  }
  const card = engine.org('Thurrock');
  const [cardMessage] = renderOrgCard(card, { query: 'thurrock', surface: 'ephemeral', echoQuestion: true });
  samples.push({ caption: '/commissioning org thurrock', html: messageToHtml(cardMessage!.blocks, { ephemeral: true }) });
  for (const section of ['interventions', 'history'] as const) {
    const [m] = renderOrgSection(card, section, { query: 'thurrock', surface: 'ephemeral' });
    samples.push({ caption: `Card button: ${section}`, html: messageToHtml(m!.blocks, { ephemeral: true }) });
  }
  const [quotes] = renderQuotes(card.citations.slice(0, 3), { question: 'thurrock', surface: 'ephemeral' });
  samples.push({ caption: 'Card button: Sources (first three)', html: messageToHtml(quotes!.blocks, { ephemeral: true }) });
  const [voted] = renderAnswer(engine.ask(SAMPLE_QUESTIONS[0]), { question: SAMPLE_QUESTIONS[0], surface: 'ephemeral', echoQuestion: true, vote: 'up' });
  samples.push({ caption: 'After 👍 Helpful on a private answer', html: messageToHtml(voted!.blocks, { ephemeral: true }) });
  samples.push({ caption: 'After 👎 Not helpful: the modal', html: modalToHtml(renderFeedbackModal('{}')) });
  const o = engine.overview();
  samples.push({
    caption: 'App Home',
    html: homeToHtml(renderHome(o, [{ channel: 'C0DIGESTS', schedule: 'weekly on Monday at 09:00', filter: 'legal directions' }])),
  });
  const digest = buildDigest(engine.knowledge, { from: '2017-01-01', to: '2017-12-31' });
  const [digestMessage] = digestMessages(engine.knowledge, digest, 'Weekly digest');
  samples.push({ caption: 'A channel digest', html: messageToHtml(digestMessage!.blocks) });
  return page('Commissioning in Slack: a preview', samples);
}

/** Writes the page; returns its path. */
export async function writePreview(out: string, knowledgeDir?: string): Promise<string> {
  const path = resolve(out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, buildPreview(await loadEngine(knowledgeDir)));
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { out: { type: 'string' }, knowledge: { type: 'string' } }, strict: true });
    const path = await writePreview(values.out ?? '.tmp/preview.html', values.knowledge ?? (process.env.KNOWLEDGE_DIR || undefined));
    console.log(`Wrote ${path}: open it in a browser.`);
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\nusage: npm run preview -- [--out FILE] [--knowledge DIR]`);
    process.exitCode = 2;
  }
}
