import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliInProcess, cliProcess } from '../test/run-cli';
import { makeTempDir, removeTempDir } from '../test/temp-files';
import { UNSAFE_FOR_TERMINAL } from '../test/terminal-safety';
import { findAll, parseSvgStrict } from '../../shared/render/testing/parse-svg';
import type { DiffJson } from './diff';
import { PNG } from 'pngjs';

const FIX = path.resolve(__dirname, '../../fixtures/diff');
const side = (c: string, s: 'old' | 'new') => path.join(FIX, c, s);

let tmp: string | undefined;
afterEach(() => {
  if (tmp) removeTempDir(tmp);
  tmp = undefined;
});

describe('ecs-visualizer diff', () => {
  it('exit 1 and the deployment log when the loads differ (the real process)', async () => {
    const r = await cliProcess('diff', side('rolling-deploy', 'old'), side('rolling-deploy', 'new'));
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(
      '2026-11-28T09:00:10.000Z (newest in data) → 2026-11-28T10:06:00.000Z (newest in data)',
    );
    expect(r.stdout).toMatch(
      /^checkout: rev 41 → 42, deployment started \(rev 42\), 3 tasks replaced, 1 failed to start \(CannotPullContainerError\)/m,
    );
    expect(r.stderr).toBe('');
  });

  it('exit 0 and "no changes" when a load is compared with itself', async () => {
    const r = await cliInProcess('diff', side('scale-up', 'old'), side('scale-up', 'old'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no changes');
  });

  it('exit 2 on bad usage: one path, an unknown format, paths and --old mixed', async () => {
    expect((await cliInProcess('diff', side('scale-up', 'old'))).code).toBe(2);
    expect((await cliInProcess('diff', '--format', 'xml', 'a', 'b')).code).toBe(2);
    const mixed = await cliInProcess('diff', '--old', 'a', 'b', 'c');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('not both');
  });

  it('exit 2 when an input has an error, with the diagnostic on stderr and nothing compared', async () => {
    tmp = makeTempDir();
    const broken = path.join(tmp, 'describe-tasks.json');
    writeFileSync(broken, '{"tasks": [ {"taskArn": ');
    const r = await cliInProcess('diff', side('scale-up', 'old'), broken);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/describe-tasks\.json:1:\d+: /);
    expect(r.stderr).toContain('not compared');
  });

  it('--old/--new take several paths each; JSON has the documented keys with from → to', async () => {
    const files = (c: string, s: 'old' | 'new') =>
      ['describe-clusters.json', 'describe-services.json', 'describe-tasks.json'].flatMap((f) => [
        s === 'old' ? '--old' : '--new',
        path.join(side(c, s), f),
      ]);
    const r = await cliInProcess('diff', ...files('scale-up', 'old'), ...files('scale-up', 'new'), '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as DiffJson;
    expect(json.from).toEqual({ time: '2026-11-28T09:00:10.000Z', source: 'newest-in-data' });
    expect(json.to.time).toBe('2026-11-28T10:01:30.000Z');
    expect(json.changed).toContainEqual({
      objectId: 'service|eu-west-1|111122223333|prod|checkout',
      kind: 'service',
      name: 'checkout',
      field: 'desiredCount',
      from: 2,
      to: 4,
      summary: 'desired count 2 → 4',
    });
    expect(json.added.map((a) => Object.keys(a))).toContainEqual(['objectId', 'kind', 'name', 'summary']);
    expect(json.removed).toEqual([]);
  });

  it('OLD later than NEW: the warning on stderr, the report on stdout', async () => {
    const r = await cliInProcess('diff', side('scale-up', 'new'), side('scale-up', 'old'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ecs-visualizer diff: warning: OLD \(2026-11-28T10:01:30\.000Z\) is later than NEW/);
    expect(r.stdout).toContain('desired 4 → 2');
  });

  it('--format md: a heading, a list per service and a table of from → to, markdown-escaped', async () => {
    const r = await cliInProcess('diff', side('host-drained', 'old'), side('host-drained', 'new'), '--format', 'md');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^### ECS changes: /);
    expect(r.stdout).toContain('- **cluster prod**: host i-0aaa1111bbbb2222c drained (DRAINING)');
    expect(r.stdout).toContain('| containerInstance i-0aaa1111bbbb2222c | status | ACTIVE | DRAINING |');
    expect(r.stdout).toContain('  - removed: task dddd0001: task gone (stopped, or forgotten by ECS)');
    expect(r.stdout).not.toMatch(/^ {2}- [-+~] /m);
  });

  it('hostile values are escaped for the terminal in every format', async () => {
    tmp = makeTempDir();
    const oldDir = path.join(tmp, 'old');
    const newDir = path.join(tmp, 'new');
    for (const [dir, s] of [
      [oldDir, 'old'],
      [newDir, 'new'],
    ] as const) {
      const { mkdirSync } = await import('node:fs');
      mkdirSync(dir);
      for (const f of ['describe-services.json', 'describe-tasks.json'])
        writeFileSync(
          path.join(dir, f),
          readFileSync(path.join(side('rolling-deploy', s), f), 'utf8').replaceAll(
            'checkout',
            'check\\u001b]0;pwned\\u0007\\u202eout',
          ),
        );
    }
    for (const format of ['text', 'md', 'json']) {
      const r = await cliInProcess('diff', oldDir, newDir, '--format', format);
      expect(r.code).toBe(1);
      expect(r.stdout).not.toMatch(UNSAFE_FOR_TERMINAL);
      expect(r.stdout).toContain('\\u001b');
    }
  });

  it('-o changes.svg: NEW drawn with the diff marks and the Changes legend, parsed as XML', async () => {
    tmp = makeTempDir();
    const out = path.join(tmp, 'changes.svg');
    const r = await cliInProcess('diff', side('rolling-deploy', 'old'), side('rolling-deploy', 'new'), '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Wrote .*changes\.svg/);
    const root = parseSvgStrict(readFileSync(out, 'utf8'));
    const marks = findAll(root, (e) => e.attributes.class === 'diff-mark');
    expect(marks.map((m) => m.attributes['data-diff']).sort()).toEqual(expect.arrayContaining(['added', 'changed']));
    const texts = findAll(root, (e) => e.name === 'text').map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['Changes', 'Added since OLD', 'Changed since OLD']));
  });

  it('-o changes.png: a PNG of NEW with the highlight (decoded); an -o in a missing folder is exit 2', async () => {
    tmp = makeTempDir();
    const out = path.join(tmp, 'changes.png');
    const r = await cliInProcess('diff', side('host-drained', 'old'), side('host-drained', 'new'), '-o', out);
    expect(r.code).toBe(1);
    const png = PNG.sync.read(readFileSync(out));
    expect(png.width).toBeGreaterThan(700);
    const bad = await cliInProcess(
      'diff',
      side('host-drained', 'old'),
      side('host-drained', 'new'),
      '-o',
      path.join(tmp, 'no', 'x.png'),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ecs-visualizer diff: cannot write /m);
    // Found before any input is read: nothing compared, nothing printed.
    expect(bad.stdout).toBe('');
  }, 60_000);
});
