/**
 * `npm run preview` renders what people see to one HTML page, and headless Chromium (Debian's
 * chromium package; .ci/run installs it) screenshots it to .tmp/preview.png, so a change to the
 * look is reviewed as a picture, not guessed from JSON.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPreview, SAMPLE_QUESTIONS, TWO_PART_SAMPLE } from '../src/preview/preview.ts';
import { bundledEngine } from './helpers/knowledge.ts';

const out = fileURLToPath(new URL('../.tmp/', import.meta.url));
const WIDTH = 1000;

/** The browser: CHROMIUM, else Debian's chromium on the PATH. */
const browser = process.env.CHROMIUM || 'chromium';

/** Width, height and the share of dark samples of a PNG (8-bit RGB or RGBA, as Chromium writes). */
function pngStats(png: Buffer): { width: number; height: number; dark: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let at = 8;
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  let dark = 0;
  let samples = 0;
  // Every 97th byte is plenty to tell a page with text from a blank one.
  for (let i = 0; i < raw.length; i += 97, samples++) if (raw[i]! < 100) dark++;
  return { width, height, dark: dark / samples };
}

describe('npm run preview', () => {
  it('renders a dozen sample answers, the org card and its sections, the 👎 modal, Home and a digest', async () => {
    const html = buildPreview(await bundledEngine());
    expect(SAMPLE_QUESTIONS.length).toBe(12);
    for (const q of SAMPLE_QUESTIONS) expect(html).toContain(`@Commissioning ${q}`);
    expect(html).toContain(`@Commissioning ${TWO_PART_SAMPLE}`);
    for (const caption of [
      '“Show all” on part 1: What interventions did Thurrock have',
      '“Show all” on part 2: which interventions are there?',
      '/commissioning org thurrock',
      'Card button: interventions',
      'Card button: Sources',
      'What was wrong?',
      'App Home',
      'A channel digest',
      'Latest in the sources',
    ]) {
      expect(html).toContain(caption);
    }
    // Text from the sources arrives as text, never as markup.
    expect(html).not.toMatch(/<(script|iframe|img)\b/i);
  });

  it('Chromium screenshots the page: full width, with text on it', async () => {
    const found = spawnSync(browser, ['--version'], { encoding: 'utf8' });
    expect(found.status, `headless Chromium is needed: install Debian's chromium (apt-get install -y chromium), as .ci/run does, or set CHROMIUM`).toBe(0);
    mkdirSync(out, { recursive: true });
    const page = join(out, 'preview.html');
    const shot = join(out, 'preview.png');
    writeFileSync(page, buildPreview(await bundledEngine()));
    rmSync(shot, { force: true });
    const run = spawnSync(
      browser,
      ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--window-size=${WIDTH},12000`, `--screenshot=${shot}`, `file://${page}`],
      { encoding: 'utf8', timeout: 90_000 },
    );
    expect(existsSync(shot), `chromium wrote no screenshot: ${run.stderr.slice(-500)}`).toBe(true);
    const stats = pngStats(readFileSync(shot));
    expect(stats.width).toBe(WIDTH);
    expect(stats.height).toBe(12000);
    expect(stats.dark).toBeGreaterThan(0.002);
  }, 120_000);
});
