/** Findings: the rules engine over the model (placement, drift, resilience, hygiene). */
export { computeFindings, findingsByObject, isProblemFinding, maskEvidence, SEVERITY_RANK } from './engine';
export { RULES, RULE_BY_ID } from './rule-table';
export { explainPlacement, readNeeds } from './placement';
export { parseClusterQuery, evaluateClusterQuery } from './cluster-query';
export { SOURCED_INSTANCE_TYPES, type InstanceTypeLimits } from './eni-limits';
export type { FindingOptions } from './context';
export type * from './types';
