import { describe, expect, it } from 'vitest';
import { searchTopology } from './search';
import { emptyTopology, makeCluster, makeContainer, makeService, makeTask } from './testing/make-topology';
import type { Topology } from '../model/types';

function sample(): Topology {
  const prod = makeCluster('prod');
  const web = makeService(prod, 'checkout-web');
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [web];
  t.containerInstances = [
    { id: 'ci|1', kind: 'containerInstance', name: 'c1', arn: 'arn:aws:ecs:eu-west-1:111122223333:container-instance/prod/c1', placeholder: false, sources: [], ec2InstanceId: 'i-0abc123', registered: {}, remaining: {} },
  ];
  const a = makeTask('9f8e7d6c', { cluster: prod, service: web, launchType: 'EC2', containerInstanceId: 'ci|1', privateIp: '10.0.1.23' });
  a.containers = [makeContainer(a.id, 'nginx', { image: 'public.ecr.aws/nginx/nginx:1.27' }), makeContainer(a.id, 'app', { image: '1234.dkr.ecr.eu-west-1.amazonaws.com/shop:41' })];
  const b = makeTask('1a2b3c4d', { cluster: prod, service: web, privateIp: '10.0.2.7' });
  t.tasks = [a, b];
  return t;
}

const hits = (q: string) => searchTopology(sample(), q).map((h) => `${h.field}:${h.value}`);

describe('searchTopology', () => {
  it('finds a service by name', () => expect(hits('checkout')).toEqual(['service:checkout-web']));
  it('finds a task by its id', () => expect(hits('9F8E')).toEqual(['task id:9f8e7d6c']));
  it('finds a task by ARN', () => expect(hits('task/prod/1a2b')).toEqual(['ARN:arn:aws:ecs:eu-west-1:111122223333:task/prod/1a2b3c4d']));
  it('finds a container by name', () => expect(hits('nginx')).toEqual(['container:nginx']));
  it('finds a container by image', () => expect(hits('dkr.ecr')).toEqual(['image:1234.dkr.ecr.eu-west-1.amazonaws.com/shop:41']));
  it('finds a task by private IP', () => expect(hits('10.0.2.7')).toEqual(['private IP:10.0.2.7']));
  it('finds every task placed on an EC2 instance by its id, and the host itself where hosts are drawn', () => {
    expect(hits('i-0abc')).toEqual(['instance id:i-0abc123']);
    expect(searchTopology(sample(), 'i-0abc', 'placement').map((h) => h.id)).toEqual(['ci|1', sample().tasks[0].id]);
  });
  it('matches nothing for an empty query, and gives each object one hit', () => {
    expect(searchTopology(sample(), '  ')).toEqual([]);
    const all = searchTopology(sample(), 'prod');
    expect(new Set(all.map((h) => h.id)).size).toBe(all.length);
  });
});
