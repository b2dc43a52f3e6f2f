import { describe, expect, it } from 'vitest';
// Read through Vite (not node:fs) so the test type-checks with the renderer's project.
import cpSample from '../../fixtures/samples/awscli-describe-capacity-providers-1.json?raw';
import { ingest } from '../../shared/ingest/index';
import { makeCluster, makeTask } from '../../shared/graph/testing/make-topology';
import { generateAccount, generateAccountOfSize } from '../../shared/synth/generate-account';
import {
  autoScalingGroupName,
  capacityProviderSettings,
  capacityProviderUse,
  taskDefinitionUse,
  usageSummary,
} from './definitions';

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

  it('lists a provider’s services and tasks as a scan of the whole load would (the index made once per load)', () => {
    const account = ingest([{ name: 'account.json', text: JSON.stringify(generateAccountOfSize(3000)) }]);
    expect(account.capacityProviders.length).toBeGreaterThan(2);
    const inScope = (cp: { region?: string; accountId?: string }, e: { region?: string; accountId?: string }) =>
      (!cp.accountId || !e.accountId || cp.accountId === e.accountId) &&
      (!cp.region || !e.region || cp.region === e.region);
    for (const cp of account.capacityProviders) {
      const use = capacityProviderUse(account, cp);
      const services = account.services.filter(
        (sv) => inScope(cp, sv) && sv.capacityProviderStrategy.some((i) => i.capacityProvider === cp.name),
      );
      const tasks = account.tasks.filter((tk) => inScope(cp, tk) && tk.capacityProviderName === cp.name);
      expect(use.services).toEqual(services);
      expect(use.tasks).toEqual(tasks);
    }
    expect(account.capacityProviders.some((cp) => capacityProviderUse(account, cp).tasks.length > 0)).toBe(true);
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

describe('task definitions', () => {
  it('who uses each revision is what a filter over every service and task says, on a generated account', () => {
    const t = ingest([
      { name: 'account.json', text: JSON.stringify(generateAccount({ seed: 3, clusters: 2, services: 30 })) },
    ]);
    expect(t.taskDefinitions.length).toBeGreaterThan(20);
    for (const td of t.taskDefinitions) {
      const use = taskDefinitionUse(t, td.id);
      expect(use.services).toEqual(
        t.services.filter(
          (s) => s.taskDefinitionId === td.id || s.deployments.some((d) => d.taskDefinitionId === td.id),
        ),
      );
      expect(use.tasks).toEqual(t.tasks.filter((x) => x.taskDefinitionId === td.id));
    }
    expect(taskDefinitionUse(t, 'taskDefinition|nowhere')).toEqual({ services: [], tasks: [] });
  });
});
