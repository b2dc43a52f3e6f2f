import type { Diagnostic, LaunchType, Topology } from '../model/types';

/** The `inspect --json` object of DESIGN.md. */
export interface InspectSummary {
  counts: {
    clusters: number;
    services: number;
    tasks: number;
    containers: number;
    taskDefinitions: number;
    containerInstances: number;
    capacityProviders: number;
    targetGroups: number;
  };
  tasksByLaunchType: Partial<Record<LaunchType, number>>;
  tasksOnFargateSpot: number;
  placeholders: number;
  /** Objects read from a broken file all the same (only commas missing or extra around them): check them. */
  recovered: number;
  diagnostics: Diagnostic[];
}

const described = <T extends { placeholder: boolean }>(list: T[]) => list.filter((x) => !x.placeholder);

/**
 * Counts what a load described (merged by ARN; placeholders apart), tasks per
 * inferred launch type, and the diagnostics. Carries no field values, so no
 * environment value can reach `inspect` output through it.
 */
export function summarize(topology: Topology): InspectSummary {
  const tasks = described(topology.tasks);
  const tasksByLaunchType: Partial<Record<LaunchType, number>> = {};
  for (const t of tasks) tasksByLaunchType[t.launchType] = (tasksByLaunchType[t.launchType] ?? 0) + 1;
  const all = [
    topology.clusters,
    topology.services,
    topology.tasks,
    topology.taskDefinitions,
    topology.containerInstances,
    topology.capacityProviders,
    topology.targetGroups,
  ];
  return {
    counts: {
      clusters: described(topology.clusters).length,
      services: described(topology.services).length,
      tasks: tasks.length,
      containers: tasks.reduce((n, t) => n + t.containers.length, 0),
      taskDefinitions: described(topology.taskDefinitions).length,
      containerInstances: described(topology.containerInstances).length,
      capacityProviders: described(topology.capacityProviders).length,
      targetGroups: described(topology.targetGroups).length,
    },
    tasksByLaunchType,
    tasksOnFargateSpot: tasks.filter((t) => t.spot).length,
    placeholders: all.reduce((n, list) => n + list.filter((x: { placeholder: boolean }) => x.placeholder).length, 0),
    recovered: all.reduce(
      (n, list) => n + list.filter((x: { recoveredFrom?: string[] }) => x.recoveredFrom !== undefined).length,
      0,
    ),
    diagnostics: topology.diagnostics,
  };
}
