/**
 * Writes fixtures/explore/account.json: the seeded synthetic account the
 * explore e2e runs on — one cluster, EC2 hosts (the first DRAINING, as the
 * generator makes it when there are more than two), Fargate and Fargate Spot
 * tasks, one service large enough to start as a stack. Deterministic.
 * Run: `npx tsx scripts/generate-explore-fixture.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { generateAccount } from '../shared/synth/generate-account';

const bundle = generateAccount({ seed: 7, clusters: 1, services: 7, tasksPerService: [2, 14], containersPerTask: [1, 2], ec2Share: 0.45, spotShare: 0.5, tasksPerHost: 3, unhealthyShare: 0.06, stoppedShare: 0.05, standalonePerCluster: 1 });
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'explore', 'account.json');
writeFileSync(out, JSON.stringify(bundle, null, 1) + '\n');
console.log(`wrote ${out}`);
