/**
 * Helpers of the web e2e: what `npm run cli -- inspect --json` says about a
 * set of files (the reference the diagram is checked against), and fixture
 * paths.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The `inspect --json` object (the fields the e2e compares). */
export interface InspectJson {
  counts: { clusters: number; services: number; tasks: number; containers: number };
  tasksByLaunchType: Record<string, number>;
  tasksOnFargateSpot: number;
  placeholders: number;
  diagnostics: { severity: string; code: string; file?: string; line?: number; column?: number; objectId?: string }[];
}

/** Runs the real CLI on `paths` (exit 1 is expected when an input has an error; stdout still holds the summary). */
export function inspect(...paths: string[]): InspectJson {
  const r = spawnSync('npm', ['run', '-s', 'cli', '--', 'inspect', ...paths, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`inspect failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as InspectJson;
}

/** Absolute paths of the `*.json` files of a fixtures folder. */
export function jsonFiles(folder: string): string[] {
  const dir = path.join(ROOT, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}
