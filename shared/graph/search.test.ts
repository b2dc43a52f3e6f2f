import { describe, expect, it } from 'vitest';
import { drawnIdsOf, searchTopology, searchWarmUp } from './search';
import { ancestorIds } from './build-graph';
import { generateAccount, generateAccountOfSize } from '../synth/generate-account';
import { namespaceNodes } from './namespace';
import { emptyTopology, makeCluster, makeContainer, makeService, makeTask } from './testing/make-topology';
import type { Topology } from '../model/types';
import { ingest } from '../ingest/index';
import { loadFixture } from '../../fixtures/load-fixtures';

function sample(): Topology {
  const prod = makeCluster('prod');
  const web = makeService(prod, 'checkout-web');
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [web];
  t.containerInstances = [
    {
      id: 'ci|1',
      kind: 'containerInstance',
      name: 'c1',
      arn: 'arn:aws:ecs:eu-west-1:111122223333:container-instance/prod/c1',
      placeholder: false,
      sources: [],
      ec2InstanceId: 'i-0abc123',
      registered: {},
      remaining: {},
    },
  ];
  const a = makeTask('9f8e7d6c', {
    cluster: prod,
    service: web,
    launchType: 'EC2',
    containerInstanceId: 'ci|1',
    privateIp: '10.0.1.23',
  });
  a.containers = [
    makeContainer(a.id, 'nginx', { image: 'public.ecr.aws/nginx/nginx:1.27' }),
    makeContainer(a.id, 'app', { image: '1234.dkr.ecr.eu-west-1.amazonaws.com/shop:41' }),
  ];
  const b = makeTask('1a2b3c4d', { cluster: prod, service: web, privateIp: '10.0.2.7' });
  t.tasks = [a, b];
  return t;
}

const hits = (q: string) => searchTopology(sample(), q).map((h) => `${h.field}:${h.value}`);

describe('searchTopology', () => {
  it('finds a service by name', () => expect(hits('checkout')).toEqual(['service:checkout-web']));
  it('finds a task by its id', () => expect(hits('9F8E')).toEqual(['task id:9f8e7d6c']));
  it('finds a task by ARN', () =>
    expect(hits('task/prod/1a2b')).toEqual(['ARN:arn:aws:ecs:eu-west-1:111122223333:task/prod/1a2b3c4d']));
  it('finds a container by name', () => expect(hits('nginx')).toEqual(['container:nginx']));
  it('finds a container by image', () =>
    expect(hits('dkr.ecr')).toEqual(['image:1234.dkr.ecr.eu-west-1.amazonaws.com/shop:41']));
  it('finds a task by private IP', () => expect(hits('10.0.2.7')).toEqual(['private IP:10.0.2.7']));
  it('reads a query literally: a dot is a dot, brackets and stars match themselves', () => {
    expect(hits('10x0x2x7')).toEqual([]);
    expect(hits('10.0.2.')).toEqual(['private IP:10.0.2.7']);
    expect(hits('nginx*')).toEqual([]);
    expect(hits('[')).toEqual([]);
  });
  it('ignores case in a query with letters beyond ASCII too', () => {
    const t = sample();
    const renamed = { ...t, services: t.services.map((s) => ({ ...s, name: 'Kasse-Übersicht' })) };
    expect(searchTopology(renamed, 'übersicht').map((h) => h.value)).toEqual(['Kasse-Übersicht']);
    expect(searchTopology(renamed, 'KASSE').map((h) => h.value)).toEqual(['Kasse-Übersicht']);
  });
  it('finds every task placed on an EC2 instance by its id, and the host itself where hosts are drawn', () => {
    expect(hits('i-0abc')).toEqual(['instance id:i-0abc123']);
    expect(searchTopology(sample(), 'i-0abc', 'placement').map((h) => h.id)).toEqual(['ci|1', sample().tasks[0].id]);
  });
  it('finds a target group a service uses by its name, in the hierarchy that draws it', () => {
    const t = sample();
    t.services[0].loadBalancers = [{ targetGroupId: 'targetGroup|shop-tg', containerName: 'nginx', containerPort: 80 }];
    t.targetGroups = [
      {
        id: 'targetGroup|shop-tg',
        kind: 'targetGroup',
        name: 'shop-tg',
        arn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/shop-tg/0123',
        placeholder: false,
        sources: [],
        loadBalancerArns: [],
      },
      // Described but used by no service: not drawn, so not a hit.
      {
        id: 'targetGroup|shop-old',
        kind: 'targetGroup',
        name: 'shop-old',
        placeholder: false,
        sources: [],
        loadBalancerArns: [],
      },
    ];
    expect(searchTopology(t, 'shop-').map((h) => `${h.field}:${h.value}`)).toEqual(['target group:shop-tg']);
    expect(searchTopology(t, 'targetgroup/shop').map((h) => h.id)).toEqual(['targetGroup|shop-tg']);
    expect(searchTopology(t, 'shop-tg', 'placement')).toEqual([]);
  });

  it('finds a namespace node by name, ns- id or a DNS name published in it, one hit per cluster that draws it', () => {
    const t = sample();
    const ns = 'arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-ke2ewbfvynxeu2ub';
    t.services[0].serviceConnect = {
      enabled: true,
      namespace: ns,
      endpoints: [{ discoveryName: 'checkout', clientAliases: [{ port: 8080, dnsName: 'checkout.internal' }] }],
    };
    const staging = makeCluster('staging');
    t.clusters.push(staging);
    t.services.push(makeService(staging, 'cart', { serviceConnect: { enabled: true, namespace: ns, endpoints: [] } }));
    const ids = namespaceNodes(t).map((n) => n.id);
    expect(ids).toHaveLength(2);
    expect(searchTopology(t, 'internal').map((h) => `${h.field}:${h.value}`)).toEqual([
      'namespace:internal',
      'namespace:internal',
    ]);
    expect(
      searchTopology(t, 'internal')
        .map((h) => h.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(searchTopology(t, 'ns-ke2e').map((h) => h.field)).toEqual(['namespace', 'namespace']);
    // A DNS name is published by the prod service only: the prod node.
    expect(searchTopology(t, 'checkout.int').map((h) => `${h.field}:${h.value}`)).toEqual([
      'DNS name:checkout.internal',
    ]);
    expect(searchTopology(t, 'internal', 'placement')).toEqual([]);
  });

  it('finds a Cloud Map service by its srv- id', () => {
    const t = sample();
    t.services[0].serviceRegistries = [
      {
        registryArn: 'arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-abc123',
        containerName: 'app',
        containerPort: 80,
      },
    ];
    expect(searchTopology(t, 'srv-abc').map((h) => `${h.field}:${h.value}`)).toEqual(['namespace:srv-abc123']);
  });

  it('matches nothing for an empty query, and gives each object one hit', () => {
    expect(searchTopology(sample(), '  ')).toEqual([]);
    const all = searchTopology(sample(), 'prod');
    expect(new Set(all.map((h) => h.id)).size).toBe(all.length);
  });
});

describe('searchTopology over task definitions and capacity providers (published samples)', () => {
  const loaded = ingest([
    loadFixture('samples', 'awscli-describe-task-definition-multicontainer.json'),
    loadFixture('samples', 'botocore-describe-task-definition.json'),
    loadFixture('samples', 'awscli-describe-capacity-providers-1.json'),
  ]);

  it('finds a task definition by family:revision and by a container image', () => {
    // The two samples are hello_world:8 of two accounts: two task definitions, one hit each.
    const byName = searchTopology(loaded, 'hello_world:8');
    expect(byName.map((h) => `${h.field}:${h.value}`)).toEqual([
      'task definition:hello_world:8',
      'task definition:hello_world:8',
    ]);
    expect(new Set(byName.map((h) => h.id))).toEqual(new Set(loaded.taskDefinitions.map((td) => td.id)));
    expect(searchTopology(loaded, 'mysql').map((h) => `${h.field}:${h.value}`)).toEqual(['image:mysql', 'image:mysql']);
  });

  it('finds a capacity provider by name and by its Auto Scaling group', () => {
    expect(searchTopology(loaded, 'MyCapacity').map((h) => `${h.field}:${h.value}`)).toEqual([
      'capacity provider:MyCapacityProvider',
    ]);
    const byAsg = searchTopology(loaded, 'MyAutoScalingGroup');
    expect(byAsg.map((h) => h.field)).toEqual(['Auto Scaling group']);
    expect(byAsg[0].id).toBe(loaded.capacityProviders.find((c) => c.name === 'MyCapacityProvider')?.id);
  });

  it('lists them after the drawn objects, so Enter walks the diagram first', () => {
    const t = sample();
    t.taskDefinitions = loaded.taskDefinitions;
    t.tasks[0].containers[0].image = 'wordpress:6';
    const found = searchTopology(t, 'wordpress');
    expect(found.map((h) => h.field)).toEqual(['image', 'image', 'image']);
    expect(found[0].id).toBe(t.tasks[0].containers[0].id);
    expect(found.slice(1).every((h) => h.id.startsWith('taskDefinition'))).toBe(true);
  });

  it('leaves out task definitions only referenced, which have nothing to show', () => {
    const t = sample();
    t.taskDefinitions = loaded.taskDefinitions.map((td) => ({ ...td, placeholder: true }));
    expect(searchTopology(t, 'hello_world')).toEqual([]);
  });
});

describe('drawnIdsOf: what the canvas lights for hits with no box of their own', () => {
  const t = ingest([
    {
      name: 'account.json',
      text: JSON.stringify(generateAccount({ seed: 5, clusters: 2, services: 8, tasksPerService: [1, 3] })),
    },
  ]);

  it('a task definition: the services and tasks that run it', () => {
    const td = t.taskDefinitions.find((d) => t.services.some((s) => s.taskDefinitionId === d.id))!;
    const expected = [
      ...t.services.filter((s) => s.taskDefinitionId === td.id).map((s) => s.id),
      ...t.tasks.filter((x) => x.taskDefinitionId === td.id).map((x) => x.id),
    ];
    expect(expected.length).toBeGreaterThan(1);
    expect([...drawnIdsOf(t, [{ id: td.id }])].sort()).toEqual(expected.sort());
  });

  it('a capacity provider: the tasks placed by it and the services whose strategy names it', () => {
    const cp = t.capacityProviders.find((c) => t.tasks.some((x) => x.capacityProviderId === c.id))!;
    const ids = new Set(drawnIdsOf(t, [{ id: cp.id }]));
    for (const x of t.tasks) expect(ids.has(x.id)).toBe(x.capacityProviderId === cp.id);
    for (const s of t.services)
      if (s.capacityProviderStrategy.some((i) => i.capacityProvider === cp.name)) expect(ids.has(s.id)).toBe(true);
  });

  it('anything drawn: itself; several hits: all they light, in order', () => {
    const td = t.taskDefinitions.find((d) => t.services.some((s) => s.taskDefinitionId === d.id))!;
    expect(drawnIdsOf(t, [{ id: t.clusters[0].id }, { id: td.id }, { id: t.tasks[1].id }])).toEqual([
      t.clusters[0].id,
      ...drawnIdsOf(t, [{ id: td.id }]),
      t.tasks[1].id,
    ]);
    expect(drawnIdsOf(t, [{ id: t.services[0].id }])).toEqual([t.services[0].id]);
    expect(drawnIdsOf(t, [{ id: t.tasks[0].id }])).toEqual([t.tasks[0].id]);
  });
});

describe('searchTopology: the last search of a load is kept', () => {
  const account = ingest([{ name: 'account.json', text: JSON.stringify(generateAccountOfSize(600)) }]);

  it('answers the same query of the same load with the same hits, without searching again', () => {
    const load = { ...account };
    const first = searchTopology(load, ' Gate ');
    expect(first.length).toBeGreaterThan(0);
    expect(searchTopology(load, 'gate')).toBe(first);
    // Another query, view or load is searched afresh, and gives what a load never searched gives.
    const placement = searchTopology(load, 'gate', 'placement');
    expect(placement).not.toBe(first);
    expect(placement).toEqual(searchTopology({ ...account }, 'gate', 'placement'));
    expect(searchTopology(load, 'gat')).toEqual(searchTopology({ ...account }, 'gat'));
    expect(searchTopology({ ...account }, 'gate')).not.toBe(first);
    expect(searchTopology({ ...account }, 'gate')).toEqual(first);
  });
});

describe('searchWarmUp: the indexes Find builds on its first keystroke, built ahead in idle time', () => {
  const account = ingest([{ name: 'account.json', text: JSON.stringify(generateAccountOfSize(1500)) }]);
  const ids = account.tasks.flatMap((t) => [t.id, ...t.containers.map((c) => c.id)]);

  it('leaves what Find finds and what it lights unchanged (against a load never warmed)', () => {
    const warm = { ...account };
    const steps = searchWarmUp(warm);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    for (const step of steps) step();
    const cold = () => ({ ...account });
    for (const query of ['o', 'web', 'i-0', account.tasks[3].shortId])
      expect(searchTopology(warm, query, 'hierarchy')).toEqual(searchTopology(cold(), query, 'hierarchy'));
    for (const id of ids) expect(ancestorIds(warm, id, 'hierarchy')).toEqual(ancestorIds(cold(), id, 'hierarchy'));
  });

  it('keeps the holders of each view apart: the placement view holds a task by its host, not its service', () => {
    const ec2 = account.tasks.find((t) => t.containerInstanceId)!;
    const load = { ...account };
    const hierarchy = ancestorIds(load, ec2.id, 'hierarchy');
    const placement = ancestorIds(load, ec2.id, 'placement');
    expect(hierarchy).toContain(ec2.serviceId);
    expect(placement).not.toEqual(hierarchy);
    expect(placement.some((id) => id.includes(ec2.containerInstanceId!) || id === ec2.containerInstanceId)).toBe(true);
    // Asked again, each view gives its own chain.
    expect(ancestorIds(load, ec2.id, 'hierarchy')).toEqual(hierarchy);
    expect(ancestorIds(load, ec2.id, 'placement')).toEqual(placement);
  });
});
