/**
 * A fast yes for records that already satisfy their zod schema. zod builds
 * a validated copy of every object it parses; on a 20,000-node account that
 * copying was a third of ingest. Almost every record AWS writes is valid, so
 * ingest first asks this checker, compiled once per schema from the schema's
 * own definition (zod stays the one description of the shapes), and runs
 * zod only on records it does not accept, to find and drop what is wrong.
 * The checker is conservative: a schema part it does not know (checks,
 * refinements, any type other than those below) makes it say no, so zod
 * decides; it never accepts what zod would refuse (property-tested).
 */
import type { z } from 'zod';

type Check = (value: unknown) => boolean;

const compiled = new WeakMap<z.ZodType, Check>();
const NO: Check = () => false;

/** Whether `value` satisfies `schema` as zod would parse it; false also when unsure. */
export function accepts(schema: z.ZodType, value: unknown): boolean {
  return checkerOf(schema)(value);
}

function checkerOf(schema: z.ZodType): Check {
  let check = compiled.get(schema);
  if (!check) {
    check = compile(schema);
    compiled.set(schema, check);
  }
  return check;
}

interface Def {
  type: string;
  checks?: unknown[];
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
}

function compile(schema: z.ZodType): Check {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  // Any check (min, regex, int, refine…) is zod's to run.
  if (def.checks && def.checks.length > 0) return NO;
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'unknown':
    case 'any':
      return () => true;
    case 'optional': {
      const inner = checkerOf(def.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case 'union': {
      const options = def.options!.map(checkerOf);
      return (v) => {
        for (let i = 0; i < options.length; i += 1) if (options[i](v)) return true;
        return false;
      };
    }
    case 'array': {
      const element = checkerOf(def.element!);
      return (v) => Array.isArray(v) && v.every(element);
    }
    case 'object': {
      // Only objects that keep unknown keys (looseObject): a stripping or strict object's output differs from its input.
      const catchall = def.catchall ? (def.catchall as unknown as { _zod: { def: Def } })._zod.def.type : undefined;
      if (catchall !== 'unknown') return NO;
      const keys = Object.keys(def.shape!);
      const checks = keys.map((key) => checkerOf(def.shape![key]));
      // Indexed loops, no closure or destructuring per value: the checker runs cold over every record of a load.
      return (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
        const record = v as Record<string, unknown>;
        for (let i = 0; i < keys.length; i += 1) if (!checks[i](record[keys[i]])) return false;
        return true;
      };
    }
    default:
      return NO;
  }
}
