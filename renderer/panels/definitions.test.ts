import { describe, expect, it } from 'vitest';
// Read through Vite (not node:fs) so the test type-checks with the renderer's project.
import cpSample from '../../fixtures/samples/awscli-describe-capacity-providers-1.json?raw';
import { ingest } from '../../shared/ingest/index';
import { makeCluster, makeTask } from '../../shared/graph/testing/make-topology';
import { autoScalingGroupName, capacityProviderSettings, capacityProviderUse, usageSummary } from './definitions';

const loaded = ingest([{ name: 'awscli-describe-capacity-providers-1.json', text: cpSample }]);
const asgProvider = loaded.capacityProviders.find((c) => c.name === 'MyCapacityProvider')!;

describe('capacity providers', () => {
  it('reads managed scaling and termination protection off the describe-capacity-providers JSON', () => {
    expect(capacityProviderSettings(asgProvider.raw)).toEqual([
      ['Managed scaling', 'ENABLED (target capacity 100%, step 1–1000 instances)'],
      ['Managed termination protection', 'ENABLED'],
    ]);
    // Fargate has no Auto Scaling group: nothing to say, rather than "unknown".
    expect(capacityProviderSettings(loaded.capacityProviders.find((c) => c.name === 'FARGATE')!.raw)).toEqual([]);
    expect(autoScalingGroupName(asgProvider.autoScalingGroupArn)).toBe('MyAutoScalingGroup');
  });

  it('links clusters and tasks by name only inside the provider’s account and region', () => {
    const scope = { region: asgProvider.region, accountId: asgProvider.accountId };
    const here = makeCluster('here', { ...scope, capacityProviders: ['MyCapacityProvider'] });
    const elsewhere = makeCluster('elsewhere', { capacityProviders: ['MyCapacityProvider'] });
    const t = {
      ...loaded,
      clusters: [here, elsewhere],
      tasks: [
        makeTask('in', { ...scope, cluster: here, capacityProviderName: 'MyCapacityProvider' }),
        makeTask('out', { cluster: elsewhere, capacityProviderName: 'MyCapacityProvider' }),
      ],
    };
    const use = capacityProviderUse(t, asgProvider);
    expect(use.clusters.map((c) => c.name)).toEqual(['here']);
    expect(use.tasks.map((x) => x.shortId)).toEqual(['in']);
  });

  it('says counts in words', () => {
    expect(
      usageSummary([
        [1, 'service'],
        [3, 'task'],
      ]),
    ).toBe('1 service, 3 tasks');
    expect(
      usageSummary([
        [0, 'service'],
        [0, 'task'],
      ]),
    ).toBe('no service or task in this load');
  });
});
