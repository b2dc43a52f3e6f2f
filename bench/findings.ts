/**
 * What the findings rules cost where a load is read (main, or the web build's ingest worker, before its answer
 * goes to the page): `npx tsx bench/findings.ts [TASKS...]`. For each size it prints the ingest time, the
 * findings time of the first run (what one load pays: the rules run once per load) and the median of 5, and the
 * first run as a share of the ingest, measured in one run.
 */
import { computeFindings } from '../shared/findings/engine';
import { ingest } from '../shared/ingest/index';
import { generateAccount, generateAccountOfSize } from '../shared/synth/generate-account';

const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The accounts: N tasks in services of 20-30, and (always) the 20,000-node account the browser benchmark opens.
const accounts = (sizes.length ? sizes : [2_000, 20_000]).map((tasks) => ({
  label: `${tasks} tasks`,
  bundle: generateAccount({
    services: Math.max(1, Math.round(tasks / 25)),
    clusters: 4,
    tasksPerService: [20, 30],
    containersPerTask: [2, 3],
    seed: 7,
  }),
}));
accounts.push({ label: '20,000-node account', bundle: generateAccountOfSize(20_000) });

for (const { label, bundle } of accounts) {
  const text = JSON.stringify(bundle);
  let t0 = performance.now();
  const topology = ingest([{ name: 'synthetic.json', text }]);
  const ingestMs = performance.now() - t0;
  const runs: number[] = [];
  let count = 0;
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    count = computeFindings(topology).length;
    runs.push(performance.now() - t0);
  }
  const findingsMs = median(runs);
  const coldMs = runs[0];
  console.log(
    `${label}: ${topology.tasks.length.toLocaleString('en')} tasks, ${topology.services.length} services, ${topology.containerInstances.length} hosts: ` +
      `ingest ${ingestMs.toFixed(0)} ms, findings first run ${coldMs.toFixed(0)} ms (what a load pays), median of 5 ${findingsMs.toFixed(1)} ms ` +
      `(${count} findings) = ${((100 * coldMs) / ingestMs).toFixed(1)}% of the ingest`,
  );
}
