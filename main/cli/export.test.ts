/**
 * `ecs-visualizer export` as a CI job runs it: real process for the main
 * paths, in-process for the rest. Exit codes (0 / 1 with the export still
 * written / 2), the files it writes, and what it prints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { generateAccount } from '../../shared/synth/generate-account';
import { MAX_PNG_SIDE } from '../../shared/render/raster-limits';
import { cliInProcess, cliProcess } from '../test/run-cli';
import { makeTempDir, removeTempDir } from '../test/temp-files';

let dir: string;
beforeAll(() => {
  dir = makeTempDir('ecs-visualizer-export-');
});
afterAll(() => removeTempDir(dir));

describe('ecs-visualizer export (real process)', () => {
  it('writes a PNG at 2× of the prod fixtures and exits 0', async () => {
    const out = join(dir, 'prod.png');
    const r = await cliProcess('export', 'fixtures/ingest/prod', '-o', out, '--scale', '2');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*prod\.png \(\d+×\d+ px at 2×, \d+ nodes\)\n$/);
    const png = PNG.sync.read(readFileSync(out));
    const [, w, h] = /\((\d+)×(\d+) px/.exec(r.stdout)!.map(Number);
    expect([png.width, png.height]).toEqual([w, h]);
    // At 2× the width is even: the 1× drawing doubled.
    expect(png.width % 2).toBe(0);
  }, 30_000);

  it('exits 1 when an input is broken, still writing the export of what loaded, and names the file and line', async () => {
    const out = join(dir, 'partial.svg');
    const r = await cliProcess('export', 'fixtures/broken', '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/services-missing-comma\.json:\d+:\d+: /);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('<svg');
  }, 30_000);

  it('exits 2 with the usage for a bad option and writes nothing', async () => {
    const out = join(dir, 'never.png');
    const r = await cliProcess('export', 'fixtures/ingest/prod', '-o', out, '--scale', '9');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--scale must be a number from 0.25 to 4');
    expect(r.stderr).toContain('ecs-visualizer export PATH...');
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});

describe('ecs-visualizer export (in process)', () => {
  it.each([
    [['fixtures/ingest/prod'], /needs -o OUT\.png or -o OUT\.svg/],
    [['-o', 'x.png'], /at least one PATH/],
    [['fixtures/ingest/prod', '-o', 'x.jpg'], /must name a \.png or \.svg file/],
    [['fixtures/ingest/prod', '-o', 'x.png', '--view', 'sideways'], /--view must be one of hierarchy, placement/],
    [['fixtures/ingest/prod', '-o', 'x.png', '--theme', 'pink'], /--theme must be one of light, dark/],
    [
      ['fixtures/ingest/prod', '-o', 'x.png', '--background', 'grey'],
      /--background must be one of white, transparent, dark/,
    ],
    [['fixtures/ingest/prod', '-o', 'x.png', '--scale', 'two'], /--scale must be a number/],
    [['fixtures/ingest/prod', '-o', 'x.png', '--bogus'], /Unknown option '--bogus'/],
  ])('usage error %j → exit 2', async (args, message) => {
    const r = await cliInProcess('export', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('draws the placement view: hosts with reserved CPU and memory, Fargate per AZ', async () => {
    const out = join(dir, 'placement.svg');
    const r = await cliInProcess('export', 'fixtures/ingest/prod', '-o', out, '--view', 'placement');
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('i-0123456789abcdef0');
    expect(svg).toContain('DRAINING');
    expect(svg).toContain('CPU reserved 1024 / 4096 units (25%)');
    expect(svg).toContain('Memory reserved 2048 / 15576 MiB (13%)');
    expect(svg).toMatch(/Fargate · eu-west-1[abc]/);
  });

  it('refuses to write an image of nothing when no input loaded (exit 1)', async () => {
    const out = join(dir, 'nothing.png');
    const r = await cliInProcess('export', join(dir, 'missing.json'), '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.json: cannot read: no such file or folder/);
    expect(r.stderr).toMatch(/nothing to draw/);
    expect(existsSync(out)).toBe(false);
  });

  it('honours --title, --no-legend, --theme dark and --expand-all in the SVG', async () => {
    const out = join(dir, 'options.svg');
    const r = await cliInProcess(
      'export',
      'fixtures/ingest/prod',
      '-o',
      out,
      '--title',
      'Prod & friends',
      '--no-legend',
      '--theme',
      'dark',
      '--expand-all',
    );
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('>Prod &amp; friends</text>');
    expect(svg).not.toContain('data-legend');
    expect(svg).toContain('fill="#0f172a"');
  });

  it('a synthetic account with environment values exports with none of them', async () => {
    const bundlePath = join(dir, 'synthetic.json');
    const text = JSON.stringify(generateAccount({ seed: 11, clusters: 2, services: 6, tasksPerService: [1, 3] }));
    writeFileSync(bundlePath, text);
    const secrets = [...new Set(text.match(/synthetic-secret-[0-9a-f]+/g) ?? [])];
    expect(secrets.length).toBeGreaterThan(0);
    const svgOut = join(dir, 'synthetic.svg');
    expect((await cliInProcess('export', bundlePath, '-o', svgOut, '--expand-all')).code).toBe(0);
    const svg = readFileSync(svgOut, 'utf8');
    for (const s of secrets) expect(svg).not.toContain(s);
  });

  it('draws the app’s default view for a large load (services collapsed) unless --expand-all', async () => {
    const input = join(dir, 'large.json');
    const bundle = generateAccount({
      seed: 3,
      clusters: 1,
      services: 400,
      tasksPerService: [4, 4],
      containersPerTask: [1, 1],
      standalonePerCluster: 0,
    });
    writeFileSync(input, JSON.stringify(bundle));
    const targetGroups = bundle.targetGroups?.length ?? 0;
    expect(targetGroups).toBeGreaterThan(0);
    const nodes = (stdout: string): number => Number(/, (\d+) nodes\)/.exec(stdout)?.[1]);
    const byDefault = await cliInProcess('export', input, '-o', join(dir, 'large-default.svg'));
    const expanded = await cliInProcess('export', input, '-o', join(dir, 'large-expanded.svg'), '--expand-all');
    expect([byDefault.code, expanded.code]).toEqual([0, 0]);
    // 1 cluster + 400 services (and their target groups, which stay beside a collapsed service) when
    // collapsed; every task box, task and container on top when expanded.
    expect(nodes(byDefault.stdout)).toBe(401 + targetGroups);
    expect(nodes(expanded.stdout)).toBe(401 + targetGroups + 400 + 1600 + 1600);
    expect(readFileSync(join(dir, 'large-default.svg'), 'utf8')).toContain('+9 hidden');
  });

  it('--expand-all opens stacks too, and a PNG over 16,384 px is scaled down whole with a warning that suggests SVG or the default view', async () => {
    // One service of 200 tasks: stacked by default, a wide grid of cards when everything is expanded.
    const A = 'arn:aws:ecs:eu-west-1:111122223333';
    const tasks = Array.from({ length: 200 }, (_, i) => ({
      taskArn: `${A}:task/c/${i.toString(16).padStart(32, '0')}`,
      clusterArn: `${A}:cluster/c`,
      group: 'service:web',
      launchType: 'FARGATE',
      lastStatus: 'RUNNING',
      desiredStatus: 'RUNNING',
      containers: [],
    }));
    const input = join(dir, 'big-service.json');
    writeFileSync(
      input,
      JSON.stringify({
        clusters: [{ clusterArn: `${A}:cluster/c`, clusterName: 'c' }],
        services: [
          {
            serviceArn: `${A}:service/c/web`,
            serviceName: 'web',
            clusterArn: `${A}:cluster/c`,
            launchType: 'FARGATE',
            desiredCount: 200,
            runningCount: 200,
          },
        ],
        tasks,
      }),
    );
    const stacked = await cliInProcess('export', input, '-o', join(dir, 'stacked.svg'));
    expect(stacked.stdout).toMatch(/, 3 nodes\)/); // cluster, service, one stack
    const out = join(dir, 'big.png');
    const r = await cliInProcess('export', input, '-o', out, '--scale', '3', '--expand-all');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/, 203 nodes\)/);
    expect(r.stderr).toMatch(/warning: the image would be \d+×\d+ px at 3×.*scaled down.*export SVG.*default view/);
    const png = PNG.sync.read(readFileSync(out));
    expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(MAX_PNG_SIDE);
    expect(Math.max(png.width, png.height)).toBeGreaterThan(MAX_PNG_SIDE - 2);
  }, 30_000);
});
