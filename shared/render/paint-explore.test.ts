// @vitest-environment jsdom
/** The export draws what the explore cards show: target groups and namespaces beside services, account cards above clusters, a stopped task's code and reason. */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build-graph';
import { DEFAULT_VIEW } from '../graph/view';
import { layoutGraph } from '../layout/layout';
import { emptyTopology, makeCluster, makeService, makeTask } from '../graph/testing/make-topology';
import { renderSvg } from './index';

const { DOMParser } = globalThis as unknown as {
  DOMParser: new () => {
    parseFromString(
      text: string,
      type: string,
    ): {
      querySelectorAll(s: string): ArrayLike<{
        textContent: string | null;
        getAttribute(n: string): string | null;
        querySelectorAll(s: string): ArrayLike<unknown>;
      }>;
    };
  };
};

function svgOf() {
  const prod = makeCluster('prod');
  const edge = makeCluster('edge', {
    id: 'cluster|us-east-1|444455556666|edge',
    region: 'us-east-1',
    accountId: '444455556666',
  });
  const web = makeService(prod, 'web', {
    loadBalancers: [{ targetGroupId: 'tg|web', containerName: 'nginx', containerPort: 8080 }],
    serviceConnect: {
      enabled: true,
      namespace: 'arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-abc',
      endpoints: [{ discoveryName: 'web', clientAliases: [{ port: 80, dnsName: 'web.shop' }] }],
    },
  });
  const api = makeService(prod, 'api', {
    serviceConnect: {
      enabled: true,
      namespace: 'arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-abc',
      endpoints: [],
    },
  });
  const t = emptyTopology();
  t.clusters = [prod, edge];
  t.services = [web, api];
  t.targetGroups = [
    {
      id: 'tg|web',
      kind: 'targetGroup',
      name: 'web-tg',
      placeholder: false,
      sources: ['tg.json'],
      protocol: 'HTTP',
      port: 80,
      targetType: 'ip',
      healthCheckPath: '/healthz',
      loadBalancerArns: ['lb'],
    },
  ];
  t.tasks = [
    makeTask('gone1', {
      cluster: prod,
      service: web,
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'Essential container in task exited',
    }),
  ];
  const svg = renderSvg(layoutGraph(buildGraph(t, DEFAULT_VIEW), 'LR')).svg;
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return { doc, texts: [...Array.from(doc.querySelectorAll('text'))].map((n) => n.textContent ?? '') };
}

describe('export of explore nodes', () => {
  const { doc, texts } = svgOf();
  const kinds = Array.from(doc.querySelectorAll('g[data-kind]')).map((g) => g.getAttribute('data-kind'));

  it('draws a target group with its listener, container name and port, and health check', () => {
    expect(kinds).toContain('targetGroup');
    expect(texts).toContain('web-tg');
    expect(texts).toContain('HTTP:80');
    expect(texts).toContain('→ nginx:8080');
    expect(texts).toContain('ip targets · health /healthz');
  });

  it('draws a Service Connect namespace with its name, ns- id and published names, and dashed links from both services', () => {
    expect(kinds).toContain('namespace');
    expect(texts).toEqual(
      expect.arrayContaining(['SERVICE CONNECT', 'shop', 'ns-abc', 'web.shop:80', '2 services · 1 client only']),
    );
    const dashed = Array.from(doc.querySelectorAll('g.discovery-edges'));
    expect(dashed).toHaveLength(1);
    expect(dashed[0].getAttribute('stroke-dasharray')).toBeTruthy();
    expect(dashed[0].querySelectorAll('path')).toHaveLength(2);
    // The legend names both kinds of card beside the services, and the dashed link.
    expect(texts).toEqual(
      expect.arrayContaining(['Target group · 1', 'Service Connect namespace · 1', 'Discovered through']),
    );
  });

  it('draws one account card per account and region', () => {
    // The account id and, on its own line, the whole region (accountCardText).
    expect(texts).toContain('111122223333');
    expect(texts).toContain('eu-west-1');
    expect(texts).toContain('444455556666');
    expect(texts).toContain('us-east-1');
  });

  it('writes a stopped task’s stopCode and stoppedReason on its card', () => {
    expect(texts.some((t) => t.includes('STOPPED') && t.includes('TaskFailedToStart'))).toBe(true);
    expect(texts).toContain('Essential container in task exited');
  });
});
