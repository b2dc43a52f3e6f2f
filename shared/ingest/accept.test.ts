import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { accepts } from './accept';
import { detect } from './detect';
import {
  capacityProviderSchema,
  clusterSchema,
  containerInstanceSchema,
  serviceSchema,
  targetGroupSchema,
  taskDefinitionSchema,
  taskSchema,
} from './schemas';
import { loadFixtureDir } from '../../fixtures/load-fixtures';
import { jsonPaths, withValueAt } from './testing/json-paths';

const SCHEMAS = {
  cluster: clusterSchema,
  service: serviceSchema,
  task: taskSchema,
  taskDefinition: taskDefinitionSchema,
  containerInstance: containerInstanceSchema,
  capacityProvider: capacityProviderSchema,
  targetGroup: targetGroupSchema,
};

// Every record of the published samples and our production-shaped fixtures, with its schema.
const records = [...loadFixtureDir('samples'), ...loadFixtureDir('ingest/prod')].flatMap((s) =>
  detect(JSON.parse(s.text)).records.map((r) => ({
    schema: SCHEMAS[r.kind] as z.ZodType,
    raw: r.raw,
    where: `${s.name} ${r.kind}`,
  })),
);

describe('accepts: the fast yes before zod', () => {
  it('accepts every record of the real samples, as zod does (so ingest skips zod for them)', () => {
    expect(records.length).toBeGreaterThan(20);
    for (const r of records) {
      expect(r.schema.safeParse(r.raw).success, r.where).toBe(true);
      expect(accepts(r.schema, r.raw), r.where).toBe(true);
    }
  });

  it('agrees with zod on records with any value replaced or removed anywhere (property-based)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.boolean(), (ri, pi, replacement, remove) => {
        const r = records[ri % records.length];
        const all = jsonPaths(r.raw);
        const mutated = withValueAt(r.raw, all[pi % all.length], replacement, remove);
        expect(accepts(r.schema, mutated)).toBe(r.schema.safeParse(mutated).success);
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses wrong types at any depth: a number where a string goes, an object for an array', () => {
    const task = records.find((r) => r.schema === (taskSchema as z.ZodType))!;
    expect(accepts(taskSchema, { ...(task.raw as object), lastStatus: 3 })).toBe(false);
    expect(accepts(taskSchema, { ...(task.raw as object), containers: { name: 'web' } })).toBe(false);
    expect(accepts(taskSchema, { ...(task.raw as object), containers: [{ name: 'web', exitCode: '1' }] })).toBe(false);
    expect(accepts(taskSchema, null)).toBe(false);
    expect(accepts(taskSchema, [])).toBe(false);
  });

  it('leaves to zod what it does not know: checks, refinements, objects that strip or refuse unknown keys', () => {
    const withCheck = z.looseObject({ name: z.string().min(2) });
    expect(accepts(withCheck, { name: 'web' })).toBe(false);
    expect(withCheck.safeParse({ name: 'web' }).success).toBe(true);
    expect(accepts(z.object({ name: z.string() }), { name: 'web' })).toBe(false);
    expect(accepts(z.strictObject({ name: z.string() }), { name: 'web' })).toBe(false);
    expect(accepts(z.looseObject({ at: z.date() }), { at: new Date() })).toBe(false);
  });
});
