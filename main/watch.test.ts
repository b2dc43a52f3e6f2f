import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ingest } from '../shared/ingest/index';
import { decodeSource } from '../shared/ingest/decode';
import type { Topology } from '../shared/model/types';
import { readSourceBytes } from './files/read-sources';
import { DocumentSession } from './open-files';
import { isCompleteRead, readUntilComplete, type ReadResult } from './watch';
import { copySample, makeTempDir, removeTempDir, SAMPLES } from './test/temp-files';

vi.mock('electron', () => import('./test/fake-electron'));

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const sample = (name: string): string => readFileSync(path.join(SAMPLES, name), 'utf8');
const EC2_TASKS = 'awscli-describe-tasks-1-ec2.json';
const FARGATE_TASKS = 'awscli-describe-tasks-2-fargate.json';

/** What the page's ingest worker makes of files main read (it runs this same ingest). */
const loaded = ({ sources, diagnostics }: ReadResult): Topology => ingest(sources.map(decodeSource), { diagnostics });

interface Push {
  topology: Topology;
  reason: string;
  at: number;
}

let dir: string;
let pushes: Push[];
let documents: DocumentSession;

beforeEach(() => {
  dir = makeTempDir();
  pushes = [];
  documents = new DocumentSession({
    read: readSourceBytes,
    addRecent: () => undefined,
    // What the page's ingest worker makes of the files main read again.
    push: (opened, reason) => pushes.push({ topology: loaded(opened), reason, at: Date.now() }),
    demoDir: SAMPLES,
    log,
  });
});
afterEach(() => {
  documents.close();
  removeTempDir(dir);
});

const reloads = (): Push[] => pushes.filter((p) => p.reason === 'reload');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
// fs.watch needs a moment after the watch starts before it reports changes on some file systems.
const settle = (): Promise<void> => sleep(50);

describe('watching opened files', () => {
  it('reloads a changed file within a second', async () => {
    const file = copySample(dir, EC2_TASKS, 'tasks.json');
    expect(loaded(await documents.open([file])).tasks).toHaveLength(1);
    await settle();
    const writtenAt = Date.now();
    writeFileSync(file, sample(FARGATE_TASKS));
    await vi.waitFor(() => expect(reloads()).toHaveLength(1), { timeout: 3000, interval: 20 });
    const reload = reloads()[0] as Push;
    expect(reload.at - writtenAt).toBeLessThan(1000);
    expect(reload.topology.tasks.map((t) => t.launchType)).toEqual(['FARGATE', 'FARGATE']);
  });

  it('retries a file caught mid-write instead of reporting it broken', async () => {
    const file = copySample(dir, EC2_TASKS, 'tasks.json');
    await documents.open([file]);
    await settle();
    const full = sample(FARGATE_TASKS);
    // The first half lands, the rest 250 ms later, as a slow `aws ecs describe-tasks > tasks.json` would.
    writeFileSync(file, full.slice(0, Math.floor(full.length / 2)));
    await sleep(250);
    writeFileSync(file, full);
    await vi.waitFor(() => expect(reloads().at(-1)?.topology.tasks).toHaveLength(2), { timeout: 3000, interval: 20 });
    await sleep(400);
    for (const reload of reloads()) {
      expect(reload.topology.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(reload.topology.tasks).toHaveLength(2);
    }
  });

  it('reports a file that stays broken, after the retries (about a second)', async () => {
    const file = copySample(dir, EC2_TASKS, 'tasks.json');
    await documents.open([file]);
    await settle();
    const writtenAt = Date.now();
    writeFileSync(file, '{"tasks": [ {"taskArn": "arn:aws:ecs:us-east-1:123456789012:task/c/1",');
    await vi.waitFor(() => expect(reloads()).toHaveLength(1), { timeout: 4000, interval: 20 });
    const reload = reloads()[0] as Push;
    expect(reload.at - writtenAt).toBeGreaterThanOrEqual(900);
    expect(reload.topology.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', file }));
  });

  it("picks up an editor's save that writes a temp file and renames it over the original", async () => {
    const file = copySample(dir, EC2_TASKS, 'tasks.json');
    await documents.open([file]);
    await settle();
    const temp = path.join(dir, '.tasks.json.swp');
    writeFileSync(temp, sample(FARGATE_TASKS));
    renameSync(temp, file);
    await vi.waitFor(() => expect(reloads().at(-1)?.topology.tasks).toHaveLength(2), { timeout: 3000, interval: 20 });
  });

  it('reloads an opened folder when a *.json appears in it, not for other files', async () => {
    copySample(dir, EC2_TASKS);
    await documents.open([dir]);
    await settle();
    writeFileSync(path.join(dir, 'notes.txt'), 'not ECS');
    await sleep(500);
    expect(reloads()).toEqual([]);
    writeFileSync(path.join(dir, 'more-tasks.json'), sample(FARGATE_TASKS));
    await vi.waitFor(() => expect(reloads().at(-1)?.topology.tasks).toHaveLength(3), { timeout: 3000, interval: 20 });
  });

  it('coalesces a burst of writes into one reload', async () => {
    const file = copySample(dir, EC2_TASKS, 'tasks.json');
    await documents.open([file]);
    await settle();
    for (let i = 0; i < 5; i++) writeFileSync(file, sample(i % 2 === 0 ? FARGATE_TASKS : EC2_TASKS));
    await vi.waitFor(() => expect(reloads()).toHaveLength(1), { timeout: 3000, interval: 20 });
    await sleep(400);
    expect(reloads()).toHaveLength(1);
    expect(reloads()[0]?.topology.tasks).toHaveLength(2);
  });

  it('stops watching the old files once others are opened', async () => {
    const first = copySample(dir, EC2_TASKS, 'first.json');
    const second = copySample(dir, FARGATE_TASKS, 'second.json');
    await documents.open([first]);
    await documents.open([second]);
    await settle();
    writeFileSync(first, sample(FARGATE_TASKS));
    await sleep(600);
    expect(reloads()).toEqual([]);
  });

  it('File > Reload reads the files again and pushes a reload (the page keeps its view)', async () => {
    const file = copySample(dir, EC2_TASKS, 'tasks.json');
    await documents.open([file]);
    documents.close();
    writeFileSync(file, sample(FARGATE_TASKS));
    await documents.reload();
    expect(reloads()).toHaveLength(1);
    expect(reloads()[0]?.topology.tasks).toHaveLength(2);
  });
});

describe('readUntilComplete', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const complete: ReadResult = { sources: [{ name: 'a.json', bytes: bytes('{"tasks": []}') }], diagnostics: [] };
  const partial: ReadResult = { sources: [{ name: 'a.json', bytes: bytes('{"tasks": [') }], diagnostics: [] };
  const missing: ReadResult = {
    sources: [],
    diagnostics: [{ severity: 'error', code: 'unreadable', message: 'cannot read', file: 'a.json' }],
  };

  it('tells a complete read from a partial or missing file (a BOM is fine)', () => {
    expect(isCompleteRead(complete)).toBe(true);
    expect(isCompleteRead({ sources: [{ name: 'a.json', bytes: bytes('\uFEFF{}') }], diagnostics: [] })).toBe(true);
    // UTF-16 with its byte order mark (PowerShell's `>`) is decoded as the ingest will.
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'{}'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(isCompleteRead({ sources: [{ name: 'a.json', bytes: utf16 }], diagnostics: [] })).toBe(true);
    expect(isCompleteRead(partial)).toBe(false);
    expect(isCompleteRead(missing)).toBe(false);
  });

  it('reads again until the file is complete', async () => {
    const read = vi
      .fn<() => Promise<ReadResult>>()
      .mockResolvedValueOnce(partial)
      .mockResolvedValueOnce(missing)
      .mockResolvedValue(complete);
    expect(await readUntilComplete(read, [1, 1, 1, 1])).toBe(complete);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('gives up after the last retry and returns what it read', async () => {
    const read = vi.fn<() => Promise<ReadResult>>().mockResolvedValue(partial);
    expect(await readUntilComplete(read, [1, 1, 1])).toBe(partial);
    expect(read).toHaveBeenCalledTimes(4);
  });
});
