import { describe, expect, it } from 'vitest';
import { INSTANCE_TYPES } from '../pricing/instance-types';
import { computeCost, followStrategy } from './compute-cost';
import {
  host,
  hostArn,
  load,
  m5LargeExample,
  service,
  task,
  taskDefinition,
  testPrices,
} from './testing/cost-fixtures';

const types = INSTANCE_TYPES.types;

describe('computeCost: hand-computed expectations', () => {
  it('prices a Fargate 0.25 vCPU / 0.5 GB x86 task', () => {
    const topo = load({
      clusters: ['web'],
      services: [service('web', 'api', 'api', { launchType: 'FARGATE' })],
      taskDefinitions: [
        taskDefinition('api', {
          cpu: '256',
          memory: '512',
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
        }),
      ],
      tasks: [task('web', 't1', 'api', 'api', { launchType: 'FARGATE', cpu: '256', memory: '512' })],
    });
    const r = computeCost(topo, { prices: testPrices(), instanceTypes: types });
    // (0.25 vCPU × $0.04048 + 0.5 GB × $0.004445) × 730 h = ($0.01012 + $0.0022225) × 730 = $9.010025
    expect(r.services[0].nowMonthly).toBeCloseTo(9.010025, 6);
    // Already a valid Fargate size: the what-if on Fargate is the same.
    expect(r.services[0].fargateMonthly).toBeCloseTo(9.010025, 6);
    // On Spot: (0.25 × $0.012144 + 0.5 × $0.0013335) × 730 = $2.7030075
    expect(r.services[0].fargateSpotMonthly).toBeCloseTo(2.7030075, 5);
    expect(r.totals.nowMonthly).toBeCloseTo(9.010025, 6);
  });

  it('prices a Fargate Spot task at Spot rates', () => {
    const topo = load({
      clusters: ['web'],
      services: [
        service('web', 'worker', 'worker', {
          capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }],
        }),
      ],
      taskDefinitions: [taskDefinition('worker', { cpu: '512', memory: '1024', networkMode: 'awsvpc' })],
      tasks: [
        task('web', 't1', 'worker', 'worker', {
          launchType: 'FARGATE',
          capacityProviderName: 'FARGATE_SPOT',
          cpu: '512',
          memory: '1024',
        }),
      ],
    });
    const r = computeCost(topo, { prices: testPrices(), instanceTypes: types });
    const row = r.services[0];
    // (0.5 vCPU × $0.012144 + 1 GB × $0.0013335) × 730 = ($0.006072 + $0.0013335) × 730 = $0.0074055 × 730 = $5.406015
    expect(row.nowMonthly).toBeCloseTo(5.406015, 5);
    expect(row.launchType).toBe('FARGATE_SPOT');
    // Its strategy is all Spot, so following it costs the Spot figure.
    expect(row.fargateSpotStrategyMonthly).toBeCloseTo(5.406015, 5);
    // On demand it would be (0.5 × $0.04048 + 1 × $0.004445) × 730 = $0.024685 × 730 = $18.02005
    expect(row.fargateMonthly).toBeCloseTo(18.02005, 5);
  });

  it('prices an arm64 task at the arm64 rates', () => {
    const topo = load({
      clusters: ['web'],
      services: [service('web', 'arm', 'arm', { launchType: 'FARGATE' })],
      taskDefinitions: [
        taskDefinition('arm', {
          cpu: '1024',
          memory: '2048',
          networkMode: 'awsvpc',
          runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
        }),
      ],
      tasks: [task('web', 't1', 'arm', 'arm', { launchType: 'FARGATE', cpu: '1024', memory: '2048' })],
    });
    const r = computeCost(topo, { prices: testPrices(), instanceTypes: types });
    // (1 vCPU × $0.03238 + 2 GB × $0.00356) × 730 = $0.0395 × 730 = $28.835
    expect(r.services[0].nowMonthly).toBeCloseTo(28.835, 6);
    expect(r.services[0].gravitonMonthly).toBeCloseTo(28.835, 6);
  });

  it('splits an m5.large host by the split cost allocation rule and rounds 0.25 vCPU / 768 MiB up to 1 GB on Fargate', () => {
    // m5.large: 2 vCPU, 8 GiB, at a TEST price of $0.10/h (not the table's $0.096).
    // unit = $0.10 / (1 × 8 GiB + 9 × 2 vCPU) = $0.10/26 per hour.
    // a 0.5 vCPU / 1 GiB task: (9 × 0.5 + 1 × 1) × unit = 5.5 × $0.10/26 = $0.0211538/h × 730 = $15.44/month
    // a 0.25 vCPU / 0.75 GiB task: (9 × 0.25 + 0.75) × unit = 3 × $0.10/26 = $0.0115385/h × 730 = $8.42/month
    // host = $0.10 × 730 = $73.00; idle = $73.00 − ($15.44 + $15.44 + $8.42) = $33.69
    const topo = m5LargeExample();
    const r = computeCost(topo, { prices: testPrices({ 'm5.large': 0.1 }), instanceTypes: types });
    const big = r.services.find((s) => s.service === 'big')!;
    const small = r.services.find((s) => s.service === 'small')!;
    expect(big.nowMonthly! / 2).toBeCloseTo(15.44, 2);
    expect(small.nowMonthly).toBeCloseTo(8.42, 2);
    expect(r.hosts).toHaveLength(1);
    expect(r.hosts[0].monthly).toBeCloseTo(73.0, 6);
    expect(r.hosts[0].idleMonthly).toBeCloseTo(33.69, 2);
    // Exactly: tasks + idle = host, to the micro-dollar.
    expect(Math.round((big.nowMonthly! + small.nowMonthly! + r.hosts[0].idleMonthly!) * 1e6)).toBe(73_000_000);
    expect(r.totals.nowMonthly).toBeCloseTo(73.0, 6);
    // The idle goes to the services pro rata to their task cost on the host: big has 11/14 of $33.69.
    expect(big.idleAllocatedMonthly).toBeCloseTo((33.69 * 11) / 14, 1);
    // On Fargate the 0.25 vCPU / 768 MiB task rounds up to 0.25 vCPU / 1 GB:
    // (0.25 × $0.04048 + 1 × $0.004445) × 730 = $0.014565 × 730 = $10.63245
    expect(small.fargateMonthly).toBeCloseTo(10.63245, 5);
    // small: now $8.42 + its idle share $33.69 × 3/14 = $7.22 → $15.64 on EC2, against $10.63 on Fargate.
    expect(small.verdict).toBe(
      'Fargate would save $5.01/month: hosts are 54% packed; on Fargate 1 task rounds up from 0.25 vCPU/0.75 GB to 0.25 vCPU/1 GB.',
    );
    // big: now $30.8846 + $33.6923 × 11/14 = $26.4725 → $57.3571 on EC2, against 2 × (0.5 × $0.04048 + 1 × $0.004445) × 730
    // = $36.0401 on Fargate: $21.317 less.
    expect(big.fargateMonthly).toBeCloseTo(36.0401, 4);
    expect(big.verdict).toBe('Fargate would save $21.32/month: hosts are 54% packed.');
    // Bridge mode is a change needed, not a blocker.
    expect(small.blockers).toEqual([]);
    expect(small.changesNeeded.map((c) => c.code)).toContain('network-mode');
    expect(r.hosts[0].idleShare).toBeCloseTo(33.69 / 73, 3);
  });

  it('blocks a privileged bridge-mode service, citing the field, and still gives its what-if figures', () => {
    const topo = load({
      clusters: ['ec2'],
      services: [service('ec2', 'agent', 'agent', { launchType: 'EC2' })],
      taskDefinitions: [
        taskDefinition('agent', {
          networkMode: 'bridge',
          containerDefinitions: [{ name: 'agent', image: 'x/agent:1', cpu: 256, memory: 512, privileged: true }],
        }),
      ],
      containerInstances: [host('ec2', 'h1', 'm5.large', 'i-0aaa')],
      tasks: [task('ec2', 'a', 'agent', 'agent', { launchType: 'EC2', containerInstanceArn: hostArn('ec2', 'h1') })],
    });
    const row = computeCost(topo, { prices: testPrices(), instanceTypes: types }).services[0];
    expect(row.blockers).toContainEqual({
      code: 'privileged',
      path: 'taskDefinition.containerDefinitions[0].privileged',
      message: expect.stringContaining('privileged') as unknown as string,
    });
    expect(row.changesNeeded.map((c) => c.code)).toEqual(expect.arrayContaining(['network-mode', 'task-size']));
    // 0.25 vCPU / 0.5 GB (from the container) is a valid size: (0.25 × $0.04048 + 0.5 × $0.004445) × 730 = $9.010025
    expect(row.fargateMonthly).toBeCloseTo(9.010025, 6);
    expect(row.verdict).toMatch(/EC2 saves|cannot move: privileged/);
  });

  it('reports a missing price instead of guessing, and leaves the amounts null', () => {
    const topo = load({
      clusters: ['ec2'],
      services: [service('ec2', 'api', 'api', { launchType: 'EC2' })],
      taskDefinitions: [taskDefinition('api', { cpu: '512', memory: '1024', networkMode: 'awsvpc' })],
      containerInstances: [host('ec2', 'h1', 'm7g.large', 'i-0bbb')],
      tasks: [task('ec2', 'a', 'api', 'api', { launchType: 'EC2', containerInstanceArn: hostArn('ec2', 'h1') })],
    });
    const r = computeCost(topo, { prices: testPrices({ 'm5.large': 0.1 }), instanceTypes: types });
    expect(r.missingPrices).toContainEqual({ region: 'us-east-1', item: 'm7g.large' });
    expect(r.diagnostics.map((d) => d.message)).toContain('no price for m7g.large in us-east-1 — add it with --prices');
    expect(r.services[0].nowMonthly).toBeNull();
    expect(r.hosts[0].monthly).toBeNull();
    expect(r.totals.nowMonthly).toBeNull();
  });

  it('a region without prices is missing, never another region’s figures', () => {
    const topo = load({
      clusters: ['web'],
      services: [service('web', 'api', 'api', { launchType: 'FARGATE' })],
      taskDefinitions: [taskDefinition('api', { cpu: '256', memory: '512', networkMode: 'awsvpc' })],
      tasks: [task('web', 't1', 'api', 'api', { launchType: 'FARGATE' })],
    });
    const prices = testPrices();
    prices.regions = { 'eu-west-1': prices.regions['us-east-1'] };
    const r = computeCost(topo, { prices, instanceTypes: types });
    expect(r.services[0].nowMonthly).toBeNull();
    expect(r.missingPrices).toContainEqual({ region: 'us-east-1', item: 'Fargate x86_64' });
  });

  it('packs a Fargate service onto the cheapest EC2 type of its architecture and says EC2 would save', () => {
    // 8 tasks of 1 vCPU / 2 GB on Fargate: (1 × $0.04048 + 2 × $0.004445) × 730 = $0.04937 × 730 = $36.0401 each, $288.3208 in all.
    // m5.large at $0.10/h (2 vCPU, 8 GiB × 0.95 usable, 3 ENIs − 1 primary = 2 awsvpc tasks): 2 per host → 4 hosts = $292.
    // m5.xlarge at $0.15/h (4 vCPU, 4 − 1 = 3 ENIs): 3 per host → 3 hosts = 3 × $109.50 = $328.50.
    // c5.2xlarge at $0.30/h (8 vCPU, 16 GiB × 0.95 = 15,564 MiB, 3 ENIs): 3 per host → 3 hosts = $657.
    const tasks = Array.from({ length: 8 }, (_, i) => task('web', `t${i}`, 'api', 'api', { launchType: 'FARGATE' }));
    const topo = load({
      clusters: ['web'],
      services: [service('web', 'api', 'api', { launchType: 'FARGATE', runningCount: 8 })],
      taskDefinitions: [taskDefinition('api', { cpu: '1024', memory: '2048', networkMode: 'awsvpc' })],
      tasks,
    });
    const r = computeCost(topo, {
      prices: testPrices({ 'm5.large': 0.1, 'm5.xlarge': 0.15, 'c5.2xlarge': 0.3 }),
      instanceTypes: types,
    });
    const row = r.services[0];
    expect(row.nowMonthly).toBeCloseTo(288.3208, 5);
    expect(row.ec2InstanceType).toBe('m5.large');
    expect(row.ec2Instances).toBe(4);
    expect(row.ec2Monthly).toBeCloseTo(292, 6);
    expect(row.verdict).toBe('Fargate saves $3.68/month here over 4× m5.large packed.');
  });

  it('follows a capacity provider strategy: base first, then the weights', () => {
    // FARGATE base 1 weight 1, FARGATE_SPOT weight 3, five tasks: 1 on the base, the other 4 split 1:3, so
    // 2 tasks on demand and 3 on Spot: 2 × $10 + 3 × $3 = $29 (in micro-dollars here).
    const strategy = [
      { capacityProvider: 'FARGATE', base: 1, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 3 },
    ];
    expect(followStrategy(strategy, [10, 10, 10, 10, 10], [3, 3, 3, 3, 3])).toBe(29);
    // No strategy: all on demand.
    expect(followStrategy([], [10, 10], [3, 3])).toBe(20);
    // A missing Spot price on a task that goes to Spot makes the figure missing, not a guess.
    expect(followStrategy(strategy, [10, 10], [3, null])).toBeNull();
  });

  it('prices a Windows task with its OS license fee', () => {
    const topo = load({
      clusters: ['win'],
      services: [service('win', 'iis', 'iis', { launchType: 'FARGATE' })],
      taskDefinitions: [
        taskDefinition('iis', {
          cpu: '1024',
          memory: '2048',
          networkMode: 'awsvpc',
          runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' },
        }),
      ],
      tasks: [task('win', 't1', 'iis', 'iis', { launchType: 'FARGATE', cpu: '1024', memory: '2048' })],
    });
    const row = computeCost(topo, { prices: testPrices(), instanceTypes: types }).services[0];
    // (1 vCPU × ($0.09148 + $0.046 OS fee) + 2 GB × $0.01005) × 730 = $0.15758 × 730 = $115.0334
    expect(row.nowMonthly).toBeCloseTo(115.0334, 4);
    // Fargate Spot runs Linux only, and a Windows EC2 host is a missing price: neither is guessed.
    expect(row.fargateSpotMonthly).toBeNull();
    expect(row.ec2Monthly).toBeNull();
  });
});
