/**
 * Findings: what the rules engine says about the running state of a load (placement, drift, resilience,
 * hygiene). Plain data, structured-clone safe, so the ingest worker or main computes them and the page only shows.
 */
import type { EntityKind, Severity } from '../model/types';

/** The stable ids of the rules (kebab-case; shipped in `check --format json|sarif`: never rename). */
export type RuleId =
  | 'placement-blocked'
  | 'tasks-failing'
  | 'revision-drift'
  | 'image-drift'
  | 'platform-drift'
  | 'agent-drift'
  | 'single-az'
  | 'single-host'
  | 'single-task-behind-lb'
  | 'circuit-breaker-off'
  | 'deploy-stall-config'
  | 'latest-tag'
  | 'no-log-config'
  | 'inactive-revision';

/** One fact a finding rests on: a field of the object (or of another object, named by `objectId`) and its value. */
export interface Evidence {
  /** JSON path inside the object as AWS described it, e.g. `$.deploymentConfiguration.maximumPercent`. */
  path: string;
  /** The value there, masked where it could be a secret. */
  value: string | number | boolean | null;
  /** The object the path is in, when it is not the finding's own object (a host, a task). */
  objectId?: string;
}

/** Why one host cannot take the task now (the first check it fails), or that it could. */
export type HostVerdictCode =
  | 'fits'
  | 'not-active'
  | 'agent-disconnected'
  | 'launch-type'
  | 'capacity-provider'
  | 'requires-attributes'
  | 'member-of'
  | 'distinct-instance'
  | 'cpu'
  | 'memory'
  | 'ports'
  | 'eni';

/** The placement explainer's verdict on one container instance. */
export interface HostVerdict {
  hostId: string;
  /** `i-…` where known, else the container instance's short id. */
  hostName: string;
  code: HostVerdictCode;
  /** One line a person reads: "DRAINING", "512 CPU units free, needs 1,024 (short 512)". */
  reason: string;
  /** Free units of the resource the host failed on (CPU or memory), for the nearest miss. */
  free?: number;
  /** Checks that could not be made on this host for lack of data ("ENI limit of t3.nano not in the table"). */
  unknown: string[];
}

/** What the task needs, as the explainer read it from the task definition (and the service). */
export interface PlacementNeeds {
  cpu?: number;
  memory?: number;
  networkMode: string;
  /** Static host ports, `80/tcp`. */
  ports: string[];
  /** `memberOf` expressions and `distinctInstance`, as written. */
  constraints: string[];
  requiresAttributes: string[];
}

/** The placement explainer's answer for one service or pending task. */
export interface PlacementExplanation {
  clusterId?: string;
  taskDefinitionId?: string;
  needs?: PlacementNeeds;
  /** Every container instance of the cluster that was tried, each with its first failing check. */
  hosts: HostVerdict[];
  /** "needs 1,024 CPU units: i-0b2… has 512 free (short 512), i-0a1… has 256", or what to load. */
  summary: string;
}

/** One finding of one rule about one object. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Model id of the object it is about (selectable in the app). */
  objectId: string;
  objectKind: EntityKind;
  arn?: string;
  /** One sentence a person reads; names the object. */
  message: string;
  evidence: Evidence[];
  /** Present on `placement-blocked`: the hosts tried and why each failed. */
  placement?: PlacementExplanation;
}

/** A rule's fixed facts: its severity and what it checks, in one sentence. */
export interface RuleInfo {
  id: RuleId;
  severity: Severity;
  title: string;
  /** What it checks, in one sentence (the SARIF rule's description, the panel's tooltip). */
  description: string;
}
