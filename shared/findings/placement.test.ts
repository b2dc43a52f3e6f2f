import { describe, expect, it } from 'vitest';
import { bundle, host, service, task, taskDefinition, taskDefinitionArn } from '../../fixtures/findings/shapes';
import { ingest } from '../ingest/index';
import { buildContext } from './context';
import { computeFindings } from './engine';
import { explainPlacement, serviceRequest } from './placement';
import type { InstanceTypeLimits } from './eni-limits';

const td = taskDefinitionArn('web', 7);
const UNABLE = '(service web) was unable to place a task because no container instance met all of its requirements.';

/** A blocked service `web` whose task definition and hosts the case sets. */
function explain(
  o: {
    td?: Partial<Parameters<typeof taskDefinition>[0]>;
    hosts?: Parameters<typeof host>[0][];
    tasks?: Parameters<typeof task>[0][];
    constraints?: { type: string; expression?: string }[];
  },
  limits?: InstanceTypeLimits,
) {
  const b = bundle({
    taskDefinitions:
      o.td === undefined && o.hosts === undefined ? [] : [taskDefinition({ family: 'web', revision: 7, ...o.td })],
    containerInstances: (o.hosts ?? []).map(host),
    services: [
      service({
        name: 'web',
        taskDefinition: td,
        desired: 2,
        running: 1,
        events: [{ message: UNABLE, createdAt: '2026-12-01T11:00:00.000Z' }],
        placementConstraints: o.constraints,
      }),
    ],
    tasks: (o.tasks ?? []).map(task),
  });
  const topology = ingest([{ name: 'case.json', text: JSON.stringify(b) }]);
  const [finding] = computeFindings(topology, limits ? { limits } : {}).filter((f) => f.rule === 'placement-blocked');
  return finding;
}

const app = (o: {
  cpu?: number;
  memory?: number;
  ports?: { containerPort: number; hostPort?: number; protocol?: string }[];
}) => ({
  containers: [{ name: 'app', image: 'web:2.3.1', cpu: o.cpu ?? 128, memory: o.memory ?? 256, ports: o.ports }],
});

describe('placement explainer', () => {
  it('bridge mode: a static host port already taken on a host fails it; a dynamic one (hostPort 0) collides with nothing', () => {
    const f = explain({
      td: app({ ports: [{ containerPort: 8080, hostPort: 80 }] }),
      hosts: [
        { ec2InstanceId: 'i-0a1', ports: ['80'] },
        { ec2InstanceId: 'i-0b2', ports: ['443'], udpPorts: ['80'] },
      ],
    });
    expect(f.placement?.needs?.networkMode).toBe('bridge');
    expect(f.placement?.needs?.ports).toEqual(['80/tcp']);
    expect(f.placement?.hosts.map((h) => [h.hostName, h.code, h.reason])).toEqual([
      ['i-0a1', 'ports', 'host port 80/tcp already taken'],
      // 80/udp taken is not 80/tcp: this host could take it now.
      ['i-0b2', 'fits', 'could take the task now'],
    ]);
    const dynamic = explain({
      td: app({ ports: [{ containerPort: 8080, hostPort: 0 }] }),
      hosts: [{ ec2InstanceId: 'i-0a1', ports: ['80', '8080'] }],
    });
    expect(dynamic.placement?.needs?.ports).toEqual([]);
    expect(dynamic.placement?.hosts[0].code).toBe('fits');
  });

  it('host mode: the container port is the host port', () => {
    const f = explain({
      td: { networkMode: 'host', ...app({ ports: [{ containerPort: 9000 }] }) },
      hosts: [{ ec2InstanceId: 'i-0a1', ports: ['9000'] }],
    });
    expect(f.placement?.hosts[0].reason).toBe('host port 9000/tcp already taken');
  });

  it('CPU: the nearest miss names the host that came closest and by how much', () => {
    const f = explain({
      td: app({ cpu: 1024 }),
      hosts: [
        { ec2InstanceId: 'i-0a1', cpu: [2048, 256] },
        { ec2InstanceId: 'i-0b2', cpu: [2048, 512] },
        { ec2InstanceId: 'i-0c3', cpu: [1024, 0] },
      ],
    });
    expect(f.placement?.summary).toBe(
      'needs 1,024 CPU units: i-0b2 has 512 free (short 512), i-0a1 has 256, i-0c3 has 0 (3 hosts: 3 short of CPU)',
    );
    expect(f.evidence).toContainEqual({
      objectId: f.placement?.hosts[1].hostId,
      path: '$.remainingResources[name=CPU].integerValue',
      value: 512,
    });
  });

  it('memory: task-level memory wins over the containers, and is read from remainingResources MEMORY', () => {
    const f = explain({
      td: { memory: '2048', ...app({ memory: 256 }) },
      hosts: [{ ec2InstanceId: 'i-0a1', memory: [3904, 1500] }],
    });
    expect(f.placement?.hosts[0]).toMatchObject({ code: 'memory', reason: '1,500 MiB free, needs 2,048 (short 548)' });
    expect(f.placement?.summary).toMatch(/^needs 2,048 MiB of memory: i-0a1 has 1,500 free \(short 548\)/);
  });

  it('memberOf(attribute:ecs.instance-type =~ t3.*) keeps an m5 host out and lets a t3 host in', () => {
    const f = explain({
      td: app({}),
      constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }],
      hosts: [
        { ec2InstanceId: 'i-0a1', instanceType: 'm5.large' },
        { ec2InstanceId: 'i-0b2', instanceType: 't3.medium', cpu: [2048, 0] },
      ],
    });
    expect(f.placement?.hosts.map((h) => [h.hostName, h.code])).toEqual([
      ['i-0a1', 'member-of'],
      ['i-0b2', 'cpu'],
    ]);
    expect(f.placement?.hosts[0].reason).toBe('is m5.large: outside memberOf(attribute:ecs.instance-type =~ t3.*)');
    expect(f.placement?.needs?.constraints).toEqual(['memberOf(attribute:ecs.instance-type =~ t3.*)']);
  });

  it('DRAINING and a disconnected agent are the first reasons, before any resource', () => {
    const f = explain({
      td: app({ cpu: 4096 }),
      hosts: [
        { ec2InstanceId: 'i-0a1', status: 'DRAINING' },
        { ec2InstanceId: 'i-0b2', agentConnected: false },
      ],
    });
    expect(f.placement?.hosts.map((h) => h.reason)).toEqual(['DRAINING', 'agent disconnected']);
    expect(f.evidence).toContainEqual({ objectId: f.placement?.hosts[0].hostId, path: '$.status', value: 'DRAINING' });
  });

  it('distinctInstance and requiresAttributes', () => {
    const f = explain({
      td: { ...app({}), requiresAttributes: [{ name: 'ecs.capability.efsAuth' }] },
      constraints: [{ type: 'distinctInstance' }],
      hosts: [{ ec2InstanceId: 'i-0a1', attributes: [{ name: 'ecs.capability.efsAuth' }] }, { ec2InstanceId: 'i-0b2' }],
      tasks: [{ id: 'f'.repeat(32), service: 'web', taskDefinition: td, host: 'i-0a1' }],
    });
    expect(f.placement?.hosts.map((h) => h.code)).toEqual(['distinct-instance', 'requires-attributes']);
  });

  it('awsvpc: ENIs counted from the loaded tasks against the sourced limit; trunking is said, not guessed', () => {
    const limits: InstanceTypeLimits = { maxEnis: (t) => (t === 't3.medium' ? 3 : undefined), source: 'test table' };
    const tasks = ['1', '2'].map((n) => ({ id: n.repeat(32), taskDefinition: td, host: 'i-0a1', eni: true }));
    const f = explain(
      { td: { networkMode: 'awsvpc', ...app({}) }, hosts: [{ ec2InstanceId: 'i-0a1' }], tasks },
      limits,
    );
    expect(f.placement?.hosts[0]).toMatchObject({ code: 'eni' });
    const trunked = explain(
      {
        td: { networkMode: 'awsvpc', ...app({}) },
        hosts: [{ ec2InstanceId: 'i-0a1', attributes: [{ name: 'ecs.awsvpc-trunk-id', value: 'eni-0trunk' }] }],
        tasks,
      },
      limits,
    );
    expect(trunked.placement?.hosts[0].code).toBe('fits');
    expect(trunked.placement?.hosts[0].unknown.join()).toContain('trunking on');
  });

  it('the sourced table knows t3.medium has 3 ENIs (shared/pricing/instance-types.json)', async () => {
    const { SOURCED_INSTANCE_TYPES } = await import('./eni-limits');
    expect(SOURCED_INSTANCE_TYPES.maxEnis('t3.medium')).toBe(3);
    expect(SOURCED_INSTANCE_TYPES.maxEnis('x9.imaginary')).toBeUndefined();
  });

  it('says what to load when the hosts or the task definition are missing', () => {
    const noHosts = explain({ td: app({}) });
    expect(noHosts.placement?.summary).toContain('no container instances of cluster prod are loaded');
    expect(noHosts.placement?.summary).toContain('aws ecs describe-container-instances --cluster prod');
    const noTd = explain({});
    expect(noTd.placement?.summary).toContain('aws ecs describe-task-definition --task-definition web:7');
  });

  it('explains a request directly (what the placement view reads)', () => {
    const b = bundle({
      taskDefinitions: [taskDefinition({ family: 'web', revision: 7, ...app({ cpu: 512 }) })],
      containerInstances: [host({ ec2InstanceId: 'i-0a1', cpu: [2048, 2048] })],
      services: [service({ name: 'web', taskDefinition: td, desired: 1, running: 1 })],
    });
    const ctx = buildContext(ingest([{ name: 'b.json', text: JSON.stringify(b) }]));
    const s = ctx.topology.services[0];
    expect(explainPlacement(serviceRequest(s, ctx), ctx).summary).toMatch(/^1 of 1 loaded hosts could take it now/);
  });
});
