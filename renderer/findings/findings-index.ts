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

const aboutObject = new WeakMap<Finding[], Map<string, Finding[]>>();

/** The findings about one object, in the order of the load's findings (none: an empty array). */
export function findingsAbout(findings: Finding[] | undefined, objectId: string | undefined): readonly Finding[] {
  if (!findings || !objectId) return [];
  let map = aboutObject.get(findings);
  if (!map) {
    map = new Map();
    for (const f of findings) {
      const list = map.get(f.objectId);
      if (list) list.push(f);
      else map.set(f.objectId, [f]);
    }
    aboutObject.set(findings, map);
  }
  return map.get(objectId) ?? [];
}

/** The verdict on host `hostId` of the placement finding about `explaining`, if that finding tried it. */
export function hostVerdict(
  findings: Finding[] | undefined,
  explaining: string | null,
  hostId: string | undefined,
): HostVerdict | undefined {
  if (!findings || !explaining || !hostId) return undefined;
  // Through the per-object lists: each host card asks, and a big load has thousands of findings to scan.
  const f = findingsAbout(findings, explaining).find((x) => x.placement);
  return f?.placement?.hosts.find((h) => h.hostId === hostId);
}
