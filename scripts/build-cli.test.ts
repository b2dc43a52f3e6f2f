import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

describe('the installed command-line tool (dist/cli/cli.js, package.json "bin")', () => {
  let out: string;
  beforeAll(async () => {
    // Inside the checkout (two levels below it, as dist/cli is), so the bundle finds its installed
    // dependencies (resvg, the AWS SDK) and the bundled fonts as an installed copy would.
    mkdirSync(join(ROOT, '.test-output'), { recursive: true });
    out = mkdtempSync(join(ROOT, '.test-output/cli-build-'));
    await run(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--out', out], { cwd: ROOT });
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is what package.json names as the ecs-visualizer binary, executable, with a node shebang', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin['ecs-visualizer']).toBe('dist/cli/cli.js');
    const built = join(out, 'cli/cli.js');
    expect(readFileSync(built, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(built).mode & 0o111).not.toBe(0);
  });

  it('runs under plain Node: inspect prints the summary, export writes a PNG with the bundled fonts', async () => {
    const cli = join(out, 'cli/cli.js');
    const inspect = await run(process.execPath, [cli, 'inspect', 'fixtures/samples', '--json'], { cwd: ROOT });
    expect(JSON.parse(inspect.stdout).counts.tasks).toBe(4);
    const png = join(out, 'prod.png');
    const exported = await run(process.execPath, [cli, 'export', 'fixtures/ingest/prod', '-o', png], { cwd: ROOT });
    expect(exported.stdout).toMatch(/^Wrote .*prod\.png \(\d+×\d+ px/);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);
});
