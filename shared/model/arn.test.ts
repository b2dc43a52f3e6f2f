import { describe, expect, it } from 'vitest';
import { parseArn, readEcsArn, readTaskDefinitionArn } from './arn';

describe('ARN reading', () => {
  it('splits an ARN into partition, service, region, account, resource type and segments', () => {
    expect(parseArn('arn:aws:ecs:eu-west-1:123456789012:task/prod/0a1b2c')).toEqual({
      partition: 'aws',
      service: 'ecs',
      region: 'eu-west-1',
      accountId: '123456789012',
      resourceType: 'task',
      segments: ['prod', '0a1b2c'],
    });
    expect(parseArn('arn:aws-cn:elasticloadbalancing:cn-north-1:1:targetgroup/web/6d0ecf')).toMatchObject({
      partition: 'aws-cn',
      resourceType: 'targetgroup',
      segments: ['web', '6d0ecf'],
    });
    // A resource without a slash, and one with a colon before its slash (Cloud Map).
    expect(parseArn('arn:aws:iam::123456789012:root')).toMatchObject({
      region: '',
      resourceType: 'root',
      segments: [],
    });
    expect(parseArn('arn:aws:servicediscovery:us-east-1:1:namespace:ns-abc/x')).toMatchObject({
      resourceType: 'namespace:ns-abc',
      segments: ['x'],
    });
  });

  it('is null for what is not an ARN', () => {
    for (const s of ['', 'web', 'arn:aws:ecs', 'arn:aws:ecs:eu-west-1:1', 'urn:aws:ecs:r:a:task/x'])
      expect(parseArn(s)).toBeNull();
  });

  it('reads both ECS formats, old and new, to the same name with the cluster where given', () => {
    expect(readEcsArn('arn:aws:ecs:us-east-1:1:task/0a1b', 'task')).toEqual({
      scope: { region: 'us-east-1', accountId: '1' },
      clusterName: undefined,
      name: '0a1b',
    });
    expect(readEcsArn('arn:aws:ecs:us-east-1:1:task/prod/0a1b', 'task')).toEqual({
      scope: { region: 'us-east-1', accountId: '1' },
      clusterName: 'prod',
      name: '0a1b',
    });
    expect(readEcsArn('arn:aws:ecs:us-east-1:1:service/prod/web', 'task')).toBeNull();
    // Empty segments are skipped; a type that only starts like the wanted one, or no segment at all, is not one.
    expect(readEcsArn('arn:aws:ecs:us-east-1:1:task//prod//0a1b/', 'task')).toEqual({
      scope: { region: 'us-east-1', accountId: '1' },
      clusterName: 'prod',
      name: '0a1b',
    });
    expect(readEcsArn('arn:aws:ecs:us-east-1:1:task/a/b/c', 'task')).toMatchObject({ clusterName: 'b', name: 'c' });
    expect(readEcsArn('arn:aws:ecs:us-east-1:1:task-set/prod/x', 'task')).toBeNull();
    expect(readEcsArn('arn:aws:ecs:us-east-1:1:tas/prod/x', 'task')).toBeNull();
    expect(readEcsArn('arn:aws:ecs:us-east-1:1:task///', 'task')).toBeNull();
    expect(readEcsArn('arn:aws:ecs:us-east-1:1:task', 'task')).toBeNull();
    expect(readEcsArn('arn:aws:ecs:us-east-1:task/x', 'task')).toBeNull();
    expect(readEcsArn('arn:aws:ecs:::cluster/prod', 'cluster')).toEqual({
      scope: { region: '', accountId: '' },
      clusterName: undefined,
      name: 'prod',
    });
  });

  it('reads a task definition ARN with and without its revision, and nothing else', () => {
    expect(readTaskDefinitionArn('arn:aws:ecs:us-east-1:1:task-definition/web:42')).toEqual({
      scope: { region: 'us-east-1', accountId: '1' },
      family: 'web',
      revision: 42,
    });
    expect(readTaskDefinitionArn('arn:aws:ecs:us-east-1:1:task-definition/web')).toEqual({
      scope: { region: 'us-east-1', accountId: '1' },
      family: 'web',
      revision: undefined,
    });
    expect(readTaskDefinitionArn('arn:aws:ecs:us-east-1:1:task-definition/a/b:1')).toBeNull();
    expect(readTaskDefinitionArn('arn:aws:ecs:us-east-1:1:task/web:42')).toBeNull();
    expect(readTaskDefinitionArn('arn:aws:ecr:us-east-1:1:task-definition/web:42')).toBeNull();
  });
});
