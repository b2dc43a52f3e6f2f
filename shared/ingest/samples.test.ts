import { describe, expect, it } from 'vitest';
import { ingest, summarize } from './index';
import { loadFixtureDir } from '../../fixtures/load-fixtures';

const samples = loadFixtureDir('samples');

describe('the real published samples', () => {
  it.each(samples.map((s) => [s.name, s] as const))(
    '%s loads with no error diagnostics and is recognised',
    (_name, source) => {
      const topology = ingest([source]);
      expect(topology.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(topology.files[0].shapes.length).toBeGreaterThan(0);
    },
  );

  it('all loaded together give the counts checked by hand against the files', () => {
    const summary = summarize(ingest(samples));
    expect(summary.counts).toEqual({
      clusters: 3, // default (us-west-2), sampleCluster (af-south-1), default (us-east-1, aws_account_id)
      services: 2, // my-http-service (us-west-2), ecs-simple-service (us-east-1)
      tasks: 4, // 1 EC2 (awscli), 2 Fargate (awscli), 1 EC2 (botocore)
      containers: 4,
      taskDefinitions: 2, // hello_world:8 in account 012345678910 and in the placeholder account aws_account_id
      containerInstances: 2,
      capacityProviders: 3, // MyCapacityProvider, FARGATE, FARGATE_SPOT
      targetGroups: 1,
    });
    expect(summary.tasksByLaunchType).toEqual({ EC2: 2, FARGATE: 2 });
    expect(summary.tasksOnFargateSpot).toBe(0);
    expect(summary.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('flags the two inconsistencies the published EC2 task really has, as warnings', () => {
    const topology = ingest(samples.filter((s) => s.name === 'awscli-describe-tasks-1-ec2.json'));
    const warnings = topology.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining(
        'names task arn:aws:ecs:us-east-1:123456789012:task/MyCluster/4d590253bb114126b7afa7b58EXAMPLE',
      ),
      expect.stringContaining('containerInstanceArn names cluster "test" but the task runs in "MyCluster"'),
    ]);
    expect(warnings[0]).toMatchObject({
      file: 'awscli-describe-tasks-1-ec2.json',
      path: '$.tasks[0]',
      line: 3,
      column: 9,
    });
  });

  it('accepts documentation placeholders such as <region> and aws_account_id in ARNs', () => {
    const topology = ingest(samples.filter((s) => s.name === 'botocore-describe-tasks-ec2.json'));
    const task = topology.tasks.find((t) => !t.placeholder);
    expect(task).toMatchObject({
      region: '<region>',
      accountId: '<aws_account_id>',
      launchType: 'EC2',
      shortId: 'c5cba4eb-5dad-405e-96db-71ef8eefe6a8',
    });
    expect(topology.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
