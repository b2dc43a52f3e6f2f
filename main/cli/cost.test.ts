import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliInProcess, cliProcess } from '../test/run-cli';
import { host, hostArn, service, task, taskDefinition } from '../../shared/cost/testing/cost-fixtures';
import { readFileSync } from 'node:fs';
import { findAll, parseSvgStrict } from '../../shared/render/testing/parse-svg';

let dir: string;
let input: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecsv-cost-'));
  input = join(dir, 'account');
  const w = (name: string, value: unknown) => writeFileSync(join(dir, name), JSON.stringify(value));
  // The m5.large example of issue #15 in describe-* form: two 0.5 vCPU / 1 GiB tasks and one 0.25 vCPU / 0.75 GiB
  // task on one m5.large host; plus a privileged bridge-mode service whose name carries an escape sequence.
  w('clusters.json', {
    clusters: [{ clusterArn: 'arn:aws:ecs:us-east-1:111122223333:cluster/ec2', clusterName: 'ec2' }],
  });
  w('services.json', {
    services: [
      service('ec2', 'big', 'big', { launchType: 'EC2', runningCount: 2 }),
      service('ec2', 'small', 'small', { launchType: 'EC2' }),
      service('ec2', 'agent\u001b[2J', 'agent', { launchType: 'EC2' }),
    ],
  });
  w('td-big.json', { taskDefinition: taskDefinition('big', { cpu: '512', memory: '1024', networkMode: 'bridge' }) });
  w('td-small.json', { taskDefinition: taskDefinition('small', { cpu: '256', memory: '768', networkMode: 'bridge' }) });
  w('td-agent.json', {
    taskDefinition: taskDefinition('agent', {
      networkMode: 'bridge',
      containerDefinitions: [
        {
          name: 'agent',
          image: 'x/agent:1',
          cpu: 0,
          memory: 0,
          privileged: true,
          environment: [{ name: 'TOKEN', value: 'hunter2-secret' }],
        },
      ],
    }),
  });
  w('hosts.json', { containerInstances: [host('ec2', 'h1', 'm5.large', 'i-0aaa')] });
  const on = { launchType: 'EC2', containerInstanceArn: hostArn('ec2', 'h1') };
  w('tasks.json', {
    tasks: [
      task('ec2', 'a', 'big', 'big', { ...on, cpu: '512', memory: '1024' }),
      task('ec2', 'b', 'big', 'big', { ...on, cpu: '512', memory: '1024' }),
      task('ec2', 'c', 'small', 'small', { ...on, cpu: '256', memory: '768' }),
      task('ec2', 'd', 'agent', 'agent\u001b[2J', { ...on, cpu: '0', memory: '0' }),
    ],
  });
  input = dir;
  // A prices file that sets m5.large to the issue's $0.10/h test price (over the bundled $0.096).
  writeFileSync(
    join(tmpdir(), 'ecsv-cost-prices.json'),
    JSON.stringify({
      format: 'ecs-visualizer-prices/v1',
      currency: 'USD',
      retrieved: '2026-01-01',
      source: 'test',
      regions: { 'us-east-1': { ec2: { 'm5.large': 0.1 } } },
    }),
  );
  writeFileSync(
    join(tmpdir(), 'ecsv-cost-eur.json'),
    '{\n  "format": "ecs-visualizer-prices/v1",\n  "currency": "EUR",\n  "retrieved": "2026-01-01",\n  "source": "x",\n  "regions": {}\n}\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ecs-visualizer cost', () => {
  it('--format json prints exactly the issue #15 shape, with the split of the m5.large host', async () => {
    const r = await cliInProcess(
      'cost',
      input,
      '--format',
      'json',
      '--prices',
      join(tmpdir(), 'ecsv-cost-prices.json'),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      'currency',
      'hoursPerMonth',
      'prices',
      'services',
      'standalone',
      'clusters',
      'hosts',
      'totals',
      'missingPrices',
      'diagnostics',
    ]);
    expect(out.currency).toBe('USD');
    expect(out.hoursPerMonth).toBe(730);
    expect(Object.keys(out.prices)).toEqual(['retrieved', 'sources']);
    expect(out.prices.sources.find((s: { region: string }) => s.region === 'us-east-1')).toMatchObject({
      source: 'test',
      retrieved: '2026-01-01',
    });
    expect(Object.keys(out.services[0])).toEqual([
      'serviceArn', 'accountId', 'region', 'cluster', 'service', 'launchType', 'tasks', 'nowMonthly', 'idleAllocatedMonthly',
      'fargateMonthly', 'fargateSpotMonthly', 'fargateSpotStrategyMonthly', 'gravitonMonthly', 'ec2Monthly', 'ec2InstanceType',
      'ec2Instances', 'blockers', 'changesNeeded', 'verdict',
    ]); // prettier-ignore
    expect(Object.keys(out.clusters[0])).toEqual([
      'clusterArn',
      'cluster',
      'nowMonthly',
      'idleMonthly',
      'fargateMonthly',
      'fargateSpotMonthly',
      'ec2Monthly',
    ]);
    expect(Object.keys(out.hosts[0])).toEqual(['instanceId', 'instanceType', 'monthly', 'idleShare', 'idleMonthly']);
    expect(Object.keys(out.totals)).toEqual(['nowMonthly', 'fargateMonthly', 'fargateSpotMonthly', 'ec2Monthly']);
    const by = (name: string) => out.services.find((s: { service: string }) => s.service.startsWith(name));
    // unit = $0.10/(8 + 9 × 2) = $0.10/26 an hour; 0.5 vCPU/1 GiB → 5.5 units = $15.44/month; 0.25/0.75 → 3 units = $8.42.
    expect(by('big').nowMonthly).toBeCloseTo(2 * 15.44, 1);
    expect(by('small').nowMonthly).toBeCloseTo(8.42, 2);
    // The agent reserves nothing: it costs $0 now; the host's idle is $73 − $39.31 = $33.69.
    expect(by('agent').nowMonthly).toBe(0);
    expect(out.hosts[0]).toMatchObject({ instanceId: 'i-0aaa', instanceType: 'm5.large' });
    expect(out.hosts[0].monthly).toBeCloseTo(73, 6);
    expect(out.hosts[0].idleMonthly).toBeCloseTo(33.69, 2);
    // The bill = Σ services + Σ idle.
    expect(out.totals.nowMonthly).toBeCloseTo(73, 6);
    expect(by('agent').blockers).toContainEqual(
      expect.objectContaining({ code: 'privileged', path: 'taskDefinition.containerDefinitions[0].privileged' }),
    );
    expect(by('agent').changesNeeded).toContainEqual(
      expect.objectContaining({ code: 'network-mode', path: 'taskDefinition.networkMode' }),
    );
    // The escape sequence is printed escaped, never raw; the environment value never appears.
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('hunter2-secret');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('with the bundled table a missing price is said on stderr and is null in the JSON; exit 0', async () => {
    // m5.large is bundled for us-east-1, Fargate Spot is not (its price floats; no dated figure was sourced).
    const r = await cliInProcess('cost', input, '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.hosts[0].monthly).toBeCloseTo(0.096 * 730, 6);
    expect(out.missingPrices).toContainEqual({ region: 'us-east-1', item: 'Fargate Spot x86_64' });
    expect(out.services[0].fargateSpotMonthly).toBeNull();
    expect(r.stderr).toContain('prices: no price for Fargate Spot x86_64 in us-east-1 — add it with --prices');
  });

  it('table, md and csv name the prices date and the no-discount caveat, one line per service', async () => {
    const table = await cliInProcess('cost', input, '--prices', join(tmpdir(), 'ecsv-cost-prices.json'));
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      'list prices of 2026-01-01, no discounts (Savings Plans, RIs, Spot history) applied',
    );
    expect(table.stdout).toMatch(/ec2 +big +EC2 +2 +\$30\.88/);
    expect(table.stdout).toContain('agent\\u001b[2J');
    const md = await cliInProcess('cost', input, '--format', 'md');
    expect(md.stdout).toContain('| Cluster | Service | Launch |');
    const csv = await cliInProcess('cost', input, '--format', 'csv');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0].startsWith('kind,accountId,region,cluster,service,launchType,tasks,nowMonthly')).toBe(true);
    expect(lines).toHaveLength(4);
  });

  it("two accounts' clusters of one name read with their account and region; a service with nothing packed reads —", async () => {
    // Published samples: `default` in 123456789012 (us-west-2) and in 012345678910 (us-east-1); ecs-simple-service
    // (012345678910) has no running task, so nothing is packed for it.
    const samples = join(import.meta.dirname, '../../fixtures/samples');
    const r = await cliInProcess(
      'cost',
      join(samples, 'awscli-describe-clusters-1.json'),
      join(samples, 'awscli-describe-services.json'),
      join(samples, 'botocore-describe-services.json'),
    );
    expect(r.stdout).toContain('default (123456789012 · us-west-2)');
    expect(r.stdout).toContain('default (012345678910 · us-east-1)');
    expect(r.stdout).not.toMatch(/^default(?! \()/m);
    expect(r.stdout).not.toContain('null');
    expect(r.stdout).toMatch(/ecs-simple-service +EC2 +0 .*— +change: network-mode/);
  });

  it('a prices file in another currency is refused with file:line:column; the load is still priced; exit 1', async () => {
    const eur = join(tmpdir(), 'ecsv-cost-eur.json');
    const r = await cliInProcess('cost', input, '--prices', eur, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${eur}:3:3: prices in EUR are refused`);
    expect(JSON.parse(r.stdout).services).toHaveLength(3);
  });

  it('export --cost draws the badges and the cost table under the legend, in well-formed SVG', async () => {
    const out = join(dir, 'lens.svg');
    const r = await cliInProcess(
      'export',
      input,
      '-o',
      out,
      '--cost',
      '--prices',
      join(tmpdir(), 'ecsv-cost-prices.json'),
    );
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    const doc = parseSvgStrict(svg);
    const texts = findAll(doc, (e) => e.name === 'text').map((e) => e.text);
    expect(texts).toContain('Launch-type lens');
    expect(texts.some((t) => t.startsWith('list prices of 2026-01-01, no discounts'))).toBe(true);
    // The cluster badge: the whole host, $0.10 × 730 = $73.00 a month; the small service: $8.42 + its idle share.
    expect(findAll(doc, (e) => e.attributes.class === 'cost-badge').length).toBeGreaterThanOrEqual(4);
    expect(texts).toContain('$73.00/mo');
    expect(svg).not.toContain('hunter2-secret');
    // Without --cost nothing of the lens is drawn.
    const plain = join(dir, 'plain.svg');
    expect((await cliInProcess('export', input, '-o', plain)).code).toBe(0);
    expect(readFileSync(plain, 'utf8')).not.toContain('cost-badge');
  });

  it('bad usage exits 2 (real process)', async () => {
    const r = await cliProcess('cost', 'fixtures/samples', '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be one of table, md, csv, json');
    expect((await cliInProcess('cost')).code).toBe(2);
  }, 30_000);
});
