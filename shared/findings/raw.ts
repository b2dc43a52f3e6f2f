/**
 * Readers of the described objects (`raw`) for the rules: the model keeps only what the diagram needs, the
 * rules read a few more fields (deployment configuration, placement constraints, port mappings, attributes).
 * Every reader narrows: a field of an unexpected type reads as absent, never as a crash.
 */

/** A plain object, or undefined. */
export function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The objects of an array field (non-objects skipped). */
export function objs(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map(obj).filter((o): o is Record<string, unknown> => o !== undefined) : [];
}

/** A string field. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A number field (a numeric string too: task definitions carry `cpu: "256"`). */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** A boolean field. */
export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** `name → value` of an `attributes` array (container instances, tasks); a capability has no value. */
export function attributeMap(raw: Record<string, unknown> | undefined): Map<string, string | undefined> {
  const map = new Map<string, string | undefined>();
  for (const a of objs(raw?.attributes)) {
    const name = str(a.name);
    if (name) map.set(name, str(a.value));
  }
  return map;
}

/** Task CPU units from a task definition's `cpu`: `"1024"`, or the `"1 vCPU"` form register input accepts. */
export function cpuUnits(v: unknown): number | undefined {
  const n = num(v);
  if (n !== undefined) return n;
  const m = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*vcpu\s*$/i.exec(v) : null;
  return m ? Math.round(Number(m[1]) * 1024) : undefined;
}

/** Task memory MiB from a task definition's `memory`: `"2048"`, or the `"2 GB"` form register input accepts. */
export function memoryMiB(v: unknown): number | undefined {
  const n = num(v);
  if (n !== undefined) return n;
  const m = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*gb\s*$/i.exec(v) : null;
  return m ? Math.round(Number(m[1]) * 1024) : undefined;
}

/** 1024 → "1,024": digits grouped the same on every machine (no locale), as the messages show them. */
export function groupDigits(n: number): string {
  const s = String(Math.abs(Math.round(n)));
  return (n < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
