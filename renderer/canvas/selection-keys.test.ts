import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../shared/graph/build-graph';
import { accountGroupId } from '../../shared/graph/accounts';
import { emptyTopology, makeCluster, makeService, makeTask } from '../../shared/graph/testing/make-topology';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { layoutGraph } from '../../shared/layout/layout';
import { stepSelection } from './selection-keys';

function layout() {
  const prod = makeCluster('prod');
  const edge = makeCluster('edge', {
    id: 'cluster|us-east-1|444455556666|edge',
    region: 'us-east-1',
    accountId: '444455556666',
  });
  const web = makeService(prod, 'web');
  const t = emptyTopology();
  t.clusters = [prod, edge];
  t.services = [web];
  t.tasks = [makeTask('w1', { cluster: prod, service: web })];
  return { t, laid: layoutGraph(buildGraph(t, DEFAULT_VIEW), 'LR') };
}

describe('stepSelection', () => {
  it('goes up from a cluster to its account card, which is a card, not a frame to step through', () => {
    const { t, laid } = layout();
    const eu = accountGroupId('111122223333', 'eu-west-1');
    expect(stepSelection(laid.nodes, laid.edges, t.clusters[0].id, 'parent')).toBe(eu);
    expect(stepSelection(laid.nodes, laid.edges, eu, 'child')).toBe(t.clusters[0].id);
    expect(stepSelection(laid.nodes, laid.edges, eu, 'next')).toBe(accountGroupId('444455556666', 'us-east-1'));
  });

  it('still steps through a service’s task box to its first task', () => {
    const { t, laid } = layout();
    expect(stepSelection(laid.nodes, laid.edges, t.services[0].id, 'child')).toBe(t.tasks[0].id);
  });
});
