import { describe, expect, it } from 'vitest';
import { emptyTopology, makeCluster, makeService } from '../../shared/graph/testing/make-topology';
import { HEAD_LISTS, stripRaw } from './strip-raw';
import { PART_LISTS } from './ingest-worker-protocol';

describe('stripRaw', () => {
  it('takes every raw JSON out of the topology and returns it by object id', () => {
    const cluster = makeCluster('prod');
    const service = makeService(cluster, 'web');
    const topology = { ...emptyTopology(), clusters: [cluster], services: [service] };
    const byId = stripRaw(topology);
    expect(byId.get(cluster.id)).toEqual({ clusterName: 'prod' });
    expect(byId.get(service.id)).toEqual({ serviceName: 'web' });
    // What crosses to the page carries no raw JSON: the details panel asks the worker for it.
    expect(topology.clusters[0].raw).toBeUndefined();
    expect(topology.services[0].raw).toBeUndefined();
    expect(structuredClone(topology).services[0].raw).toBeUndefined();
  });

  it('strips only the lists asked for: first the head of a big load, then its parts', () => {
    const cluster = makeCluster('prod');
    const service = makeService(cluster, 'web');
    const topology = { ...emptyTopology(), clusters: [cluster], services: [service] };
    expect(HEAD_LISTS).toContain('clusters');
    expect(HEAD_LISTS).not.toContain('services');
    const head = stripRaw(topology, HEAD_LISTS);
    expect([...head.keys()]).toEqual([cluster.id]);
    expect(topology.services[0].raw).toEqual({ serviceName: 'web' });
    const parts = stripRaw(topology, PART_LISTS);
    expect([...parts.keys()]).toEqual([service.id]);
    expect(topology.services[0].raw).toBeUndefined();
  });
});
