import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingest, summarize } from './index';
import { loadFixtureDir } from '../../fixtures/load-fixtures';
import { jsonPaths, withValueAt } from './testing/json-paths';

const samples = [...loadFixtureDir('samples'), ...loadFixtureDir('ingest/prod')].map((s) => ({
  name: s.name,
  value: JSON.parse(s.text) as unknown,
}));

/** Ingest returns, with diagnostics, in bounded time; its summary is well-formed. */
function checkReturns(sources: { name: string; text: string }[]): void {
  const start = performance.now();
  const topology = ingest(sources);
  const ms = performance.now() - start;
  expect(ms).toBeLessThan(2000);
  expect(Array.isArray(topology.diagnostics)).toBe(true);
  for (const d of topology.diagnostics) expect(['error', 'warning', 'info']).toContain(d.severity);
  const s = summarize(topology);
  for (const n of Object.values(s.counts)) expect(Number.isInteger(n) && n >= 0).toBe(true);
  expect(topology.diagnostics.some((d) => d.code === 'internal')).toBe(false);
}

describe('ingest never throws (property-based)', () => {
  it('arbitrary JSON values, bare and under every known top-level key', () => {
    const keys = [
      'clusters',
      'services',
      'tasks',
      'taskDefinition',
      'taskDefinitions',
      'containerInstances',
      'capacityProviders',
      'TargetGroups',
      'serviceArns',
      'taskArns',
      'failures',
      'format',
    ];
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...keys), fc.boolean(), (value, key, wrap) => {
        const doc = wrap ? { [key]: value, ...(key === 'format' ? { format: 'ecs-visualizer/v1' } : {}) } : value;
        checkReturns([{ name: 'prop.json', text: JSON.stringify(doc) ?? 'null' }]);
      }),
      { numRuns: 400 },
    );
  });

  it('real samples with a random value replaced or removed anywhere', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.boolean(), (si, pi, replacement, remove) => {
        const sample = samples[si % samples.length];
        const all = jsonPaths(sample.value);
        const mutated = withValueAt(sample.value, all[pi % all.length], replacement, remove);
        checkReturns([{ name: sample.name, text: JSON.stringify(mutated) ?? 'null' }]);
      }),
      { numRuns: 600 },
    );
  });

  it('real samples cut at a random byte, or with random bytes spliced in', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.string({ maxLength: 8 }), (si, at, junk) => {
        const text = JSON.stringify(samples[si % samples.length].value, null, 2);
        const cut = at % (text.length + 1);
        checkReturns([
          { name: 'cut.json', text: text.slice(0, cut) },
          { name: 'spliced.json', text: text.slice(0, cut) + junk + text.slice(cut) },
        ]);
      }),
      { numRuns: 300 },
    );
  });
});
