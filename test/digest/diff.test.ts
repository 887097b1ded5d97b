/** Changes between two knowledge folders, by stable id: a status change is a change, not a removal and an addition. */
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/digest/diff.ts';
import { factSnapshot, parseSnapshot } from '../../src/digest/snapshot.ts';
import { buildDigest } from '../../src/digest/build.ts';
import { BASE_DIR, CHANGED_DIR, fixture } from './helpers/fixtures.ts';

const before = fixture(BASE_DIR);
const after = fixture(CHANGED_DIR);

describe('diffSnapshots', () => {
  const entries = diffSnapshots(factSnapshot(before), factSnapshot(after), after);

  it('finds exactly one change, one addition and one removal (ordered by kind of fact, then title)', () => {
    expect(entries.map((e) => [e.kind, e.id])).toEqual([
      ['fact-added', 'added:interventions:north-tyneside-review-2016'],
      ['fact-removed', 'removed:interventions:east-surrey-review-2016'],
      ['fact-changed', 'changed:interventions:bnssg-single-commissioning-2016'],
    ]);
  });

  it('a changed status reads "status: planned → completed"', () => {
    const changed = entries.find((e) => e.kind === 'fact-changed')!;
    expect(changed.changes).toEqual(['status: planned → completed']);
    expect(changed.summary).toBe(
      'Changed intervention: Single commissioning leadership across Bristol, North Somerset and South Gloucestershire — status: planned → completed.',
    );
    expect(changed.organisations).toEqual(['11H', '11T', '12A']);
    expect(changed.citations[0].quote).toContain('instructed to work with Bristol CCG');
  });

  it('an added fact cites its source; a removed one still cites the source it had', () => {
    const added = entries.find((e) => e.kind === 'fact-added')!;
    expect(added).toMatchObject({ organisations: ['99C'], date: { label: '21 July 2016' } });
    expect(added.citations[0]).toMatchObject({
      document: 'single-commissioning-2016',
      quote: 'will have to review its governance and implement a financial recovery plan',
    });
    const removed = entries.find((e) => e.kind === 'fact-removed')!;
    expect(removed.summary).toBe('Removed intervention: Organisational review of East Surrey CCG (July 2016, announced) (no longer in the knowledge).');
    expect(removed.citations[0].quote).toBe('East Surrey CCG will be affected by the change');
  });

  it('the same knowledge has no changes, and a snapshot survives being stored as JSON', () => {
    expect(diffSnapshots(factSnapshot(before), factSnapshot(before), before)).toEqual([]);
    const stored = parseSnapshot(JSON.stringify(factSnapshot(before)))!;
    expect(diffSnapshots(stored, factSnapshot(after), after)).toEqual(entries);
    expect(parseSnapshot('not json')).toBeNull();
  });

  it('a digest filter applies to changes too', () => {
    const digest = buildDigest(after, { from: '2030-01-01', to: '2030-01-01', since: factSnapshot(before), filter: 'South West' });
    expect(digest.events).toEqual([]);
    expect(digest.changes.map((e) => e.kind)).toEqual(['fact-changed']);
  });
});
