import { describe, expect, it } from 'vitest';
import { ingest } from './index';
import { makeBundle } from './bundle';
import { jsonSource, loadFixtureDir } from '../../fixtures/load-fixtures';

const mixed = (t: ReturnType<typeof ingest>) => t.diagnostics.filter((d) => d.code === 'mixed-capture-times');

describe('a load that mixes times', () => {
  it('a 2024 service with 0 running next to its 2023 tasks: one info naming both files and their dates', () => {
    const t = ingest(loadFixtureDir('ingest/mixed-times'));
    expect(mixed(t)).toEqual([
      {
        severity: 'info',
        code: 'mixed-capture-times',
        message:
          'files captured 439 days apart are drawn as one moment: describe-tasks-2023.json (2023-03-02), ' +
          'describe-services-2024.json (2024-05-14) ' +
          "(each file's newest service event, deployment update, task stop or fetch time)",
      },
    ]);
  });

  it('a consistent capture does not fire: today’s events beside a months-old deployment, task definition and long-running tasks', () => {
    const t = ingest(loadFixtureDir('ingest/consistent-capture'));
    expect(mixed(t)).toEqual([]);
    // The fixture does hold old times: they are simply not times that move with the present.
    expect(t.taskDefinitions[0].registeredAt).toBe('2026-05-30T15:41:09.000Z');
    expect(t.tasks.every((x) => x.startedAt?.startsWith('2026-06-01'))).toBe(true);
  });

  it('files less than a day apart are one moment; a bundle’s fetch time counts', () => {
    const service = (eventAt: string) => ({
      services: [
        { serviceArn: 'arn:aws:ecs:us-east-1:1:service/c/web', events: [{ createdAt: eventAt, message: 'steady' }] },
      ],
    });
    const close = ingest([
      jsonSource('a.json', service('2026-12-06T01:00:00Z')),
      jsonSource('b.json', makeBundle({ fetchedAt: '2026-12-06T23:00:00.000Z', clusters: [] })),
    ]);
    expect(mixed(close)).toEqual([]);
    const far = ingest([
      jsonSource('a.json', service('2026-12-06T01:00:00Z')),
      jsonSource('b.json', makeBundle({ fetchedAt: '2026-12-09T01:00:00.000Z', clusters: [] })),
    ]);
    expect(mixed(far)[0].message).toContain('a.json (2026-12-06), b.json (2026-12-09)');
  });

  it('a stopped task dates its file; a task still starting dates it by its image pull', () => {
    const task = (id: string, extra: Record<string, string>) => ({
      taskArn: `arn:aws:ecs:us-east-1:1:task/c/${id}`,
      ...extra,
    });
    const t = ingest([
      jsonSource('stopped.json', { tasks: [task('a', { lastStatus: 'STOPPED', stoppedAt: '2025-01-01T00:00:00Z' })] }),
      jsonSource('starting.json', {
        tasks: [task('b', { lastStatus: 'PENDING', pullStoppedAt: '2025-03-01T00:00:00Z' })],
      }),
      jsonSource('running.json', {
        tasks: [task('c', { lastStatus: 'RUNNING', pullStoppedAt: '2020-01-01T00:00:00Z' })],
      }),
    ]);
    expect(mixed(t)[0].message).toContain('stopped.json (2025-01-01), starting.json (2025-03-01)');
    expect(mixed(t)[0].message).not.toContain('running.json');
  });
});
