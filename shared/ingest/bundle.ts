/**
 * The app's own snapshot file, `ecs-visualizer/v1`: what a live fetch saves and
 * what "Save snapshot" writes. It holds the describe-* objects exactly as AWS
 * returned them (so ingest reads it with the same code as loose files), plus
 * when and where they were fetched.
 *
 * ```json
 * {
 *   "format": "ecs-visualizer/v1",
 *   "fetchedAt": "2026-11-29T04:00:00.000Z",
 *   "source": { "profile": "prod", "regions": ["eu-west-1"], "tool": "ecs-visualizer 0.1.0" },
 *   "clusters": [], "services": [], "tasks": [], "taskDefinitions": [],
 *   "containerInstances": [], "capacityProviders": [], "targetGroups": [],
 *   "failures": []
 * }
 * ```
 * Every array is optional. `targetGroups` holds elbv2 objects (PascalCase keys).
 */

/** The format tag of the current bundle version. */
export const BUNDLE_FORMAT = 'ecs-visualizer/v1';

/** Any bundle version starts with this; a newer one is refused with a clear error. */
export const BUNDLE_FORMAT_PREFIX = 'ecs-visualizer/';

/** Where a snapshot came from (never credentials). */
export interface BundleSource {
  profile?: string;
  regions?: string[];
  tool?: string;
}

/** A whole snapshot in one file. */
export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  fetchedAt?: string;
  source?: BundleSource;
  clusters?: unknown[];
  services?: unknown[];
  tasks?: unknown[];
  taskDefinitions?: unknown[];
  containerInstances?: unknown[];
  capacityProviders?: unknown[];
  targetGroups?: unknown[];
  failures?: unknown[];
}

/** Builds a bundle from raw AWS objects. */
export function makeBundle(parts: Omit<Bundle, 'format'>): Bundle {
  return { format: BUNDLE_FORMAT, ...parts };
}
