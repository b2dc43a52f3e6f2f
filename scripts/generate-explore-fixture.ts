/**
 * Writes the seeded synthetic accounts the explore e2e runs on. Deterministic.
 * Run: `npx tsx scripts/generate-explore-fixture.ts`.
 *
 * - fixtures/explore/account.json: one cluster, EC2 hosts (the first
 *   DRAINING, as the generator makes it when there are more than two),
 *   Fargate and Fargate Spot tasks, one service large enough to start as a
 *   stack.
 * - fixtures/service-connect/account.json: two clusters, each with its
 *   Service Connect namespace (servers and client-only services, as
 *   describe-services prints them: on the PRIMARY deployment, namespace ARN,
 *   serviceConnectResources) and services registered in Cloud Map
 *   (`serviceRegistries`), some behind target groups.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { generateAccount, type SynthOptions } from '../shared/synth/generate-account';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

function write(folder: string, options: SynthOptions): void {
  mkdirSync(path.join(fixtures, folder), { recursive: true });
  const out = path.join(fixtures, folder, 'account.json');
  writeFileSync(out, JSON.stringify(generateAccount(options), null, 1) + '\n');
  console.log(`wrote ${out}`);
}

write('explore', {
  seed: 7,
  clusters: 1,
  services: 7,
  tasksPerService: [2, 14],
  containersPerTask: [1, 2],
  ec2Share: 0.45,
  spotShare: 0.5,
  tasksPerHost: 3,
  unhealthyShare: 0.06,
  stoppedShare: 0.05,
  standalonePerCluster: 1,
});
write('service-connect', {
  seed: 11,
  clusters: 2,
  services: 10,
  tasksPerService: [1, 3],
  containersPerTask: [1, 2],
  standalonePerCluster: 0,
  loadBalancedShare: 0.3,
  serviceConnectShare: 0.75,
  cloudMapShare: 0.6,
});
