import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, ingestInStages, type SourceText } from './index';
import { FIXTURES, jsonSource, loadFixtureDir } from '../../fixtures/load-fixtures';
import { generateAccountOfSize } from '../synth/generate-account';
import type { Diagnostic, Topology } from '../model/types';

/** Every folder of fixtures with JSON in it, each as one load (a folder is what a user opens together). */
function fixtureLoads(): [string, SourceText[]][] {
  const loads: [string, SourceText[]][] = [];
  const walk = (sub: string) => {
    const dir = join(FIXTURES, sub);
    const names = readdirSync(dir);
    if (names.some((n) => n.endsWith('.json'))) loads.push([sub, loadFixtureDir(sub)]);
    for (const n of names) if (statSync(join(dir, n)).isDirectory()) walk(join(sub, n));
  };
  for (const n of readdirSync(FIXTURES)) if (statSync(join(FIXTURES, n)).isDirectory()) walk(n);
  return loads;
}

/** The topology with its diagnostics in one order: the staged ingest finds the tasks' diagnostics last. */
function comparable(t: Topology): Topology {
  const key = (d: Diagnostic) => JSON.stringify(d);
  return { ...t, diagnostics: [...t.diagnostics].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) };
}

describe('ingestInStages', () => {
  const loads = fixtureLoads();

  it('finds the fixture folders', () => {
    expect(loads.length).toBeGreaterThan(20);
  });

  it.each(loads)('%s: its rest is exactly what ingest gives', (_name, sources) => {
    expect(comparable(ingestInStages(sources).rest())).toEqual(comparable(ingest(sources)));
  });

  it('a synthetic account of 3,000 nodes: head without its tasks, definitions and hosts, rest the whole load', () => {
    const source = jsonSource('account.json', generateAccountOfSize(3000));
    const whole = ingest([source]);
    const staged = ingestInStages([source]);
    const head = staged.head;
    expect(head.tasks).toEqual([]);
    expect(head.taskDefinitions).toEqual([]);
    expect(head.containerInstances).toEqual([]);
    // What the hierarchy draws is there: the same clusters, services and target groups, pointing at the same ids.
    expect(head.clusters.map((c) => c.id)).toEqual(whole.clusters.map((c) => c.id));
    expect(head.services.map((s) => [s.id, s.taskDefinitionId, s.clusterId])).toEqual(
      whole.services.map((s) => [s.id, s.taskDefinitionId, s.clusterId]),
    );
    expect(head.targetGroups.map((t) => t.id)).toEqual(whole.targetGroups.map((t) => t.id));
    expect(staged.taskRecords).toBe(whole.tasks.length);
    expect(staged.laterRecords).toBe(
      whole.tasks.length + whole.taskDefinitions.length + whole.containerInstances.length,
    );
    expect(staged.tasksInHeadServices).toBe(true);
    expect(comparable(staged.rest())).toEqual(comparable(whole));
  });

  it('says when a task names no service of the head (standalone, or only the tasks describe it)', () => {
    const arn = 'arn:aws:ecs:eu-west-1:111122223333';
    const task = (id: string, group: string) => ({
      taskArn: `${arn}:task/prod/${id}`,
      clusterArn: `${arn}:cluster/prod`,
      group,
      lastStatus: 'RUNNING',
      containers: [],
    });
    const services = jsonSource('services.json', {
      services: [{ serviceArn: `${arn}:service/prod/web`, serviceName: 'web', clusterArn: `${arn}:cluster/prod` }],
    });
    const load = (group: string) =>
      ingestInStages([services, jsonSource('tasks.json', { tasks: [task('a'.repeat(32), group)] })]);
    expect(load('service:web').tasksInHeadServices).toBe(true);
    expect(load('service:api').tasksInHeadServices).toBe(false);
    expect(load('family:batch').tasksInHeadServices).toBe(false);
  });

  it('a service whose overlay only its tasks say is UNKNOWN in the head, and theirs after', () => {
    const arn = 'arn:aws:ecs:eu-west-1:111122223333';
    const sources = [
      jsonSource('services.json', {
        services: [
          {
            serviceArn: `${arn}:service/prod/web`,
            serviceName: 'web',
            clusterArn: `${arn}:cluster/prod`,
            status: 'ACTIVE',
            desiredCount: 1,
            runningCount: 1,
          },
        ],
      }),
      jsonSource('tasks.json', {
        tasks: [
          {
            taskArn: `${arn}:task/prod/0123456789abcdef0123456789abcdef`,
            clusterArn: `${arn}:cluster/prod`,
            group: 'service:web',
            launchType: 'FARGATE',
            lastStatus: 'RUNNING',
            containers: [],
          },
        ],
      }),
    ];
    const staged = ingestInStages(sources);
    expect(staged.head.services[0].overlay).toBe('UNKNOWN');
    const whole = staged.rest();
    expect(whole.services[0].overlay).toBe('FARGATE');
    expect(whole.tasks[0].serviceId).toBe(whole.services[0].id);
  });

  it('an empty file beside a good one keeps its error, the good one loads, and rest runs once', () => {
    const good = jsonSource('clusters.json', {
      clusters: [{ clusterArn: 'arn:aws:ecs:eu-west-1:111122223333:cluster/prod', clusterName: 'prod' }],
    });
    const staged = ingestInStages([good, { name: 'empty.json', text: '' }]);
    const whole = staged.rest();
    expect(whole.clusters.map((c) => c.name)).toEqual(['prod']);
    expect(whole.diagnostics).toContainEqual(expect.objectContaining({ code: 'empty', file: 'empty.json' }));
    expect(() => staged.rest()).toThrow(/twice/);
  });
});
