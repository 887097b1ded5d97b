import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { runConsoleChat } from '../src/console.ts';
import { bundledEngine } from './helpers/knowledge.ts';
import { ccgsOpenOn } from './helpers/registerCsv.ts';

describe('the console chat', () => {
  it('answers questions and shows organisation cards until quit', async () => {
    const out = new PassThrough();
    let printed = '';
    out.on('data', (d) => (printed += d));
    await runConsoleChat(await bundledEngine(), Readable.from(['which CCGs are under legal directions?\n', 'org 07G\n', 'quit\n', 'never read\n']), out);
    expect(printed).toContain('console chat over 5 documents');
    expect(printed).toContain('NHS Thurrock CCG');
    expect(printed).toContain('Sources:');
    // The card opens with its cited status lines and their sources, as in Slack, then the register fields.
    expect(printed).toMatch(
      /NHS Thurrock CCG \(07G\)\nClinical commissioning group \(CCG\) in NHS England's East of England region, opened 1 April 2013\. \[1\]\n/,
    );
    expect(printed).toContain('Under legal directions since 31 March 2017. [2]\n');
    expect(printed).toContain('Sources:\n  [1] NHS organisation register (ODS), 1 row\n');
    expect(printed).toMatch(/\n\n {2}type {9}clinical commissioning group \(CCG\)/);
    expect(printed).toContain('  closed       still open');
    expect(printed).not.toContain('never read');
  });

  it('answers questions over the whole register', async () => {
    const out = new PassThrough();
    let printed = '';
    out.on('data', (d) => (printed += d));
    await runConsoleChat(
      await bundledEngine(),
      Readable.from(['how many CCGs were there in April 2020?\n', 'which ICB took over from Wirral CCG?\n', 'quit\n']),
      out,
    );
    expect(printed).toContain(`${ccgsOpenOn('2020-04-01').length} CCGs were open on 1 April 2020 (NHS organisation register).`);
    expect(printed).toContain('NHS Cheshire and Merseyside Integrated Care Board (QYG)');
    expect(printed).toMatch(/NHS organisation register \(eccg\.csv, line \d+\)/);
  });

  it('reads each line as following up the one before', async () => {
    const out = new PassThrough();
    let printed = '';
    out.on('data', (d) => (printed += d));
    await runConsoleChat(await bundledEngine(), Readable.from(['what was vale of york ccg told to do?\n', 'what about walsall?\n', 'quit\n']), out);
    const [, second] = printed.split('you> ').slice(1);
    expect(second).toContain('Walsall CCG placed in financial special measures');
    expect(second).toContain('joint management');
  });
});
