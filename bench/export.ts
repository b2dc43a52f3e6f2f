/**
 * Export benchmark: a synthetic account of about 5,000 nodes exported to PNG
 * at 2× through the CLI code path (`runCli(['export', …])`), in the default
 * view and with --expand-all, plus an SVG for comparison. Prints the times;
 * asserts nothing (machines differ). Run: `npm run bench:export`
 * (or `npx tsx bench/export.ts [NODES]`).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../main/cli/cli';
import type { CliIo } from '../main/cli/io';
import { countBundle, generateAccountOfSize } from '../shared/synth/generate-account';

const nodes = Number(process.argv[2] ?? 5000);
const dir = mkdtempSync(path.join(tmpdir(), 'ecs-visualizer-bench-export-'));

async function exportOnce(label: string, args: string[]): Promise<void> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false };
  const out = args[args.indexOf('-o') + 1];
  const start = performance.now();
  const code = await runCli(['export', ...args], io);
  const ms = performance.now() - start;
  const bytes = statSync(out).size;
  console.log(
    `${label.padEnd(28)} ${(ms / 1000).toFixed(2).padStart(7)} s   exit ${code}   ${(bytes / 1e6).toFixed(1)} MB   ${stdout.trim()}`,
  );
  if (stderr.trim()) console.log(`${''.padEnd(28)} stderr: ${stderr.trim()}`);
}

try {
  const bundle = generateAccountOfSize(nodes);
  const input = path.join(dir, 'account.json');
  writeFileSync(input, JSON.stringify(bundle));
  const c = countBundle(bundle);
  console.log(`Synthetic account: ${JSON.stringify(c)} (${(statSync(input).size / 1e6).toFixed(1)} MB of JSON)`);
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
  await exportOnce('PNG 2×, default view', [input, '-o', path.join(dir, 'default.png'), '--scale', '2']);
  await exportOnce('PNG 2×, --expand-all', [
    input,
    '-o',
    path.join(dir, 'expanded.png'),
    '--scale',
    '2',
    '--expand-all',
  ]);
  await exportOnce('SVG, --expand-all', [input, '-o', path.join(dir, 'expanded.svg'), '--expand-all']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
