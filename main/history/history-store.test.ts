import { afterEach, describe, expect, it } from 'vitest';
import { fork } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeBundle } from '../../shared/ingest/bundle';
import { makeTempDir, removeTempDir } from '../test/temp-files';
import { keepInHistory, listHistory, pruneHistory, writeFileAtomic } from './history-store';

let dir: string;
afterEach(() => removeTempDir(dir));

const at = (minute: number) => `2026-11-28T09:${String(minute).padStart(2, '0')}:00.000Z`;
/** A bundle of about `size` bytes fetched at minute `minute`. */
const bundle = (minute: number, size = 1000) =>
  makeBundle({ fetchedAt: at(minute), clusters: [{ clusterName: 'prod', note: 'x'.repeat(size) }] });

describe('history folder', () => {
  it('prunes by count: the oldest go first, the newest stay', async () => {
    dir = makeTempDir();
    for (let m = 0; m < 5; m += 1) await keepInHistory(dir, bundle(m), { maxCount: 3, maxBytes: 1e9 });
    expect((await listHistory(dir)).map((e) => e.fetchedAt)).toEqual([at(2), at(3), at(4)]);
  });

  it('prunes by size: total bytes under the cap, oldest first; the newest stays even when alone over it', async () => {
    dir = makeTempDir();
    const caps = { maxCount: 100, maxBytes: 3500 };
    for (let m = 0; m < 5; m += 1) await keepInHistory(dir, bundle(m, 1000), caps);
    const kept = await listHistory(dir);
    expect(kept.map((e) => e.fetchedAt)).toEqual([at(2), at(3), at(4)]);
    expect(kept.reduce((s, e) => s + e.bytes, 0)).toBeLessThanOrEqual(3500);
    const { pruned } = await keepInHistory(dir, bundle(9, 10_000), caps);
    expect(pruned).toHaveLength(3);
    expect((await listHistory(dir)).map((e) => e.fetchedAt)).toEqual([at(9)]);
  });

  it('both caps apply together, whichever is tighter', async () => {
    dir = makeTempDir();
    for (let m = 0; m < 6; m += 1) await keepInHistory(dir, bundle(m, 1000), { maxCount: 100, maxBytes: 1e9 });
    expect(await pruneHistory(dir, { maxCount: 4, maxBytes: 2500 })).toHaveLength(4);
    expect((await listHistory(dir)).map((e) => e.fetchedAt)).toEqual([at(4), at(5)]);
  });

  it('files are readable by the user only (0600) and hold the bundle as written', async () => {
    dir = makeTempDir();
    const { file } = await keepInHistory(dir, bundle(1), { maxCount: 5, maxBytes: 1e9 });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'ecs-visualizer/v1', fetchedAt: at(1) });
  });

  it('two fetches at the same time are both kept, in order', async () => {
    dir = makeTempDir();
    await keepInHistory(dir, bundle(1, 10), { maxCount: 5, maxBytes: 1e9 });
    await keepInHistory(dir, bundle(1, 20), { maxCount: 5, maxBytes: 1e9 });
    const kept = await listHistory(dir);
    expect(kept.map((e) => path.basename(e.file))).toEqual([
      'snapshot-2026-11-28T09-01-00-000Z.json',
      'snapshot-2026-11-28T09-01-00-000Z-1.json',
    ]);
  });

  it('a write killed half-way leaves the previous files intact, and the next write clears its temp file', async () => {
    dir = makeTempDir();
    const caps = { maxCount: 5, maxBytes: 1e9 };
    await keepInHistory(dir, bundle(1), caps);
    const before = readdirSync(dir).map((n) => [n, readFileSync(path.join(dir, n), 'utf8')]);
    // A child process runs the real keepInHistory with a 150 MB bundle and is killed (SIGKILL) once its temp file appears.
    const script = path.join(dir, '..', `kill-${path.basename(dir)}.mts`);
    writeFileSync(
      script,
      `import { keepInHistory } from ${JSON.stringify(path.join(__dirname, 'history-store.ts'))};
       const big = { format: 'ecs-visualizer/v1', fetchedAt: '${at(2)}', clusters: [{ note: 'x'.repeat(150 * 1024 * 1024) }] };
       await keepInHistory(${JSON.stringify(dir)}, big, { maxCount: 5, maxBytes: 1e12 });
       process.send?.('finished');`,
    );
    const child = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    let finished = false;
    let gone = false;
    child.on('message', () => (finished = true));
    const exited = new Promise((resolve) =>
      child.once('exit', () => {
        gone = true;
        resolve(undefined);
      }),
    );
    while (!readdirSync(dir).some((n) => n.endsWith('.tmp')) && !finished && !gone)
      await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    await exited;
    removeTempDir(script);
    expect(finished, 'the write finished before it could be killed').toBe(false);
    // The killed write's temp file is there; nothing else changed and no listing reads it.
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(true);
    for (const [name, text] of before) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text);
    expect((await listHistory(dir)).map((e) => e.fetchedAt)).toEqual([at(1)]);
    await keepInHistory(dir, bundle(3), caps);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await listHistory(dir)).map((e) => e.fetchedAt)).toEqual([at(1), at(3)]);
  }, 60_000);

  it('writeFileAtomic never leaves the target half-written: a failing rename leaves the old file and no temp', async () => {
    dir = makeTempDir();
    const target = path.join(dir, 'snapshot-x.json');
    writeFileSync(target, 'old');
    // A folder where the temp file's rename would land makes the rename fail.
    const blocked = path.join(dir, 'sub');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(blocked, 'inner'), { recursive: true });
    await expect(writeFileAtomic(blocked, 'new')).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
