/**
 * Benchmark of the live fetch (not a test): a generated account of 2,000
 * services and 20,000 tasks behind the fake ECS endpoint with 20 ms latency
 * and a 20 calls/s token bucket (burst 50). Prints the fetch time beside the
 * floor the rate limit sets (calls ÷ rate) and their ratio; the target is
 * within 1.3× of the floor.
 *
 *   npm run bench:fetch                 # the full account
 *   npm run bench:fetch -- --services 400 --tasks-per-service 10   # a quicker look
 */
import { parseArgs } from 'node:util';
import { generateAccount } from '../shared/synth/generate-account';
import { fetchAccount } from '../main/aws/fetch';
import { startFakeEcs } from '../main/aws/testing/fake-ecs-server';
import { minimumCalls } from '../main/aws/testing/minimum-calls';

const { values } = parseArgs({
  options: {
    services: { type: 'string', default: '2000' },
    'tasks-per-service': { type: 'string', default: '10' },
    clusters: { type: 'string', default: '8' },
    rate: { type: 'string', default: '20' },
    burst: { type: 'string', default: '50' },
    latency: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '10' },
  },
});
const services = Number(values.services);
const perService = Number(values['tasks-per-service']);
const rate = Number(values.rate);

// Every task RUNNING and no standalone tasks, so the account has exactly services × tasks-per-service tasks.
const account = generateAccount({
  seed: 2026,
  services,
  clusters: Number(values.clusters),
  tasksPerService: [perService, perService],
  stoppedShare: 0,
  standalonePerCluster: 0,
});
const minimum = minimumCalls(account, false);
const calls = Object.values(minimum).reduce((a, b) => a + b, 0);
const server = await startFakeEcs({
  account,
  latencyMs: Number(values.latency),
  throttle: { ratePerSecond: rate, burst: Number(values.burst) },
});

const started = performance.now();
const result = await fetchAccount({
  regions: ['eu-west-1'],
  endpointUrl: server.url,
  credentials: { accessKeyId: 'AKIABENCHMARK0000000', secretAccessKey: 'benchmark-secret' },
  concurrency: Number(values.concurrency),
});
const seconds = (performance.now() - started) / 1000;
await server.close();

const floor = calls / rate;
const throttled = Object.values(server.throttled).reduce((a, b) => a + b, 0);
process.stdout.write(
  [
    `account        ${services} services, ${account.tasks?.length ?? 0} tasks, ${account.clusters?.length ?? 0} clusters, ${account.taskDefinitions?.length ?? 0} task definitions`,
    `endpoint       ${values.latency} ms latency, ${rate} calls/s sustained, burst ${values.burst}; concurrency ${values.concurrency}`,
    `outcome        ${result.outcome}${result.warnings.length ? ` (${result.warnings.length} warnings)` : ''}`,
    `calls          ${server.totalCalls() - throttled} answered (minimum ${calls}), ${throttled} throttled and retried`,
    // One retry layer (the SDK's): its count of extra attempts should equal the throttled answers.
    `retries        ${result.stats.retries} counted by the fetch`,
    `fetch time     ${seconds.toFixed(1)} s`,
    `floor          ${floor.toFixed(1)} s (calls ÷ rate)`,
    `ratio          ${(seconds / floor).toFixed(2)}× (target ≤ 1.30×)`,
  ].join('\n') + '\n',
);
