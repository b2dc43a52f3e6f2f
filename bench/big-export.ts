/**
 * Big PNG export benchmark (issue #13 point 7): a synthetic account of about TASKS tasks exported as PNG with
 * --expand-all through the CLI code path. Over MAX_PNG_NODES nodes the export is refused before the layout;
 * this prints how long the refusal takes and the peak memory, and what the CLI said. Asserts nothing.
 * Run: `npx tsx bench/big-export.ts [TASKS ...]` (default 40000 60000).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../main/cli/cli';
import type { CliIo } from '../main/cli/io';
import { countBundle, generateAccountOfSize } from '../shared/synth/generate-account';

const sizes = process.argv.slice(2).map(Number);
const dir = mkdtempSync(path.join(tmpdir(), 'ecs-visualizer-bench-big-export-'));

try {
  for (const tasks of sizes.length > 0 ? sizes : [40_000, 60_000]) {
    // generateAccountOfSize averages 4 tasks per service and about 11 nodes per service.
    const bundle = generateAccountOfSize(Math.round((tasks / 4) * 11));
    const input = path.join(dir, `account-${tasks}.json`);
    writeFileSync(input, JSON.stringify(bundle));
    const c = countBundle(bundle);
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false };
    const rssBefore = process.memoryUsage().rss;
    const start = performance.now();
    const code = await runCli(['export', input, '-o', path.join(dir, 'out.png'), '--expand-all'], io);
    const seconds = (performance.now() - start) / 1000;
    const rss = process.memoryUsage().rss;
    console.log(
      `${c.tasks} tasks (${(statSync(input).size / 1e6).toFixed(0)} MB JSON): exit ${code} in ${seconds.toFixed(1)} s, ` +
        `RSS ${(rssBefore / 1e9).toFixed(2)} -> ${(rss / 1e9).toFixed(2)} GB`,
    );
    console.log(`  ${(stderr || stdout).trim()}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
