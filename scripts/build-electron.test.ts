import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../main/test/temp-files';

// The app cannot be launched where the Electron binary is missing; this at least runs the built bundles.
let out: string;
beforeAll(() => {
  out = makeTempDir('ecs-visualizer-build-');
  const build = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--skip-renderer', '--out', out], {
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
}, 120_000);
afterAll(() => removeTempDir(out));

describe('the Electron build', () => {
  it('main bundle loads as an ES module: registers app://, takes the single-instance lock, waits for ready', () => {
    const main = path.join(out, 'main', 'main.js');
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        './scripts/test/electron-stub-register.mjs',
        '--input-type=module',
        '-e',
        `await import(${JSON.stringify(main)}); console.log(JSON.stringify(globalThis.__electronStubCalls));`,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const calls = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
    expect(calls).toContain('registerSchemesAsPrivileged:app');
    expect(calls).toContain('requestSingleInstanceLock');
    expect(calls).toContain('app.on:open-file');
    expect(calls.at(-1)).toBe('whenReady');
  });

  it('preload is CommonJS that requires nothing but electron (a sandboxed preload can load nothing else)', () => {
    const preload = readFileSync(path.join(out, 'main', 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld');
  });
});
