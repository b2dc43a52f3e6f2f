import { describe, expect, it } from 'vitest';
import { ingest } from '../ingest/index';
import type { Bundle } from '../ingest/bundle';
import { generateAccount } from '../synth/generate-account';
import { diffTopology } from './diff-topology';

type Raw = Record<string, unknown>;

const base = generateAccount({
  seed: 5,
  clusters: 1,
  services: 4,
  tasksPerService: [2, 2],
  stoppedShare: 0,
  unhealthyShare: 0,
  standalonePerCluster: 0,
});
const load = (b: Bundle | Snapshot) => ingest([{ name: 'snapshot.json', text: JSON.stringify(b) }]);
/** A bundle whose arrays can be edited as raw AWS objects. */
type Snapshot = Omit<Bundle, 'tasks' | 'services' | 'containerInstances'> & {
  tasks: Raw[];
  services: Raw[];
  containerInstances: Raw[];
};
const clone = (from: Bundle = base): Snapshot => structuredClone(from) as Snapshot;
const shortId = (arn: unknown) => String(arn).split('/').pop();

describe('diffTopology', () => {
  it('the same snapshot twice has no changes', () => {
    const d = diffTopology(load(base), load(clone()));
    expect(d.changes).toEqual([]);
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it('a service moved to a new task definition revision reads family:revision, not the model id', () => {
    const next = clone();
    const svc = next.services[0];
    const arn = String(svc.taskDefinition);
    const revision = Number(arn.split(':').pop());
    const newer = arn.replace(/:\d+$/, `:${revision + 1}`);
    svc.taskDefinition = newer;
    const d = diffTopology(load(base), load(next));
    const change = d.changes.find((c) => c.kind === 'service');
    const family = arn.split('/').pop()!.split(':')[0];
    expect(change?.summary).toBe(`task definition ${family}:${revision} → ${family}:${revision + 1}`);
  });

  it('a task that stopped, one that started, and one that is gone', () => {
    const next = clone();
    const [stopping, gone] = next.tasks;
    Object.assign(stopping, {
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stoppedReason: 'Scaling activity initiated by deployment',
    });
    next.tasks = next.tasks.filter((t) => t !== gone);
    const started: Raw = {
      ...structuredClone(next.tasks[2]),
      taskArn: `${String(next.tasks[2].taskArn).replace(/[0-9a-f]{32}$/, '')}${'f'.repeat(32)}`,
    };
    started.containers = (started.containers as Raw[]).map((c, i) => ({
      ...c,
      containerArn: `${String(c.containerArn)}-new${i}`,
      taskArn: started.taskArn,
    }));
    next.tasks.push(started);
    const before = load(base);
    const d = diffTopology(before, load(next));
    const byShort = (arn: unknown) => d.changes.find((c) => c.kind === 'task' && c.name === shortId(arn));
    expect(byShort(stopping.taskArn)).toMatchObject({
      change: 'changed',
      summary: 'task stopped',
      fields: expect.arrayContaining([{ field: 'lastStatus', before: 'RUNNING', after: 'STOPPED' }]),
    });
    expect(byShort(started.taskArn)).toMatchObject({ change: 'added', summary: 'task started' });
    const goneChange = byShort(gone.taskArn);
    expect(goneChange).toMatchObject({ change: 'removed', summary: 'task gone (stopped)' });
    // The gone task is not in the new diagram: its service carries it.
    const service = before.services.find((s) => s.id === goneChange?.parentId);
    expect(service?.kind).toBe('service');
    expect(d.removedByParent[service?.id ?? '']).toEqual([goneChange]);
    // Its containers are not reported one by one.
    expect(d.changes.filter((c) => c.change === 'removed')).toHaveLength(1);
  });

  it('a health change and a desired count change are changes with readable summaries', () => {
    const next = clone();
    next.tasks[3].healthStatus = 'UNHEALTHY';
    next.services[1].desiredCount = (next.services[1].desiredCount as number) + 3;
    const d = diffTopology(load(base), load(next));
    const task = d.changes.find((c) => c.name === shortId(next.tasks[3].taskArn));
    expect(task).toMatchObject({ change: 'changed', summary: 'health HEALTHY → UNHEALTHY' });
    const service = d.changes.find((c) => c.kind === 'service');
    expect(service).toMatchObject({
      change: 'changed',
      name: next.services[1].serviceName,
      summary: `desired count 2 → 5`,
    });
    expect(d.byId[service?.id ?? '']).toBe(service);
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 2 });
  });

  it('a service only listed in one snapshot is neither added nor removed', () => {
    const listedOnly = { ...clone(), services: [] as Raw[], tasks: [] as Raw[] };
    const withList = { ...listedOnly, serviceArns: (base.services as Raw[]).map((s) => s.serviceArn) };
    const d = diffTopology(load(withList as unknown as Bundle), load(clone()));
    expect(d.changes.filter((c) => c.kind === 'service')).toEqual([]);
  });

  it('a new service, and a host that started draining', () => {
    const ec2 = generateAccount({
      seed: 6,
      clusters: 1,
      services: 3,
      tasksPerService: [12, 12],
      ec2Share: 1,
      stoppedShare: 0,
      standalonePerCluster: 0,
    });
    const next = clone(ec2);
    const extra = {
      ...structuredClone(next.services[0]),
      serviceArn: String(next.services[0].serviceArn).replace(/[^/]+$/, 'brand-new'),
      serviceName: 'brand-new',
    };
    next.services.push(extra);
    const host = next.containerInstances.find((i) => i.status === 'ACTIVE');
    expect(host).toBeDefined();
    if (host) host.status = 'DRAINING';
    const d = diffTopology(load(ec2), load(next));
    expect(d.changes).toContainEqual(
      expect.objectContaining({ kind: 'service', name: 'brand-new', change: 'added', summary: 'service added' }),
    );
    expect(d.changes).toContainEqual(
      expect.objectContaining({ kind: 'containerInstance', change: 'changed', summary: 'status ACTIVE → DRAINING' }),
    );
    expect(d.counts).toEqual({ added: 1, removed: 0, changed: 1 });
  });
});
