/**
 * The two diffs read their facts through one extractor (object-facts.ts). Over every pair of fixtures/diff/, the
 * refresh diff (what the canvas marks after a Refresh) and the comparison of loads (`diff`, "Compare with…", the
 * timeline) must tell the same story wherever both watch the same thing: a user who sees "desired count 2 → 4"
 * on the canvas sees "desired 2 → 4" in the CLI. An edit to the shared extractor that changes one changes both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, loadFixtureDir } from '../../fixtures/load-fixtures';
import { ingest } from '../ingest/index';
import type { Topology } from '../model/types';
import { compareLoads, type LoadDiff } from './compare-loads';
import { diffTopology, type TopologyDiff } from './diff-topology';
import { refreshDiff } from './refresh-diff';
import { timelineOf } from './timeline';

/** The fields both diffs watch, per kind. */
const SHARED: Record<string, readonly string[]> = {
  cluster: ['status'],
  service: ['status', 'desiredCount', 'runningCount', 'pendingCount', 'taskDefinition'],
  task: ['lastStatus', 'healthStatus', 'desiredStatus'],
  containerInstance: ['status', 'agentConnected'],
};

/** The refresh diff keeps a task definition's model id; the comparison of loads says `family:rev`. */
const plain = (v: unknown) => (typeof v === 'string' && v.startsWith('taskDefinition|') ? v.split('|').pop() : v);

const refreshRows = (d: TopologyDiff) =>
  d.changes
    .filter((c) => c.change === 'changed')
    .flatMap((c) =>
      c.fields
        .filter((f) => SHARED[c.kind]?.includes(f.field))
        .map((f) => `${c.kind} ${c.name} ${f.field}: ${plain(f.before)} → ${plain(f.after)}`),
    )
    .sort();

// A value one load lacks is not a change to the refresh diff; the comparison of loads shows a task's stop facts
// appearing (null → value). Only changes from a known value to a known value are the same change in both.
const loadRows = (d: LoadDiff) =>
  d.changed
    .filter((c) => SHARED[c.kind]?.includes(c.field) && c.from !== null && c.to !== null)
    .map((c) => `${c.kind} ${c.name} ${c.field}: ${c.from} → ${c.to}`)
    .sort();

const objects = (rows: { kind: string; name: string }[]) =>
  rows
    .filter((r) => r.kind in SHARED)
    .map((r) => `${r.kind} ${r.name}`)
    .sort();

const PAIRS = readdirSync(join(FIXTURES, 'diff'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && readdirSync(join(FIXTURES, 'diff', e.name)).includes('old'))
  .map((e) => e.name)
  .sort();
const load = (dir: string) => ingest(loadFixtureDir(dir));
const timeline = readdirSync(join(FIXTURES, 'diff/timeline'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    name: f,
    topology: ingest([{ name: f, text: readFileSync(join(FIXTURES, 'diff/timeline', f), 'utf8') }]),
  }));

function expectAgreement(older: Topology, newer: Topology, refresh: TopologyDiff, loads: LoadDiff): void {
  expect(refreshRows(refresh)).toEqual(loadRows(loads));
  const rows = (k: 'added' | 'removed') => refresh.changes.filter((c) => c.change === k);
  expect(objects(rows('added'))).toEqual(objects(loads.added));
  expect(objects(rows('removed'))).toEqual(objects(loads.removed));
  // A removed object's "gone" mark hangs on the same parent in both, also when NEW only lists that parent (a
  // placeholder, still drawn).
  for (const r of rows('removed')) {
    const same = loads.removed.find((l) => l.objectId === r.id);
    expect(same?.parentId).toBe(r.parentId);
  }
  // Both diffs name objects the same way: a task by its short id, a host by its EC2 instance id.
  const names = new Map([...older.tasks, ...newer.tasks].map((t) => [t.id, t.shortId]));
  for (const c of refresh.changes) if (c.kind === 'task') expect(c.name).toBe(names.get(c.id));
}

describe('the refresh diff and the comparison of loads agree (one extractor of object facts)', () => {
  it('finds the fixture pairs', () => {
    expect(PAIRS).toEqual(['host-drained', 'image-digest', 'rolling-deploy', 'scale-up']);
    expect(timeline).toHaveLength(3);
  });

  it.each(PAIRS)('%s: the same changed fields, added and removed objects, in both', (name) => {
    const older = load(`diff/${name}/old`);
    const newer = load(`diff/${name}/new`);
    const refresh = diffTopology(older, newer);
    const loads = compareLoads(older, newer);
    expect(loads.equal).toBe(false);
    expect(refresh.changes.length).toBeGreaterThan(0);
    expectAgreement(older, newer, refresh, loads);
  });

  it('each step of the timeline bundles: a refresh and the timeline diff say the same', () => {
    const t = timelineOf(timeline);
    const byName = new Map(timeline.map((l) => [l.name, l.topology]));
    expect(t.diffs).toHaveLength(2);
    t.diffs.forEach((loads, i) => {
      const older = byName.get(t.steps[i].name)!;
      const newer = byName.get(t.steps[i + 1].name)!;
      const refresh = refreshDiff(older, newer);
      expect(refresh).not.toBeNull();
      expectAgreement(older, newer, refresh!, loads);
    });
  });

  it('the changes a user acts on read the same in both', () => {
    const both = (name: string) => {
      const older = load(`diff/${name}/old`);
      const newer = load(`diff/${name}/new`);
      return { refresh: refreshRows(diffTopology(older, newer)), loads: loadRows(compareLoads(older, newer)) };
    };
    const scale = both('scale-up');
    expect(scale.refresh).toContain('service checkout desiredCount: 2 → 4');
    expect(scale.loads).toContain('service checkout desiredCount: 2 → 4');
    const deploy = both('rolling-deploy');
    expect(deploy.refresh).toContain('service checkout taskDefinition: checkout:41 → checkout:42');
    expect(deploy.loads).toContain('service checkout taskDefinition: checkout:41 → checkout:42');
    expect(deploy.refresh).toContain('task bbbb0001 lastStatus: RUNNING → STOPPED');
    expect(deploy.loads).toContain('task bbbb0001 lastStatus: RUNNING → STOPPED');
    const drained = both('host-drained');
    expect(drained.refresh).toContain('containerInstance i-0aaa1111bbbb2222c status: ACTIVE → DRAINING');
    expect(drained.loads).toContain('containerInstance i-0aaa1111bbbb2222c status: ACTIVE → DRAINING');
  });

  it('on purpose, only the comparison of loads reads image digests (a container never changes its own)', () => {
    const older = load('diff/image-digest/old');
    const newer = load('diff/image-digest/new');
    const images = compareLoads(older, newer).changed.find((c) => c.field === 'images');
    expect(images).toMatchObject({ kind: 'service', name: 'checkout' });
    expect(String(images?.to)).toContain('@sha256:bbbbbbbbbbbb');
    const refresh = diffTopology(older, newer);
    expect(refresh.changes.flatMap((c) => c.fields.map((f) => f.field))).not.toContain('images');
    expect(JSON.stringify(refresh)).not.toContain('sha256');
  });
});
