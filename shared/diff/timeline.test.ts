import { describe, expect, it } from 'vitest';
import { loadFixtureDir } from '../../fixtures/load-fixtures';
import { ingest } from '../ingest/index';
import { compareLoads } from './compare-loads';
import { timelineOf } from './timeline';
import { toTopologyDiff } from './to-topology-diff';

const load = (dir: string) => ingest(loadFixtureDir(dir));

describe('timelineOf', () => {
  it('orders loads by data time whatever order they were opened in, and diffs neighbours', () => {
    const t = timelineOf([
      { name: 'later', topology: load('diff/rolling-deploy/new') },
      { name: 'earlier', topology: load('diff/rolling-deploy/old') },
    ]);
    expect(t.steps.map((s) => [s.name, s.time.time])).toEqual([
      ['earlier', '2026-11-28T09:00:10.000Z'],
      ['later', '2026-11-28T10:06:00.000Z'],
    ]);
    expect(t.diffs).toHaveLength(1);
    expect(t.diffs[0].log[0].headline).toMatch(/^checkout: rev 41 → 42/);
    expect(t.diffs[0].warnings).toEqual([]);
  });
});

describe('toTopologyDiff (the canvas marks and the Changes panel)', () => {
  it('one row per object; a deployment marks its service; removed tasks hang under their service', () => {
    const d = toTopologyDiff(compareLoads(load('diff/image-digest/old'), load('diff/image-digest/new')));
    const service = d.changes.find((c) => c.kind === 'service');
    expect(service?.change).toBe('changed');
    expect(service?.summary).toContain('deployment started (rev 41)');
    expect(service?.summary).toContain('tasks replaced: images');
    expect(d.counts).toEqual({ added: 2, removed: 2, changed: 1 });
    expect(d.removedByParent[service!.id].map((c) => c.name)).toEqual(['eeee0001', 'eeee0002']);
  });

  it('a stopped task is one row whose summary carries its stop code, reason and exit codes once', () => {
    const d = toTopologyDiff(compareLoads(load('diff/rolling-deploy/old'), load('diff/rolling-deploy/new')));
    const stopped = d.changes.filter((c) => c.name === 'bbbb0001');
    expect(stopped.map((c) => c.summary)).toEqual([
      'task stopped (ServiceSchedulerInitiated; Scaling activity initiated by (deployment ecs-svc/2222); web=0)',
    ]);
  });
});
