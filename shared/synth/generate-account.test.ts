import { describe, expect, it } from 'vitest';
import { countBundle, generateAccount, generateAccountOfSize } from './generate-account';
import { ingest, summarize } from '../ingest/index';

describe('synthetic account generator', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    const a = JSON.stringify(generateAccount({ services: 30, seed: 7 }));
    expect(JSON.stringify(generateAccount({ services: 30, seed: 7 }))).toBe(a);
    expect(JSON.stringify(generateAccount({ services: 30, seed: 8 }))).not.toBe(a);
  });

  it('ingest loads it without errors or warnings, with exactly the generated counts', () => {
    const bundle = generateAccount({ services: 40, clusters: 2, seed: 3 });
    const t = ingest([{ name: 'synthetic.json', text: JSON.stringify(bundle) }]);
    expect(t.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const s = summarize(t);
    expect(s.counts).toEqual(countBundle(bundle));
    expect(s.placeholders).toBe(0);
    expect(Object.keys(s.tasksByLaunchType).sort()).toEqual(['EC2', 'FARGATE']);
    expect(s.tasksOnFargateSpot).toBeGreaterThan(0);
    expect(t.tasks.every((task) => task.serviceId || task.group?.startsWith('family:'))).toBe(true);
  });

  it('an account of a requested size lands within 15% of that many diagram nodes', () => {
    for (const n of [1000, 5000]) {
      const c = countBundle(generateAccountOfSize(n));
      const nodes = c.clusters + c.services + c.tasks + c.containers;
      expect(Math.abs(nodes - n) / n).toBeLessThan(0.15);
    }
  });
});
