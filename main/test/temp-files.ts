/** Temp folders and sample files for main-process tests that touch the real disk. */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repo's sample describe-* outputs. */
export const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/samples');

/** A fresh temp folder; remove it with `removeTempDir`. */
export function makeTempDir(prefix = 'ecs-visualizer-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Removes a temp folder made by `makeTempDir`. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Copies a sample into `dir` (as `as`, default its own name) and returns the copy's path. */
export function copySample(dir: string, sample: string, as = sample): string {
  const target = path.join(dir, as);
  copyFileSync(path.join(SAMPLES, sample), target);
  return target;
}
