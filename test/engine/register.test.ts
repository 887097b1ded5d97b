/**
 * Questions over the whole register, answered by the real engine on the bundled seeds. Every expected
 * count, member list and chain is worked out here from the CSVs (test/helpers/registerCsv.ts), not by
 * the code under test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/engine/answer.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { bundledEngine } from '../helpers/knowledge.ts';
import {
  ccgRows,
  ccgsOpenOn,
  eccg,
  fileLines,
  finalOf,
  footprints,
  icbs,
  lookup2020,
  stps2019,
  successors,
  trusts,
  trustsOpenOn,
} from '../helpers/registerCsv.ts';

let engine: Engine;
const answers: Answer[] = [];
const ask = (q: string) => {
  const a = engine.ask(q);
  answers.push(a);
  return a;
};
beforeAll(async () => {
  engine = await bundledEngine();
});

const nameOf = (code: string) => engine.knowledge.organisations.get(code)!.name;

describe('counting organisations on a date', () => {
  it.each([
    ['how many CCGs were there in April 2020?', '2020-04-01', '1 April 2020'],
    ['How many CCGs were open on 1 April 2016?', '2016-04-01', '1 April 2016'],
    ['how many clinical commissioning groups were there in 2019?', '2019-04-01', '1 April 2019'],
    ['how many CCGs were there when they started?', '2013-04-01', '1 April 2013'],
    ['how many CCGs were there in April 2021?', '2021-04-01', '1 April 2021'],
    ['how many CCGs were there on 30 June 2022?', '2022-06-30', '30 June 2022'],
  ])('%s', (question, day, label) => {
    const expected = ccgsOpenOn(day).length;
    const a = ask(question);
    expect(a).toMatchObject({ answered: true, intent: 'register-count' });
    expect(a.text).toContain(`${expected} CCGs were open on ${label} (NHS organisation register).`);
    expect(a.text).toContain('Counted: CCGs whose open date is on or before the day');
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it.each([
    ['how many ccgs were left by april 2021', '2021-04-01', '1 April 2021'],
    ['how many CCGs were there at the end of March 2020?', '2020-03-31', '31 March 2020'],
    ['how many ccgs were there on 31/03/2020', '2020-03-31', '31 March 2020'],
  ])('%s (said another way)', (question, day, label) => {
    expect(ask(question).text).toContain(`${ccgsOpenOn(day).length} CCGs were open on ${label} (NHS organisation register).`);
  });

  it.each([
    ['how many ccgs were around in the summer of 2017', '2017-06-01', '1 June 2017', 'Summer 2017 is counted on its first day'],
    ['how many ccgs were there in early 2016', '2016-01-01', '1 January 2016', 'Early 2016 is counted on its first day'],
    ['how many ccgs were there at the start of 2016', '2016-01-01', '1 January 2016', ''],
    ['how many ccgs were there at the end of 2019', '2019-12-31', '31 December 2019', ''],
  ])('%s (a part of a year)', (question, day, label, rule) => {
    const a = ask(question);
    expect(a.text).toContain(`${ccgsOpenOn(day).length} CCGs were open on ${label} (NHS organisation register).`);
    expect(a.text).toContain(rule);
  });

  it('counts the CCGs "wound up" on a day as those that closed then, not those open', () => {
    const closed = ccgRows.filter((r) => r.close === '20180331');
    expect(closed.length).toBeGreaterThan(1);
    const a = ask('how many ccgs were wound up at the end of march 2018');
    expect(a.text).toMatch(new RegExp(`^${closed.length} CCGs closed on 31 March 2018`));
  });

  it('says there are no CCGs now, and why', () => {
    const a = ask('how many CCGs are there now?');
    expect(a.text).toMatch(/^No CCGs are open now/);
    expect(a.text).toContain('1 July 2022');
  });

  it('counts STPs from the list in force, ICBs, trusts and regions', () => {
    expect(ask('how many STPs were there in 2017?').text).toContain(
      `${new Set(footprints.map((f) => f.ons_stp_code)).size} STP footprints were open on 1 April 2017`,
    );
    expect(ask('how many STPs were there in 2019?').text).toContain(`${new Set(stps2019.map((s) => s.ods_stp_code)).size} STPs were open on 1 April 2019`);
    expect(ask('how many ICBs are there?').text).toContain(`${icbs.length} ICBs are open now`);
    expect(ask('how many trusts are in London?').text).toContain(
      `${trustsOpenOn(engine.knowledge.asOf, 'Y56').length} NHS trusts are open in the trust list of 2019 in NHS England London (Y56)`,
    );
    expect(ask('how many NHS England regions were there in 2017?').text).toContain(
      `${new Set(footprints.map((f) => f.region)).size} NHS England regions were open on 1 April 2017`,
    );
    expect(ask('how many NHS England regions were there in April 2020?').text).toContain(
      `${new Set(lookup2020.map((r) => r.NHSER20CDH)).size} NHS England regions were open on 1 April 2020`,
    );
  });

  it('leaves counts of interventions to the curated figures', () => {
    expect(ask('how many CCGs had legal directions in 2016-17?').intent).toBe('figures');
    const fsm = ask('how many CCGs are in the financial special measures regime?');
    expect(fsm.intent).toBe('figures');
    expect(fsm.text).toMatch(/nine \(9\)/i);
  });
});

describe('every region', () => {
  const regions = [...new Map(lookup2020.map((r) => [r.NHSER20CDH, r.NHSER20NM])).entries()];
  it.each(regions)('counts and lists the CCGs of %s (%s) in April 2020', (code, name) => {
    const expected = lookup2020.filter((r) => r.NHSER20CDH === code).map((r) => r.CCG20CDH);
    const count = ask(`how many CCGs were in the ${name} region in April 2020?`);
    expect(count.text).toContain(`${expected.length} CCGs were open on 1 April 2020 in NHS England ${name} (${code})`);
    const list = ask(`which CCGs were in the ${name} region in April 2020?`);
    expect(list.intent).toBe('register-list');
    for (const c of expected.slice(0, 8)) expect(list.text).toContain(`(${c})`);
  });
});

describe('members of STPs and ICBs at a date', () => {
  it.each([
    ['QYG', 'Cheshire and Merseyside'],
    ['QH8', 'Mid and South Essex'],
    ['QE1', 'Lancashire and South Cumbria'],
    ['QXU', 'Surrey Heartlands'],
  ])('%s %s in April 2019 and April 2020', (code, name) => {
    for (const [year, rows] of [
      ['2019', stps2019.filter((r) => r.ods_stp_code === code).map((r) => r.ccg_code)],
      ['2020', lookup2020.filter((r) => r.STP20CDH === code).map((r) => r.CCG20CDH)],
    ] as const) {
      const a = ask(`how many CCGs were in the ${name} STP in April ${year}?`);
      expect(a.text, a.text).toContain(`${rows.length} CCG${rows.length === 1 ? ' was' : 's were'} open on 1 April ${year} in`);
      const list = ask(`which CCGs were in the ${name} STP in April ${year}?`);
      for (const c of rows) expect(list.text).toContain(`(${c})`);
    }
  });
});

describe('the 2016 footprints', () => {
  it('list every CCG the 2016 list files under a footprint, those filed under two as well', () => {
    const members = footprints.filter((r) => r.ons_stp_code === 'E54000042').map((r) => r.ccg_code);
    const twice = members.filter((c) => footprints.filter((r) => r.ccg_code === c).length > 1);
    expect(twice.length).toBeGreaterThan(0);
    const a = ask('list the ccgs in the 2016 hampshire and isle of wight footprnt');
    expect(a.text).toContain(`${members.length} CCGs were open on 1 April 2016 in`);
    for (const c of members) expect(a.text).toContain(`(${c})`);
  });

  it('give a CCG filed under two footprints both, when asked which footprints it was in', () => {
    const names = footprints.filter((r) => r.ccg_code === '99M').map((r) => r.footprint_name);
    expect(names.length).toBe(2);
    const a = ask('which 2016 footprints was north east hampshire and farnham ccg in');
    expect(a.intent).toBe('organisation-parent');
    for (const n of names) expect(a.text.split('\n')[0]).toContain(`${n} STP footprint (`);
  });
});

describe('which STP, ICB or region one organisation was in', () => {
  const regionName = (code: string) => `NHS England ${lookup2020.find((r) => r.NHSER20CDH === code)!.NHSER20NM} (${code})`;

  it('gives the region the STP list of the year files a CCG under, and its regions over time where they differ', () => {
    const row = lookup2020.find((r) => r.CCG20CDH === '02Q')!;
    const own = eccg.find((r) => r.code === '02Q')!.region;
    expect(own).not.toBe(row.NHSER20CDH);
    const a = ask('which nhse region was bassetlaw in in 2020');
    expect(a.intent).toBe('organisation-parent');
    expect(a.text.split('\n')[0]).toContain(`was in ${regionName(row.NHSER20CDH)}, as the April 2020 STP list files ${row.STP20NM} (${row.STP20CDH})`);
    expect(a.text).toContain(`${regionName(own)} in its own register record`);
    const plain = ask('what region is bassetlaw ccg in');
    expect(plain.text.split('\n')[0]).toContain(`is in ${regionName(own)}`);
  });

  it("gives a CCG's STP from the list in force on the day, and the other lists' STPs", () => {
    const row = stps2019.find((r) => r.ccg_code === '06L')!;
    const a = ask('which stp was ipswich and east suffolk ccg in in 2019?');
    expect(a.intent).toBe('organisation-parent');
    expect(a.text.split('\n')[0]).toBe(`On 1 April 2019 NHS Ipswich and East Suffolk CCG (06L) was in ${row.stp_name} (${row.ods_stp_code}). [1]`);
    expect(a.text).toContain('In the other STP lists:');
  });

  it('places a CCG that had closed by the day on its last day, and says so', () => {
    const chiltern = eccg.find((r) => r.code === '10H')!;
    expect(chiltern.close).toBe('20180331');
    const fp = footprints.find((r) => r.ccg_code === '10H')!;
    const a = ask('which stp was chiltern ccg in in 2020');
    expect(a.text.split('\n')[0]).toContain(`closed on 31 March 2018; on its last day it was in ${fp.footprint_name} STP footprint (`);
  });

  it('follows a CCG to the ICB it came under in July 2022, through the CCG that took it over', () => {
    const icb = finalOf('10H');
    const a = ask('what icb did chiltern ccg end up under');
    expect(a.intent).toBe('organisation-parent');
    expect(a.text).toContain(`came under ${nameOf(icb)} (${icb})`);
    expect(a.text).toContain(`through ${nameOf(successors.find((s) => s.from === '10H')!.to)}`);
  });
});

describe('register questions as people type them', () => {
  it('corrects a typo in a name right before its kind of body to a name of that kind ("chiltren ccg")', () => {
    const a = ask('was chiltren ccg still going in 2019');
    expect(a.text).toMatch(/^No — NHS Chiltern CCG \(10H\) was not open in 2019/);
  });

  it('lists the sub-ICB locations of an ICB as the CCGs it took over', () => {
    const expected = ccgRows.filter((r) => r.parent === 'QJG' && r.close === '').map((r) => r.code);
    expect(expected.length).toBeGreaterThan(1);
    const a = ask('what sub-icb locations sit under the suffolk and north east essex icb');
    expect(a.intent).toBe('register-list');
    for (const c of expected) expect(a.text).toContain(`(${c})`);
  });

  it('counts the new CCGs of a month as those that opened then', () => {
    const opened = ccgRows.filter((r) => r.open.startsWith('201804'));
    const a = ask('how many new ccgs statred up in april 2018');
    expect(a.text).toMatch(new RegExp(`^${opened.length} CCGs opened in April 2018`));
  });

  it('counts the CCGs that merged into one, and lists those of an area that went into one named after "into"', () => {
    const into = (code: string) => successors.filter((s) => s.to === code).map((s) => s.from);
    const counted = ask('how many ccgs merged into the coventry and warwickshire ccg in 2021');
    expect(counted.text).toMatch(new RegExp(`^${into('B2M3M').length} CCGs went into NHS Coventry and Warwickshire ICB - B2M3M`));
    const listed = ask('which of the 2019 cheshire and merseyside stp ccgs got merged into cheshire ccg');
    expect(listed.intent).toBe('successors');
    for (const c of into('27D')) expect(listed.text.split('\n')[0]).toContain(`(${c})`);
  });

  it('reads "folded into" before a system\'s initials ("the gm icb") as going into that body, not as its successor', () => {
    const expected = ccgRows.filter((r) => r.parent === 'QOP' && r.close === '').map((r) => r.code);
    const a = ask('what ccgs got folded into the gm icb');
    expect(a.text).not.toContain('no successor');
    for (const c of expected) expect(a.text).toContain(`(${c})`);
  });

  it('reads "these days" as now, and a state asked after without a verb ("- still about in 2018?") as yes or no', () => {
    expect(ask('what icb does wyre forest sit in these days').text).toContain(`(${finalOf('06D')})`);
    const open = ccgRows.find((r) => r.code === '10C')!;
    expect(open.close > '20190000' && open.open < '20180101').toBe(true);
    expect(ask('surrey heath ccg - still about in 2018?').text).toMatch(/^Yes — NHS Surrey Heath CCG \(10C\) was open throughout 2018/);
  });

  it('reads a point of the compass and a county as people shorten them ("ne lincs")', () => {
    const row = lookup2020.find((r) => r.CCG20NM === 'NHS North East Lincolnshire CCG')!;
    expect(ask('ods code for ne lincs ccg').text).toContain(`is ${row.CCG20CDH}.`);
  });

  it('reads "combined to make" as what a merged CCG was formed from', () => {
    const from = successors.filter((s) => s.to === '92G').map((s) => s.from);
    expect(from.length).toBe(3);
    const a = ask('which ccgs combined to make bsw ccg');
    for (const c of from) expect(a.text.split('\n')[0]).toContain(`(${c})`);
  });
});

describe('places named in the register', () => {
  it('reads "Surrey" as the CCGs named for it and those of the STP named for it, not Sussex', () => {
    const a = ask('which Surrey CCGs merged?');
    expect(a.intent).toBe('register-changes');
    const into92A = successors.filter((s) => s.to === '92A').map((s) => s.from);
    for (const c of into92A) expect(a.text).toContain(`(${c})`);
    expect(a.text).toContain('NHS Surrey Heartlands CCG (92A)');
    expect(a.text).not.toContain('Brighton');
  });

  it('lists the trusts of a city by name', () => {
    const leeds = trusts.filter((t) => /\bLEEDS\b/.test(t.name)).map((t) => t.code);
    const a = ask('which trusts are in Leeds?');
    expect(a.text).toContain(`${leeds.length} NHS trusts`);
    for (const c of leeds) expect(a.text).toContain(`(${c})`);
  });

  it('explains that trusts are filed under the regions before 2019', () => {
    const a = ask('how many trusts are in the North West?');
    expect(a.text).toMatch(/^No NHS trusts/);
    expect(a.text).toContain('regions before April 2019');
  });
});

describe('what changed in a period', () => {
  it('lists the London CCG mergers of April 2020', () => {
    const london = new Set(eccg.filter((r) => r.region === 'Y56').map((r) => r.code));
    const rows = successors.filter((s) => s.legal_start === '2020-04-01' && london.has(s.from));
    const into = new Set(rows.map((r) => r.to));
    const a = ask('which London CCGs merged in April 2020?');
    expect(a.intent).toBe('register-changes');
    expect(a.text).toContain(`${rows.length} CCGs in NHS England London (Y56) merged into ${into.size} new CCGs in April 2020`);
    for (const to of into) expect(a.text).toContain(`merged into ${nameOf(to)} (${to})`);
  });

  it('counts the CCGs that closed on a day', () => {
    const closed = ccgRows.filter((r) => r.close === '20200331');
    expect(ask('how many ccgs closed at the end of march 2020?').text).toContain(`${closed.length} CCGs closed on 31 March 2020`);
  });

  it('counts the CCGs that closed in a year', () => {
    const closed = ccgRows.filter((r) => r.close.startsWith('2018'));
    expect(ask('which CCGs closed in 2018?').text).toContain(`${closed.length} CCGs closed in 2018`);
  });

  it('counts the CCGs that opened in a financial year', () => {
    const opened = ccgRows.filter((r) => r.open >= '20200401' && r.open <= '20210331');
    expect(ask('which CCGs opened in 2020-21?').text).toContain(`${opened.length} CCGs opened in 2020-21`);
  });

  it('leaves "what changed in April 2018?" to the dated entries, register changes first', () => {
    const a = ask('what changed in April 2018?');
    expect(a.intent).toBe('when');
    expect(a.text.split('\n')[1]).toMatch(/^• 1 April 2018: .* merged into/);
  });

  it('puts roughly dated document events under their own heading', () => {
    const a = ask('what happened in March 2017?');
    const lines = a.text.split('\n');
    const heading = lines.findIndex((l) => l.startsWith('Dated only roughly'));
    expect(heading).toBeGreaterThan(1);
    expect(lines.slice(1, heading).every((l) => l.startsWith('• 31 March 2017') || l.startsWith('• '))).toBe(true);
    expect(lines.slice(heading + 1).some((l) => l.includes('later in 2017'))).toBe(true);
  });
});

describe('one organisation over time', () => {
  it('says whether a CCG was open in a year', () => {
    expect(ask('was Thurrock CCG still around in 2021?').text).toMatch(/^Yes — NHS Thurrock CCG \(07G\) was open throughout 2021/);
    expect(ask('was East Surrey CCG open in 2021?').text).toMatch(/^No — NHS East Surrey CCG \(09L\) was not open in 2021/);
    expect(ask('was East Surrey CCG open in 2020?').text).toMatch(/^Yes — NHS East Surrey CCG \(09L\) was open for part of 2020, not at its end/);
  });

  it('gives open and close dates', () => {
    const row = ccgRows.find((r) => r.code === '09L')!;
    const a = ask('when did East Surrey CCG close?');
    expect(a.intent).toBe('organisation-dates');
    expect(row.close).toBe('20200331');
    expect(a.text).toContain('closed on 31 March 2020');
  });

  it.each(['09L', '12F', '11T', '02V', '07G'])('follows %s to its final successor', (code) => {
    const final = finalOf(code);
    const a = ask(`what replaced ${nameOf(code)}?`);
    expect(a.intent).toBe('successors');
    expect(a.text).toContain(`Final successor: ${nameOf(final)} (${final})`);
  });

  it('answers which ICB took over from a CCG, through the July 2022 handover', () => {
    const a = ask('which ICB took over from Wirral CCG?');
    expect(a.text).toContain('On 1 July 2022 NHS Wirral CCG (12F) handed over to NHS Cheshire and Merseyside Integrated Care Board (QYG)');
  });

  it('counts what a CCG was formed from when asked how many, the merger it counts after', () => {
    const from = successors.filter((s) => s.to === '91Q').map((s) => s.from);
    const a = ask('how many ccgs merged to make kent and medway');
    expect(a.intent).toBe('successors');
    expect(a.text).toMatch(new RegExp(`^${from.length} CCGs went into NHS Kent and Medway CCG \\(91Q\\)\\.`));
    for (const c of from) expect(a.text).toContain(`(${c})`);
  });

  it('reads "which CCGs went into X" as what X was formed from, and "went into special measures" as an intervention', () => {
    const code = ccgRows.find((r) => r.open === '20210401' && /BLACK COUNTRY/.test(r.name))!.code;
    const from = successors.filter((s) => s.to === code).map((s) => s.from);
    expect(from.length).toBeGreaterThan(1);
    const a = ask('what ccgs went into the black country one in 2021');
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/formed from|merged into/);
    for (const c of from) expect(a.text).toContain(`(${c})`);
    expect(ask('which ccgs went into special measures?').intent).toBe('interventions-list');
  });

  it('answers yes or no on whether one organisation went into another, naming both', () => {
    const into = successors.find((s) => s.from === '10T')!.to;
    expect(ask(`did slough ccg get merged into ${nameOf(into)}`).text).toMatch(
      new RegExp(`^Yes — .*NHS Slough CCG \\(10T\\) was succeeded by ${nameOf(into)}`),
    );
    const no = ask('did east surrey ccg merge into leeds ccg');
    expect(no.text).toMatch(/^No — the register does not show NHS East Surrey CCG \(09L\) going into or coming from NHS Leeds CCG \(15F\)/);
  });

  it('reads "which CCGs did an ICB replace" as the CCGs handed over to it in July 2022', () => {
    const handed = eccg.filter((r) => r.parent === 'QYG' && r.role === 'RO319').map((r) => r.code);
    expect(handed.length).toBeGreaterThan(3);
    const a = ask('Which CCGs did NHS Cheshire and Merseyside ICB replace?');
    expect(a.text).toMatch(/^On 1 July 2022 .* handed over to NHS Cheshire and Merseyside Integrated Care Board \(QYG\)/);
    for (const c of handed) expect(a.text).toContain(`(${c})`);
  });

  it('reads "which CCGs went into an ICB" as the CCGs it took over, not a profile of the ICB', () => {
    const handed = eccg.filter((r) => r.parent === 'QE1' && r.role === 'RO319').map((r) => r.code);
    expect(handed.length).toBeGreaterThan(3);
    for (const q of ['which ccgs went into NHS Lancashire and South Cumbria ICB', 'which ccgs are being folded into lancashire and south cumbria icb']) {
      const a = ask(q);
      expect(a.intent, q).not.toBe('mergers');
      for (const c of handed) expect(a.text, q).toContain(`(${c})`);
    }
  });

  it('answers whether one organisation is in another, yes with the rows that file it there, no with where it is filed', () => {
    const thurrock = eccg.find((r) => r.code === '07G')!;
    const yes = ask(`is thurrock ccg in the ${nameOf(thurrock.parent).replace(/^NHS /, '')}`);
    expect(yes.intent).toBe('organisation-in');
    expect(yes.text).toMatch(
      new RegExp(`^Yes — NHS Thurrock CCG \\(07G\\) is filed under ${nameOf(thurrock.parent)} \\(${thurrock.parent}\\) in the register`),
    );
    const lincs = eccg.find((r) => r.code === '03H')!;
    const no = ask('is north east lincs in the lincolnshire icb');
    expect(no.text).toMatch(/^No — NHS North East Lincolnshire CCG \(03H\) is filed under .* not NHS Lincolnshire Integrated Care Board \(QJM\)/);
    expect(no.text).toContain(`handed over to ${nameOf(lincs.parent)} (${lincs.parent})`);
  });

  it('counts after a change named as a time ("after the April 2020 mergers")', () => {
    expect(ask('How many CCGs were there in England after the April 2020 mergers?').text).toContain(
      `${ccgsOpenOn('2020-04-01').length} CCGs were open on 1 April 2020`,
    );
  });

  it('says what a CCG was formed from', () => {
    const from = successors.filter((s) => s.to === '15F').map((s) => s.from);
    const a = ask('what was Leeds CCG formed from?');
    for (const c of from) expect(a.text).toContain(`(${c})`);
    expect(a.text).toContain('merged into NHS Leeds CCG (15F)');
  });
});

describe('codes both ways', () => {
  it('gives a trust’s ODS code', () => {
    const code = trusts.find((t) => t.name === 'LEEDS TEACHING HOSPITALS NHS TRUST')!.code;
    expect(ask("what's the ODS code for Leeds Teaching Hospitals?").text).toContain(`is ${code}`);
  });

  it.each(footprints.filter((_, i) => i % 40 === 0).map((f) => [f.ons_stp_code, f.footprint_name]))('names the 2016 footprint %s', (ons, name) => {
    const a = ask(`which organisation is ${ons}?`);
    expect(a.intent).toBe('organisation-codes');
    const stp = stps2019.find((s) => s.ons_stp_code === ons);
    // A footprint whose ONS code carried on into the 2019 STPs is that STP (and now ICB); the rest stand alone.
    expect(a.text).toContain(stp ? `${ons} is the ONS code of` : `${ons} is the ONS code of ${name.replace(/\s+/g, ' ')}`);
  });

  it('gives an ICB’s ODS and ONS codes', () => {
    const icb = icbs.find((r) => r.ICB24CDH === 'QYG')!;
    const a = ask('what is the ONS code for Cheshire and Merseyside ICB?');
    expect(a.text).toContain('is QYG');
    expect(a.text).toContain(icb.ICB24CD);
  });

  it('offers each body’s code, type and dates when a name fits several', () => {
    const a = ask('what is the ODS code for essex?');
    expect(a.text.split('\n')[1]).toBe('• NHS Mid and South Essex Integrated Care Board: QH8 (integrated care board (ICB), since 1 July 2022) [1]');
    expect(a.text).toContain('NHS Mid Essex CCG: 06Q (clinical commissioning group (CCG), opened 1 April 2013)');
  });

  it('answers yes or no on whether a code is an organisation’s, saying whose it is when not', () => {
    expect(ask('is QH8 the ods code for mid and south essex icb').text).toMatch(/^Yes — QH8 is the ODS code of NHS Mid and South Essex Integrated Care Board/);
    const southend = lookup2020.find((r) => r.CCG20NM === 'NHS Southend CCG')!.CCG20CDH;
    expect(southend).not.toBe('07G');
    expect(ask('is 07G the code for southend ccg').text).toMatch(
      new RegExp(`^No — 07G is the code of NHS Thurrock CCG \\(07G\\), not of NHS Southend CCG \\(${southend}\\)\\.`),
    );
  });

  it('names the organisation behind an ODS code', () => {
    expect(ask('whose code is RAJ?').text).toContain('RAJ is the ODS code of Southend University Hospital NHS Foundation Trust');
  });
});

describe('register citations a person can check', () => {
  it('name the organisation, the field and the file and line, and quote that line exactly', () => {
    expect(answers.length).toBeGreaterThan(40);
    let checked = 0;
    for (const a of answers) {
      expect(a.text.length).toBeLessThanOrEqual(1500);
      expect(a.citations.length).toBeLessThanOrEqual(10);
      for (const c of a.citations.filter((x) => x.document.startsWith('register:'))) {
        const m = /NHS organisation register \(([\w.]+), line (\d+)\)/.exec(c.title);
        expect(m, c.title).not.toBeNull();
        expect(fileLines(m![1])[Number(m![2])]).toBe(c.quote);
        checked++;
      }
      // No raw CSV row in what a person reads.
      expect(a.text).not.toMatch(/"[0-9A-Z]{3}","NHS /);
    }
    expect(checked).toBeGreaterThan(100);
  });
});
