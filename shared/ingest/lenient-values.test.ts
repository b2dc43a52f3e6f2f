import { describe, expect, it } from 'vitest';
import { ingest } from './index';
import { toIso } from './normalise';
import { jsonSource, loadFixture } from '../../fixtures/load-fixtures';

const dump = (file: string) => loadFixture('ingest/sdk-dumps', file);

describe('AWS SDK for .NET and Java dumps', () => {
  it('.NET: {"Value": …} enums are read as their strings, the unset date 0001-01-01 is absent, one info for the file', () => {
    const t = ingest([dump('dotnet-describe-tasks.json')]);
    const task = t.tasks.find((x) => !x.placeholder)!;
    expect(task).toMatchObject({ launchType: 'FARGATE', healthStatus: 'UNKNOWN', lastStatus: 'RUNNING', spot: false });
    expect(task.containers[0].healthStatus).toBe('UNKNOWN');
    expect(task.stoppedAt).toBeUndefined();
    // Fields outside the schema read as text too in the raw JSON the details panel shows.
    expect(task.raw?.connectivity).toBe('CONNECTED');
    const notes = t.diagnostics.filter((d) => d.code === 'sdk-enum-unwrapped');
    expect(notes).toEqual([
      expect.objectContaining({
        severity: 'info',
        file: 'dotnet-describe-tasks.json',
        message: expect.stringContaining('4 values'),
      }),
    ]);
    // No "dropped" warning for the wrappers, nor for the nulls .NET writes for unset fields.
    expect(t.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('Java: {"value": …} (any case of the key) on a stop-task output', () => {
    const t = ingest([dump('java-stop-task.json')]);
    const task = t.tasks.find((x) => !x.placeholder)!;
    expect(task).toMatchObject({ launchType: 'EC2', stopCode: 'UserInitiated', healthStatus: 'UNKNOWN' });
    expect(task.startedAt).toBeUndefined();
    expect(t.diagnostics.filter((d) => d.code === 'sdk-enum-unwrapped')).toHaveLength(1);
    expect(t.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('.NET with default settings (PascalCase keys everywhere): read as the API names them, one info; its task links', () => {
    const t = ingest([
      loadFixture('ingest/sdk-dumps-pascal', 'dotnet-default-describe-services.json'),
      dump('dotnet-describe-tasks.json'),
    ]);
    const svc = t.services.find((s) => !s.placeholder)!;
    expect(svc).toMatchObject({
      name: 'tutorial',
      launchType: 'FARGATE',
      overlay: 'FARGATE',
      desiredCount: 2,
      runningCount: 2,
      schedulingStrategy: 'REPLICA',
      deploymentController: 'ECS',
    });
    expect(svc.deployments[0]).toMatchObject({ id: 'ecs-svc/8919853345193379765', rolloutState: 'COMPLETED' });
    expect(svc.events[0].message).toContain('steady state');
    expect(t.tasks.find((x) => !x.placeholder)!.serviceId).toBe(svc.id);
    expect(t.diagnostics.filter((d) => d.code === 'sdk-pascal-case')).toEqual([
      expect.objectContaining({ severity: 'info', file: 'dotnet-default-describe-services.json' }),
    ]);
    expect(t.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('PascalCase that is not an ECS output stays an unknown shape; elbv2 target groups keep their own PascalCase', () => {
    const t = ingest([
      jsonSource('vpcs.json', { Vpcs: [{ VpcId: 'vpc-1' }] }),
      jsonSource('tgs.json', {
        TargetGroups: [{ TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/1' }],
      }),
    ]);
    expect(t.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).toEqual(['vpcs.json']);
    expect(t.targetGroups).toMatchObject([{ name: 'web', placeholder: false }]);
    expect(t.diagnostics.some((d) => d.code === 'sdk-pascal-case')).toBe(false);
  });

  it('a wrapper holding something other than a string is still a wrong type, with its warning', () => {
    const t = ingest([
      jsonSource('odd.json', {
        tasks: [{ taskArn: 'arn:aws:ecs:us-east-1:1:task/c/abc', launchType: { Value: 3 } }],
      }),
    ]);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'wrong-type', path: '$.tasks[0].launchType' }),
    );
    expect(t.diagnostics.some((d) => d.code === 'sdk-enum-unwrapped')).toBe(false);
  });

  it('toIso: the .NET unset date in every form it is written is absent, a real date is kept', () => {
    for (const unset of [
      '0001-01-01T00:00:00',
      '0001-01-01T00:00:00Z',
      '0001-01-01T00:00:00.000Z',
      '0001-01-01T00:00:00+00:00',
      -62135596800,
    ])
      expect(toIso(unset)).toBeUndefined();
    expect(toIso('2021-08-11T12:21:26.681+00:00')).toBe('2021-08-11T12:21:26.681Z');
  });
});

describe('null is not an alarm', () => {
  it('a console JSON tab task definition with null optional fields loads with no diagnostic', () => {
    const t = ingest([loadFixture('ingest/console-json', 'task-definition-json-tab.json')]);
    expect(t.diagnostics).toEqual([]);
    expect(t.taskDefinitions[0]).toMatchObject({ name: 'web:12', placeholder: false });
    expect(t.taskDefinitions[0].containerDefinitions[0]).toMatchObject({
      name: 'web',
      memory: undefined,
      secretNames: [],
    });
  });

  it('a wrong-typed value beside the nulls keeps its warning', () => {
    const doc = JSON.parse(loadFixture('ingest/console-json', 'task-definition-json-tab.json').text);
    doc.containerDefinitions[0].cpu = 'lots';
    const t = ingest([jsonSource('td.json', doc)]);
    expect(t.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'wrong-type',
        path: '$.containerDefinitions[0].cpu',
        message: '$.containerDefinitions[0].cpu dropped: expected number, got string',
      }),
    ]);
  });

  it('a null element of a list is not an optional field: still a warning', () => {
    const t = ingest([
      jsonSource('tasks.json', { tasks: [{ taskArn: 'arn:aws:ecs:us-east-1:1:task/c/abc', containers: [null] }] }),
    ]);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', path: '$.tasks[0].containers[0]' }),
    );
  });
});
