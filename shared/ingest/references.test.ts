import { describe, expect, it } from 'vitest';
import { ingest, summarize } from './index';
import { loadFixture, loadFixtureDir } from '../../fixtures/load-fixtures';

describe('capacity providers named only by a task or a service strategy', () => {
  const t = ingest(loadFixtureDir('ingest/capacity-provider-refs'));
  const cp = (name: string) => t.capacityProviders.find((c) => c.name === name);

  it('get a placeholder, and the task links to its own', () => {
    expect(cp('cp-ecs-dev')).toMatchObject({ placeholder: true, region: 'eu-central-1', accountId: '444455556666' });
    expect(cp('cp-ecs-dev-spot')).toMatchObject({ placeholder: true });
    const worker = t.tasks.find((x) => x.group === 'service:worker')!;
    expect(worker.launchType).toBe('EC2');
    expect(worker.capacityProviderId).toBe(cp('cp-ecs-dev')!.id);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        code: 'placeholder',
        objectId: cp('cp-ecs-dev')!.id,
        message: expect.stringContaining('capacity provider cp-ecs-dev'),
      }),
    );
  });

  it('FARGATE and FARGATE_SPOT are AWS’s own: never placeholders; the Spot task is still Fargate Spot', () => {
    expect(cp('FARGATE')).toBeUndefined();
    expect(cp('FARGATE_SPOT')).toBeUndefined();
    const api = t.tasks.find((x) => x.group === 'service:api')!;
    expect(api).toMatchObject({ launchType: 'FARGATE', spot: true, capacityProviderId: undefined });
    const s = summarize(t);
    expect(s.counts.capacityProviders).toBe(0);
    expect(s.placeholders).toBe(
      [
        ...t.clusters,
        ...t.services,
        ...t.tasks,
        ...t.taskDefinitions,
        ...t.containerInstances,
        ...t.capacityProviders,
      ].filter((x) => x.placeholder).length,
    );
  });

  it('the published run-task example (EC2 task on "example-capacity-provider") gets its placeholder', () => {
    const r = ingest([loadFixture('ingest/aws-cli-examples', 'run-task-1.json')]);
    const provider = r.capacityProviders.find((c) => c.name === 'example-capacity-provider')!;
    expect(provider.placeholder).toBe(true);
    expect(r.tasks.find((x) => !x.placeholder)!.capacityProviderId).toBe(provider.id);
  });

  it('a described provider is linked, not duplicated', () => {
    const described = {
      capacityProviders: [
        {
          capacityProviderArn: 'arn:aws:ecs:eu-central-1:444455556666:capacity-provider/cp-ecs-dev',
          name: 'cp-ecs-dev',
          status: 'ACTIVE',
          autoScalingGroupProvider: {
            autoScalingGroupArn: 'arn:aws:autoscaling:eu-central-1:444455556666:autoScalingGroup:x',
          },
        },
      ],
    };
    const r = ingest([
      ...loadFixtureDir('ingest/capacity-provider-refs'),
      { name: 'cps.json', text: JSON.stringify(described) },
    ]);
    const all = r.capacityProviders.filter((c) => c.name === 'cp-ecs-dev');
    expect(all).toMatchObject([{ placeholder: false, providerType: 'ASG' }]);
    expect(r.tasks.find((x) => x.group === 'service:worker')!.capacityProviderId).toBe(all[0].id);
  });
});

describe('an ARN that disagrees with its own fields', () => {
  it('keys the task definition by its ARN (what tasks reference): one object, not a placeholder twin; the warnings stay', () => {
    const t = ingest(loadFixtureDir('ingest/arn-disagrees'));
    expect(t.taskDefinitions).toHaveLength(1);
    const td = t.taskDefinitions[0];
    expect(td).toMatchObject({ placeholder: false, name: 'test_definition:0' });
    expect(t.tasks[0].taskDefinitionId).toBe(td.id);
    expect(t.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message)).toEqual([
      'taskDefinitionArn names family "test_definition" but family is "test_family"; using the ARN',
      'taskDefinitionArn names revision 0 but revision is 4; using the ARN',
    ]);
    expect(summarize(t).placeholders).toBe(2); // the cluster and the container instance, never the task definition
  });

  it('keys a service by its ARN too, so a list-services ARN is the same service', () => {
    const t = ingest([
      {
        name: 'services.json',
        text: JSON.stringify({
          services: [
            {
              serviceArn: 'arn:aws:ecs:us-east-1:1:service/blue/web',
              serviceName: 'website',
              clusterArn: 'arn:aws:ecs:us-east-1:1:cluster/blue',
            },
          ],
        }),
      },
      { name: 'list.json', text: JSON.stringify({ serviceArns: ['arn:aws:ecs:us-east-1:1:service/blue/web'] }) },
    ]);
    expect(t.services).toMatchObject([{ name: 'web', placeholder: false }]);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('serviceName is "website"; using the ARN'),
      }),
    );
  });
});
