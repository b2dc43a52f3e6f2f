import { describe, expect, it } from 'vitest';
import { clusterLabeller, ec2PackedText, money } from './cost-text';

describe('the cost lens as printed', () => {
  it('a missing price is —; dollars otherwise', () => {
    expect(money(null)).toBe('—');
    expect(money(60.74)).toBe('$60.74');
  });

  it('EC2 packed reads instances and type, and — when nothing was packed (no instance, or no price)', () => {
    expect(ec2PackedText({ ec2Monthly: 60.74, ec2Instances: 2, ec2InstanceType: 't3.medium' }, ' · ')).toBe(
      '$60.74 · 2× t3.medium',
    );
    expect(ec2PackedText({ ec2Monthly: 0, ec2Instances: 0, ec2InstanceType: null })).toBe('—');
    expect(ec2PackedText({ ec2Monthly: null, ec2Instances: 1, ec2InstanceType: 'm5.large' })).toBe('—');
  });

  it('a cluster name two scopes share reads with its account and region; a name only one cluster has does not', () => {
    const label = clusterLabeller([
      { cluster: 'default', clusterId: 'cluster|us-west-2|123456789012|default' },
      { cluster: 'default', clusterId: 'cluster|us-east-1|012345678910|default' },
      { cluster: 'prod', clusterId: 'cluster|us-east-1|012345678910|prod' },
    ]);
    expect(label('default', 'cluster|us-west-2|123456789012|default')).toBe('default (123456789012 · us-west-2)');
    expect(label('default', 'cluster|us-east-1|012345678910|default')).toBe('default (012345678910 · us-east-1)');
    expect(label('prod', 'cluster|us-east-1|012345678910|prod')).toBe('prod');
    expect(label('default', null)).toBe('default');
  });
});
