/**
 * Lookups over a load's findings for the nodes: per object, how many and how bad (the badge); per host, the
 * explainer's verdict for the finding being explained. Built once per findings array.
 */
import { findingsByObject } from '../../shared/findings/engine';
import type { Finding, HostVerdict } from '../../shared/findings/types';
import type { Severity } from '../../shared/model/types';

const byObject = new WeakMap<Finding[], Map<string, { count: number; worst: Severity }>>();

/** Count and worst severity of the findings about one object, or undefined when it has none. */
export function findingSummary(
  findings: Finding[] | undefined,
  objectId: string | undefined,
): { count: number; worst: Severity } | undefined {
  if (!findings || !objectId) return undefined;
  let map = byObject.get(findings);
  if (!map) byObject.set(findings, (map = findingsByObject(findings)));
  return map.get(objectId);
}

/** The verdict on host `hostId` of the placement finding about `explaining`, if that finding tried it. */
export function hostVerdict(
  findings: Finding[] | undefined,
  explaining: string | null,
  hostId: string | undefined,
): HostVerdict | undefined {
  if (!findings || !explaining || !hostId) return undefined;
  const f = findings.find((x) => x.objectId === explaining && x.placement);
  return f?.placement?.hosts.find((h) => h.hostId === hostId);
}
