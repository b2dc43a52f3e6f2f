/**
 * The findings engine: runs every rule over a topology and returns the findings in a stable order (worst
 * first, then by rule, then by message). Pure: no I/O, and a rule that throws on odd data is a bug kept
 * out of the others' way.
 */
import type { Severity, Topology } from '../model/types';
import { maskSecrets } from '../redact/mask-secrets';
import { buildContext, type FindingContext, type FindingOptions } from './context';
import { RULES } from './rule-table';
import { drift } from './rules/drift';
import { hygiene } from './rules/hygiene';
import { placementBlocked } from './rules/placement-blocked';
import { resilience } from './rules/resilience';
import type { Evidence, Finding } from './types';

const RULE_SETS: ((ctx: FindingContext) => Finding[])[] = [placementBlocked, drift, resilience, hygiene];

/** Severity rank, worst first. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

const RULE_RANK = new Map(RULES.map((r, i) => [r.id, i]));

/** `$.a[0].b[name=CPU]` → `['a', 0, 'b', 'name=CPU']`. */
function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/\.([^.[\]]+)|\[(\d+)\]|\[([^\]]+)\]/g))
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? m[3]));
  return out;
}

/**
 * Evidence values pass the app's one masking function, `maskSecrets`, as the details panel does: the value is
 * put back where its path says it sat in the AWS object (an `environment[].value`, a `logConfiguration.options`
 * value, a `command` argument…), masked there, and read back.
 */
export function maskEvidence(e: Evidence): Evidence {
  const segs = pathSegments(e.path);
  if (segs.length === 0 || e.value === null || typeof e.value !== 'string') return e;
  const root: Record<string | number, unknown> = {};
  let at: Record<string | number, unknown> = root;
  segs.forEach((seg, i) => {
    if (i === segs.length - 1) at[seg] = e.value;
    else at = at[seg] = (typeof segs[i + 1] === 'number' ? [] : {}) as Record<string | number, unknown>;
  });
  let back: unknown = maskSecrets(root);
  for (const seg of segs) back = (back as Record<string | number, unknown> | undefined)?.[seg];
  return typeof back === 'string' && back !== e.value ? { ...e, value: back } : e;
}

/** Every finding of the load, masked and ordered. */
export function computeFindings(topology: Topology, options: FindingOptions = {}): Finding[] {
  const ctx = buildContext(topology, options);
  const out: Finding[] = [];
  for (const rules of RULE_SETS) out.push(...rules(ctx));
  for (const f of out) f.evidence = f.evidence.map(maskEvidence);
  return out.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (RULE_RANK.get(a.rule) ?? 0) - (RULE_RANK.get(b.rule) ?? 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Findings of warning and up: what "Problems only" keeps. */
export function isProblemFinding(f: Pick<Finding, 'severity'>): boolean {
  return f.severity !== 'info';
}

/** Count of findings per object id (the badges), worst severity per object. */
export function findingsByObject(findings: Finding[]): Map<string, { count: number; worst: Severity }> {
  const map = new Map<string, { count: number; worst: Severity }>();
  for (const f of findings) {
    const prev = map.get(f.objectId);
    if (!prev) map.set(f.objectId, { count: 1, worst: f.severity });
    else {
      prev.count += 1;
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.worst]) prev.worst = f.severity;
    }
  }
  return map;
}
