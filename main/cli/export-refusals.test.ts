/**
 * Issue #13 points 7 and 8 (export): a path that cannot be written is one line, said before any work and leaving
 * nothing behind; a PNG too big to draw in a minute is refused up front with its size and what to do instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateAccountOfSize } from '../../shared/synth/generate-account';
import { MAX_PNG_NODES } from '../export/png';
import { cliInProcess, cliProcess } from '../test/run-cli';
import { makeTempDir, removeTempDir } from '../test/temp-files';

const ROOT = join(__dirname, '..', '..');

let dir: string;
beforeAll(() => {
  dir = makeTempDir('ecs-visualizer-export-refusals-');
});
afterAll(() => removeTempDir(dir));

const PROD = 'fixtures/ingest/prod';

describe('export: output path checked before the work, one line, nothing left behind', () => {
  it('-o file.json/x.svg (ENOTDIR): exit 2 (like fetch), one line, no stack trace, inputs not even read', async () => {
    const file = join(dir, 'file.json');
    writeFileSync(file, '{}');
    // The input does not exist: had it been read first, its error would be printed too.
    const r = await cliProcess('export', join(dir, 'missing-input.json'), '-o', join(file, 'x.svg'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `ecs-visualizer export: cannot write ${join(file, 'x.svg')}: a part of ${file} is a file, not a folder; nothing was done\n`,
    );
    expect(r.stdout).toBe('');
  }, 30_000);

  it.each([
    ['a missing folder', () => join(dir, 'nope', 'x.png'), () => `folder ${join(dir, 'nope')} does not exist`],
    [
      'an existing folder',
      () => {
        mkdirSync(join(dir, 'folder.svg'), { recursive: true });
        return join(dir, 'folder.svg');
      },
      () => 'it is a folder',
    ],
  ])('-o %s: exit 2 with the reason, before reading', async (_what, target, reason) => {
    const out = target();
    const r = await cliInProcess('export', PROD, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ecs-visualizer export: cannot write ${out}: ${reason()}; nothing was done\n`);
  });

  it('Ctrl-C during a long export: no temp or partial file left', async () => {
    const work = join(dir, 'interrupted');
    mkdirSync(work);
    const input = join(dir, 'interrupt-input.json');
    // Big enough that the work outlasts the wait below on an idle machine (30,000 nodes took 3.5 s in all).
    writeFileSync(input, JSON.stringify(generateAccountOfSize(60000)));
    const child = spawn(
      process.execPath,
      // tsx as a loader of this one process, not its CLI: that wrapper relays the signal to a child it starts, and
      // exited 0 when the interrupt came while the child was still starting.
      ['--import', 'tsx', join(ROOT, 'main/cli/cli.ts'), 'export', input, '-o', join(work, 'x.svg'), '--expand-all'],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt in the middle of the work (reading, layout and render of about 66,000 nodes take far longer than
    // this); an interrupt that lands before the CLI is up ends it just the same, with nothing written.
    await new Promise((r) => setTimeout(r, 3000));
    child.kill('SIGINT');
    expect(await exited).not.toBe(0);
    // Whenever the interrupt lands (starting up, reading, laying out, writing), no temp or partial file is left.
    expect(readdirSync(work)).toEqual([]);
  }, 60_000);

  it('a refused export (nothing to draw) leaves no temp or partial file in the folder', async () => {
    const out = join(dir, 'clean', 'empty.svg');
    mkdirSync(join(dir, 'clean'));
    const r = await cliInProcess('export', 'fixtures/broken/empty.json', '-o', out);
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, 'clean'))).toEqual([]);
  });
});

describe('export: a PNG too big to draw is refused up front', () => {
  it(`over ${MAX_PNG_NODES} nodes with --expand-all: exit 1 in seconds with the size and the alternatives; SVG still works`, async () => {
    const input = join(dir, 'big.json');
    writeFileSync(input, JSON.stringify(generateAccountOfSize(MAX_PNG_NODES + 1500)));
    const out = join(dir, 'big.png');
    const start = performance.now();
    const r = await cliInProcess('export', input, '-o', out, '--expand-all');
    const seconds = (performance.now() - start) / 1000;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^ecs-visualizer export: a PNG of \d{1,3},\d{3} nodes is too big to draw \(PNG export draws at most 8,000 nodes; .*Export SVG instead \(-o OUT\.svg\), or drop --expand-all \([\d,]+ nodes: large services stacked, with their counts\), or export fewer clusters .*nothing was written\n$/,
    );
    expect(seconds).toBeLessThan(20); // no layout, no raster: reading and counting only
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('big.png'))).toEqual([]);
    // The alternative it names first works: the same drawing as SVG.
    const svg = await cliInProcess('export', input, '-o', join(dir, 'big.svg'), '--expand-all');
    expect(svg.code).toBe(0);
  }, 120_000);
});
