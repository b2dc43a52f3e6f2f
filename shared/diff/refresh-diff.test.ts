import { describe, expect, it } from 'vitest';
import { ingest } from '../ingest/index';
import type { Bundle } from '../ingest/bundle';
import { generateAccount } from '../synth/generate-account';
import { isNewerSnapshotOfSameAccount, isReopenOfSameScope, refreshDiff } from './refresh-diff';
import { loadFixtureDir } from '../../fixtures/load-fixtures';

const base = generateAccount({
  seed: 7,
  clusters: 1,
  services: 2,
  tasksPerService: [2, 2],
  stoppedShare: 0,
  unhealthyShare: 0,
  standalonePerCluster: 0,
});
const load = (b: Bundle) => ingest([{ name: 'snapshot.json', text: JSON.stringify(b) }]);
const later = (b: Bundle, minutes: number): Bundle => ({
  ...structuredClone(b),
  fetchedAt: new Date(Date.parse(b.fetchedAt ?? '') + minutes * 60_000).toISOString(),
});

describe('refreshDiff', () => {
  it('diffs a later snapshot of the same account: a desired count changed shows on that service', () => {
    const next = later(base, 5);
    (next.services?.[0] as Record<string, unknown>).desiredCount = 9;
    const d = refreshDiff(load(base), load(next));
    expect(d?.changes.map((c) => c.summary)).toEqual([expect.stringMatching(/^desired count 2 → 9/)]);
  });

  it('gives no diff for the first load, an older or same-time snapshot, or another account', () => {
    const prev = load(base);
    expect(refreshDiff(null, prev)).toBeNull();
    expect(refreshDiff(prev, load(base))).toBeNull();
    expect(refreshDiff(prev, load(later(base, -5)))).toBeNull();
    const other = generateAccount({
      seed: 7,
      accountId: '999988887777',
      clusters: 1,
      services: 2,
      tasksPerService: [2, 2],
    });
    expect(isNewerSnapshotOfSameAccount(prev, load(later(other, 60)))).toBe(false);
  });

  it('describe-* files without a fetch time are never a refresh', () => {
    const { fetchedAt: _dropped, ...rest } = base;
    void _dropped;
    expect(isNewerSnapshotOfSameAccount(load(rest as Bundle), load(later(base, 5)))).toBe(false);
  });
});

describe('isReopenOfSameScope (reopening changed describe-* files)', () => {
  const raw = (dir: string) => ingest(loadFixtureDir(dir));

  it('the same cluster described again, later: a reopen', () => {
    expect(isReopenOfSameScope(raw('diff/scale-up/old'), raw('diff/scale-up/new'))).toBe(true);
    // Unchanged files reopened: still a reopen (the diff then says nothing changed).
    expect(isReopenOfSameScope(raw('diff/scale-up/old'), raw('diff/scale-up/old'))).toBe(true);
  });

  it('older data, another cluster, or two fetched snapshots (the refresh rule) are not', () => {
    expect(isReopenOfSameScope(raw('diff/scale-up/new'), raw('diff/scale-up/old'))).toBe(false);
    const staging = ingest(
      loadFixtureDir('diff/scale-up/new').map((s) => ({
        ...s,
        text: s.text.replaceAll('cluster/prod', 'cluster/staging'),
      })),
    );
    expect(isReopenOfSameScope(raw('diff/scale-up/old'), staging)).toBe(false);
    expect(isReopenOfSameScope(load(base), load(later(base, 5)))).toBe(false);
  });
});
