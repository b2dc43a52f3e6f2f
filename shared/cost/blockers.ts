/**
 * Why a service cannot run on Fargate (blockers) and what must change first (changes needed), each citing
 * the task-definition or service field. Read from the raw AWS objects; a field not loaded blocks nothing.
 *
 * What Fargate refuses: Amazon ECS Developer Guide, "Amazon ECS task definition differences for Fargate"
 * (privileged, devices, sharedMemorySize, tmpfs, ipcMode, pidMode host, capabilities other than SYS_PTRACE,
 * host sourcePath and Docker volumes, GPUs, inference accelerators, placement constraints; awsvpc network
 * mode required) and "Amazon ECS services" (the DAEMON strategy runs on EC2 only). Retrieved 2026-12-06.
 */
import type { Service, TaskDefinition } from '../model/types';
import { FARGATE_MAX } from '../pricing/fargate-sizes';
import { rawContainerDefinitions, type TaskShape } from './task-size';

/** A blocker or a change needed: short kebab-case code, the field's path, a sentence. */
export interface CostIssue {
  code: string;
  path: string;
  message: string;
}

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Raw[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** Windows families Fargate runs (ECS Developer Guide, "Amazon ECS task definitions for Windows on Fargate"). */
const FARGATE_OS = new Set([
  'LINUX',
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2022_CORE',
]);

/** Blockers and changes of moving `service` (or a standalone group with no service) to Fargate. */
export function fargateBlockers(
  td: TaskDefinition | undefined,
  service: Service | undefined,
  shape: TaskShape | undefined,
): { blockers: CostIssue[]; changesNeeded: CostIssue[] } {
  const blockers: CostIssue[] = [];
  const changes: CostIssue[] = [];
  const tdRaw = td?.raw ?? {};
  if (service?.schedulingStrategy === 'DAEMON')
    blockers.push({
      code: 'daemon',
      path: 'service.schedulingStrategy',
      message: 'DAEMON scheduling runs one task per EC2 host; Fargate has no hosts',
    });
  const constraints = [...list(service?.raw?.placementConstraints), ...list(tdRaw.placementConstraints)];
  if (constraints.length > 0)
    blockers.push({
      code: 'placement-constraints',
      path: list(service?.raw?.placementConstraints).length
        ? 'service.placementConstraints'
        : 'taskDefinition.placementConstraints',
      message: `${constraints.length} placement constraint${constraints.length === 1 ? '' : 's'}: Fargate does not place tasks by constraint`,
    });
  if (list(tdRaw.inferenceAccelerators).length > 0)
    blockers.push({
      code: 'inference-accelerator',
      path: 'taskDefinition.inferenceAccelerators',
      message: 'inference accelerators are not available on Fargate',
    });
  list(tdRaw.volumes).forEach((v, i) => {
    if (isObj(v.host) && typeof v.host.sourcePath === 'string')
      blockers.push({
        code: 'host-volume',
        path: `taskDefinition.volumes[${i}].host.sourcePath`,
        message: `volume "${String(v.name ?? i)}" mounts a host path; Fargate has no host to mount from`,
      });
    if (isObj(v.dockerVolumeConfiguration))
      blockers.push({
        code: 'docker-volume',
        path: `taskDefinition.volumes[${i}].dockerVolumeConfiguration`,
        message: `volume "${String(v.name ?? i)}" is a Docker volume; Fargate supports bind mounts and EFS only`,
      });
  });
  if (typeof tdRaw.ipcMode === 'string')
    blockers.push({ code: 'ipc-mode', path: 'taskDefinition.ipcMode', message: 'ipcMode is not supported on Fargate' });
  if (tdRaw.pidMode === 'host')
    blockers.push({
      code: 'pid-mode',
      path: 'taskDefinition.pidMode',
      message: 'pidMode "host" is not supported on Fargate',
    });
  rawContainerDefinitions(td).forEach((c, i) => {
    const at = `taskDefinition.containerDefinitions[${i}]`;
    const name = typeof c.name === 'string' ? c.name : String(i);
    if (c.privileged === true)
      blockers.push({
        code: 'privileged',
        path: `${at}.privileged`,
        message: `container "${name}" is privileged; Fargate refuses privileged containers`,
      });
    if (list(c.resourceRequirements).some((r) => r.type === 'GPU'))
      blockers.push({
        code: 'gpu',
        path: `${at}.resourceRequirements`,
        message: `container "${name}" requires a GPU; Fargate has none`,
      });
    const lp = isObj(c.linuxParameters) ? c.linuxParameters : undefined;
    if (lp) {
      if (list(lp.devices).length > 0)
        blockers.push({
          code: 'devices',
          path: `${at}.linuxParameters.devices`,
          message: `container "${name}" maps host devices; Fargate refuses devices`,
        });
      const add = isObj(lp.capabilities) && Array.isArray(lp.capabilities.add) ? lp.capabilities.add : [];
      const refused = add.filter((cap) => cap !== 'SYS_PTRACE');
      if (refused.length > 0)
        blockers.push({
          code: 'capabilities',
          path: `${at}.linuxParameters.capabilities.add`,
          message: `container "${name}" adds ${refused.map(String).join(', ')}; Fargate allows adding SYS_PTRACE only`,
        });
      if (lp.sharedMemorySize !== undefined)
        blockers.push({
          code: 'shared-memory',
          path: `${at}.linuxParameters.sharedMemorySize`,
          message: `container "${name}" sets sharedMemorySize; not supported on Fargate`,
        });
      if (list(lp.tmpfs).length > 0)
        blockers.push({
          code: 'tmpfs',
          path: `${at}.linuxParameters.tmpfs`,
          message: `container "${name}" mounts tmpfs; not supported on Fargate`,
        });
    }
  });
  if (shape) {
    if (shape.cpu > FARGATE_MAX.cpu || shape.memoryMiB > FARGATE_MAX.memoryMiB)
      blockers.push({
        code: 'size',
        path: 'taskDefinition.cpu',
        message: `the task reserves ${shape.cpu / 1024} vCPU / ${(shape.memoryMiB / 1024).toFixed(2).replace(/\.?0+$/, '')} GB; Fargate's largest task is 16 vCPU / 120 GB`,
      });
    if (shape.osFamily && !FARGATE_OS.has(shape.osFamily.toUpperCase()))
      blockers.push({
        code: 'os',
        path: 'taskDefinition.runtimePlatform.operatingSystemFamily',
        message: `${shape.osFamily} does not run on Fargate`,
      });
    if (shape.networkMode !== 'awsvpc')
      changes.push({
        code: 'network-mode',
        path: 'taskDefinition.networkMode',
        message: `Fargate needs awsvpc (now ${shape.networkMode}): each task gets its own ENI, so port mappings and security groups change`,
      });
  }
  if (td && !td.placeholder && td.requiresCompatibilities.length > 0 && !td.requiresCompatibilities.includes('FARGATE'))
    changes.push({
      code: 'requires-compatibilities',
      path: 'taskDefinition.requiresCompatibilities',
      message: 'add FARGATE to requiresCompatibilities (a new task definition revision)',
    });
  if (td && !td.placeholder && (td.cpu === undefined || td.memory === undefined))
    changes.push({
      code: 'task-size',
      path: td.cpu === undefined ? 'taskDefinition.cpu' : 'taskDefinition.memory',
      message: 'Fargate needs task-level cpu and memory; set them to the rounded Fargate size',
    });
  return { blockers, changesNeeded: changes };
}
