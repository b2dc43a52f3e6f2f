import { describe, expect, it } from 'vitest';
import { emptyTopology, makeCluster, makeService } from '../../shared/graph/testing/make-topology';
import { stripRaw } from './strip-raw';

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
});
