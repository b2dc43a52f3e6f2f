import { describe, expect, it } from 'vitest';
import { ingest, summarize } from './index';
import { checkFileSize, MAX_FILE_BYTES } from './limits';
import { jsonSource, loadFixture } from '../../fixtures/load-fixtures';

const good = loadFixture('samples', 'awscli-describe-tasks-2-fargate.json');

describe('bad input: a diagnostic of the right severity, and nothing else is lost', () => {
  it('invalid JSON: error with file, 1-based line and column; the other file still loads', () => {
    const broken = { name: 'broken.json', text: '{\n  "tasks": [\n    {"taskArn": "x",}\n  ]\n}\n' };
    const t = ingest([broken, good]);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'json-syntax', file: 'broken.json', line: 3, column: 21 }),
    );
    expect(summarize(t).counts.tasks).toBe(2);
  });

  it('truncated JSON (a file cut off mid-write) points at the end', () => {
    const t = ingest([{ name: 'cut.json', text: '{"clusters": [{"clusterArn": "arn:aws:ecs:us-east-1:1:cluster/a"' }]);
    expect(t.diagnostics[0]).toMatchObject({ severity: 'error', code: 'json-syntax', line: 1 });
    expect(t.diagnostics[0].column).toBeGreaterThan(60);
  });

  it('valid JSON of unknown shape: error naming the top-level keys found', () => {
    const t = ingest([jsonSource('vpcs.json', { Vpcs: [], NextToken: null })]);
    expect(t.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unknown-shape',
        file: 'vpcs.json',
        message: 'not an ECS describe output: top-level keys "Vpcs", "NextToken"',
      }),
    ]);
  });

  it.each([
    ['a number', '42'],
    ['null', 'null'],
    ['a string', '"tasks"'],
  ])('valid JSON that is %s: error, not a crash', (_what, text) => {
    const t = ingest([{ name: 'odd.json', text }]);
    expect(t.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'unknown-shape', file: 'odd.json' }),
    ]);
  });

  it('a field of the wrong type: warning with its JSON path and position; the field is dropped, the object kept', () => {
    const doc = JSON.parse(good.text);
    doc.tasks[1].cpu = { units: 256 };
    doc.tasks[1].containers[0].name = 7;
    doc.tasks[0].containers = 'none';
    const text = JSON.stringify(doc, null, 2);
    const t = ingest([{ name: 'typed.json', text }]);
    const warnings = t.diagnostics.filter((d) => d.code === 'wrong-type');
    expect(warnings.map((w) => w.path).sort()).toEqual([
      '$.tasks[0].containers',
      '$.tasks[1].containers[0].name',
      '$.tasks[1].cpu',
    ]);
    for (const w of warnings) {
      expect(w.severity).toBe('warning');
      expect(w.line).toBeGreaterThan(1);
      const lineText = text.split('\n')[w.line! - 1];
      expect(lineText).toContain(
        `"${String(
          w
            .path!.split('.')
            .pop()!
            .replace(/\[\d+\]$/, ''),
        )}"`,
      );
    }
    expect(summarize(t).counts.tasks).toBe(2);
    const second = t.tasks.find((x) => x.shortId === 'd789e94343414c25b9f6bd59eEXAMPLE')!;
    expect(second.cpu).toBeUndefined();
    expect(second.memory).toBe('512');
    expect(second.containers[0].image).toBe('nginx');
  });

  it('Service Connect and Cloud Map fields of the wrong type: warnings with their paths; the rest of the configuration is kept', () => {
    const service = {
      serviceArn: 'arn:aws:ecs:us-west-2:123456789012:service/shop/orders',
      serviceName: 'orders',
      serviceRegistries: [{ registryArn: 42, containerName: 'orders', containerPort: '8080' }],
      deployments: [
        {
          id: 'ecs-svc/1',
          status: 'PRIMARY',
          serviceConnectConfiguration: {
            enabled: 'yes',
            namespace: 'arn:aws:servicediscovery:us-west-2:123456789012:namespace/ns-abc',
            services: [
              { portName: 'http', discoveryName: 'orders', clientAliases: [{ port: '8080', dnsName: 'orders.shop' }] },
            ],
          },
          serviceConnectResources: 'none',
        },
      ],
    };
    const t = ingest([jsonSource('svc.json', { services: [service] })]);
    const warnings = t.diagnostics.filter((d) => d.code === 'wrong-type');
    expect(warnings.map((w) => w.path).sort()).toEqual([
      '$.services[0].deployments[0].serviceConnectConfiguration.enabled',
      '$.services[0].deployments[0].serviceConnectConfiguration.services[0].clientAliases[0].port',
      '$.services[0].deployments[0].serviceConnectResources',
      '$.services[0].serviceRegistries[0].containerPort',
      '$.services[0].serviceRegistries[0].registryArn',
    ]);
    expect(warnings.every((w) => w.severity === 'warning' && w.line !== undefined)).toBe(true);
    const orders = t.services[0];
    // A dropped `enabled` reads as on: the namespace is named.
    expect(orders.serviceConnect).toMatchObject({
      enabled: true,
      endpoints: [{ discoveryName: 'orders', clientAliases: [{ dnsName: 'orders.shop', port: undefined }] }],
    });
    expect(orders.serviceRegistries).toEqual([
      { containerName: 'orders', registryArn: undefined, containerPort: undefined, port: undefined },
    ]);
  });

  it('an empty file: error', () => {
    const t = ingest([{ name: 'empty.json', text: '  \n' }, good]);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'empty', file: 'empty.json' }),
    );
    expect(summarize(t).counts.tasks).toBe(2);
  });

  it('a file over 256 MiB: refused from its size, before reading', () => {
    expect(checkFileSize('small.json', 1024)).toBeNull();
    expect(checkFileSize('exact.json', MAX_FILE_BYTES)).toBeNull();
    const d = checkFileSize('huge.json', MAX_FILE_BYTES + 1)!;
    expect(d).toMatchObject({ severity: 'error', code: 'too-large', file: 'huge.json' });
    const t = ingest([good], { diagnostics: [d] });
    expect(t.diagnostics[0]).toBe(d);
    expect(summarize(t).counts.tasks).toBe(2);
  });

  it('a failures array: one warning per entry, naming the ARN and reason', () => {
    const t = ingest([
      jsonSource('f.json', {
        services: [],
        failures: [
          { arn: 'arn:aws:ecs:us-east-1:1:service/a/gone', reason: 'MISSING' },
          { arn: 'arn:aws:ecs:us-east-1:1:service/a/denied', reason: 'AccessDenied', detail: 'not authorized' },
        ],
      }),
    ]);
    const w = t.diagnostics.filter((d) => d.code === 'failure');
    expect(w).toHaveLength(2);
    expect(w.every((d) => d.severity === 'warning')).toBe(true);
    expect(w[0].message).toContain('MISSING arn:aws:ecs:us-east-1:1:service/a/gone');
    expect(w[1].message).toContain('(not authorized)');
    expect(w[1].path).toBe('$.failures[1]');
  });

  it('an object without an id is skipped with a warning; its siblings load', () => {
    const doc = JSON.parse(good.text);
    delete doc.tasks[0].taskArn;
    const t = ingest([jsonSource('noid.json', doc)]);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'missing-id', path: '$.tasks[0]' }),
    );
    expect(summarize(t).counts.tasks).toBe(1);
  });

  it('inconsistent references inside one object: warning, object kept', () => {
    const t = ingest([
      jsonSource('svc.json', {
        services: [
          {
            serviceArn: 'arn:aws:ecs:us-east-1:1:service/blue/web',
            serviceName: 'web',
            clusterArn: 'arn:aws:ecs:us-east-1:1:cluster/green',
          },
        ],
      }),
    ]);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'inconsistent-reference',
        message: expect.stringContaining('"blue"'),
      }),
    );
    expect(t.services[0].clusterId).toBe(t.clusters.find((c) => c.name === 'green')!.id);
  });
});
