import { describe, expect, it } from 'vitest';
import { jsonSource, loadFixtureDir } from '../../fixtures/load-fixtures';
import { ingest } from '../ingest/index';
import { compareLoads } from './compare-loads';

const pair = (name: string) =>
  compareLoads(ingest(loadFixtureDir(`diff/${name}/old`)), ingest(loadFixtureDir(`diff/${name}/new`)));
const row = (d: ReturnType<typeof pair>, name: string, field: string) =>
  d.changed.find((c) => c.name === name && c.field === field);

describe('compareLoads on raw describe-* pairs', () => {
  it('scale up: desired and running 2 → 4, two tasks started, nothing removed', () => {
    const d = pair('scale-up');
    expect(d.equal).toBe(false);
    expect(row(d, 'checkout', 'desiredCount')).toMatchObject({ kind: 'service', from: 2, to: 4 });
    expect(row(d, 'checkout', 'runningCount')).toMatchObject({ from: 2, to: 4 });
    expect(d.added.filter((a) => a.kind === 'task').map((a) => a.name)).toEqual(['aaaa0003', 'aaaa0004']);
    expect(d.removed).toEqual([]);
    expect(d.log.find((l) => l.name === 'checkout')?.headline).toBe('checkout: desired 2 → 4, 2 tasks started');
  });

  it('rolling deploy: rev 41 → 42, 3 tasks replaced, 1 failed to start with its reason', () => {
    const d = pair('rolling-deploy');
    expect(row(d, 'checkout', 'taskDefinition')).toMatchObject({ from: 'checkout:41', to: 'checkout:42' });
    expect(d.log[0].headline).toMatch(
      /^checkout: rev 41 → 42, deployment started \(rev 42\), 3 tasks replaced, 1 failed to start \(CannotPullContainerError\)/,
    );
    // The stop of each replaced task, with its code, reason and exit codes.
    expect(row(d, 'bbbb0001', 'lastStatus')).toMatchObject({ from: 'RUNNING', to: 'STOPPED' });
    expect(row(d, 'bbbb0001', 'lastStatus')?.summary).toBe(
      'task stopped (ServiceSchedulerInitiated; Scaling activity initiated by (deployment ecs-svc/2222); web=0)',
    );
    expect(row(d, 'bbbb0001', 'stopCode')).toMatchObject({ from: null, to: 'ServiceSchedulerInitiated' });
    expect(row(d, 'bbbb0001', 'exitCodes')).toMatchObject({ from: null, to: 'web=0' });
    const failed = d.added.find((a) => a.name === 'cccc0009');
    expect(failed?.summary).toMatch(/^task failed to start \(TaskFailedToStart; CannotPullContainerError: /);
    expect(d.added.find((a) => a.kind === 'deployment')?.summary).toBe('deployment started (rev 42)');
    expect(d.removed.map((r) => `${r.kind} ${r.summary}`)).toEqual(['deployment deployment ended']);
  });

  it('host drained: the host DRAINING, its task replaced on the other host, not moved', () => {
    const d = pair('host-drained');
    expect(row(d, 'i-0aaa1111bbbb2222c', 'status')).toMatchObject({
      kind: 'containerInstance',
      from: 'ACTIVE',
      to: 'DRAINING',
      summary: 'host drained (DRAINING)',
    });
    expect(d.log.map((l) => l.headline)).toEqual([
      'worker: 1 task replaced',
      'cluster prod: host i-0aaa1111bbbb2222c drained (DRAINING)',
    ]);
    expect(d.removed.map((r) => r.name)).toEqual(['dddd0001']);
  });

  it('image digest changed under the same tag: the service says which digest its tasks now run', () => {
    const d = pair('image-digest');
    const images = row(d, 'checkout', 'images');
    expect(images?.from).toBe('web registry.example.com/checkout:1.25@sha256:aaaaaaaaaaaa');
    expect(images?.to).toBe('web registry.example.com/checkout:1.25@sha256:bbbbbbbbbbbb');
    // Same task definition: no revision change, yet the tasks were replaced.
    expect(row(d, 'checkout', 'taskDefinition')).toBeUndefined();
    expect(d.log[0].headline).toContain('2 tasks replaced');
    expect(d.log[0].headline).toContain('@sha256:bbbbbbbbbbbb');
  });

  it('a load compared with itself is equal; timestamps and events alone do not count', () => {
    const old = loadFixtureDir('diff/scale-up/old');
    const services = JSON.parse(old.find((s) => s.name.endsWith('describe-services.json'))!.text) as {
      services: { events: unknown[]; deployments: { updatedAt: string }[] }[];
    };
    services.services[0].events.unshift({ id: 'e9', createdAt: '2026-11-28T11:00:00+00:00', message: 'new event' });
    services.services[0].deployments[0].updatedAt = '2026-11-28T11:00:00+00:00';
    const later = old.map((s) => (s.name.endsWith('describe-services.json') ? jsonSource(s.name, services) : s));
    const d = compareLoads(ingest(old), ingest(later));
    expect(d.equal).toBe(true);
    expect(d.changed).toEqual([]);
    expect(d.to.time).toBe('2026-11-28T11:00:00.000Z');
  });
});

describe('the rules of comparing', () => {
  it('a NEW without a tasks file makes no task removed (and says so)', () => {
    const old = ingest(loadFixtureDir('diff/scale-up/old'));
    const newer = ingest(loadFixtureDir('diff/scale-up/new').filter((s) => !s.name.endsWith('describe-tasks.json')));
    const d = compareLoads(old, newer);
    expect(d.removed).toEqual([]);
    expect(d.compared.kinds).not.toContain('task');
    expect(d.warnings).toContain('tasks are described only in OLD: not compared (no task counts as added or removed)');
    expect(row(d, 'checkout', 'desiredCount')).toMatchObject({ from: 2, to: 4 });
  });

  it('a NEW with an empty tasks file does say every task is gone', () => {
    const old = ingest(loadFixtureDir('diff/scale-up/old'));
    const newer = ingest([
      ...loadFixtureDir('diff/scale-up/new').filter((s) => !s.name.endsWith('describe-tasks.json')),
      jsonSource('describe-tasks.json', { tasks: [], failures: [] }),
    ]);
    expect(compareLoads(old, newer).removed.map((r) => r.name)).toEqual(['aaaa0001', 'aaaa0002']);
  });

  it('a cluster only one load describes is not compared', () => {
    const old = ingest(loadFixtureDir('diff/scale-up/old'));
    const other = ingest([
      jsonSource('describe-clusters.json', {
        clusters: [
          {
            clusterArn: 'arn:aws:ecs:eu-west-1:111122223333:cluster/staging',
            clusterName: 'staging',
            status: 'ACTIVE',
          },
        ],
      }),
      ...loadFixtureDir('diff/scale-up/new')
        .filter((s) => !s.name.endsWith('describe-clusters.json'))
        .map((s) => ({ ...s, text: s.text.replaceAll('cluster/prod', 'cluster/staging') })),
    ]);
    const d = compareLoads(old, other);
    expect(d.compared.clusters).toEqual([]);
    expect(d.equal).toBe(true);
    expect(d.warnings).toContain('cluster prod is described only in OLD: not compared');
  });

  it('the time of a load is the caption’s data time; OLD later than NEW is warned about; unknown is null', () => {
    const old = ingest(loadFixtureDir('diff/scale-up/old'));
    const newer = ingest(loadFixtureDir('diff/scale-up/new'));
    const backwards = compareLoads(newer, old);
    expect(backwards.from.time).toBe('2026-11-28T10:01:30.000Z');
    expect(backwards.to.time).toBe('2026-11-28T09:00:10.000Z');
    expect(backwards.warnings[0]).toMatch(
      /^OLD \(2026-11-28T10:01:30.000Z\) is later than NEW \(2026-11-28T09:00:10.000Z\)/,
    );
    expect(compareLoads(old, newer).warnings).toEqual([]);

    const bundle = ingest([
      jsonSource('b.json', { format: 'ecs-visualizer/v1', fetchedAt: '2026-11-28T12:00:00Z', clusters: [] }),
    ]);
    expect(compareLoads(old, bundle).to).toEqual({ time: '2026-11-28T12:00:00.000Z', source: 'fetched' });
    const timeless = ingest([
      jsonSource('c.json', {
        clusters: [
          { clusterArn: 'arn:aws:ecs:eu-west-1:111122223333:cluster/prod', clusterName: 'prod', status: 'ACTIVE' },
        ],
      }),
    ]);
    const unknown = compareLoads(timeless, timeless);
    expect(unknown.from).toEqual({ time: null });
    expect(unknown.warnings).toContain('the time of both loads is unknown');
  });

  it('values pass the masking rule: credentials in a stop reason are hidden', () => {
    const old = loadFixtureDir('diff/rolling-deploy/old');
    const newer = loadFixtureDir('diff/rolling-deploy/new').map((s) =>
      s.name.endsWith('describe-tasks.json')
        ? {
            ...s,
            text: s.text.replace(
              'failed to resolve ref registry',
              'failed to resolve ref https://deploy:hunter2@registry',
            ),
          }
        : s,
    );
    const d = compareLoads(ingest(old), ingest(newer));
    const text = JSON.stringify(d);
    expect(text).not.toContain('hunter2');
    expect(text).toContain('https://deploy:••••@registry');
  });
});
