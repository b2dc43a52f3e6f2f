/**
 * Masks the values of `environment` entries (task definitions, task and
 * container overrides) wherever they sit in a raw AWS object, so the details
 * panel and any export show names but never values unless the user asks.
 */

/** What a masked value is replaced with. */
export const MASK = '••••';

/**
 * A deep copy of `value` with every `environment[].value` replaced by MASK.
 * `secrets[]` already carry only names and ARNs (`valueFrom`), so they stay.
 */
export function maskEnvironment<T>(value: T): T {
  return mask(value, false) as T;
}

function mask(value: unknown, inEnvironment: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => mask(v, inEnvironment));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (inEnvironment && key === 'value') out[key] = MASK;
    else out[key] = mask(v, key === 'environment' && Array.isArray(v));
  }
  return out;
}

/** Number of environment values `maskEnvironment` would hide. */
export function countEnvironmentValues(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countEnvironmentValues(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'environment' && Array.isArray(v))
      n += v.filter((e) => e !== null && typeof e === 'object' && 'value' in e).length;
    else n += countEnvironmentValues(v);
  }
  return n;
}
