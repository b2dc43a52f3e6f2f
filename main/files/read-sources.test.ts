/**
 * Issue #13 point 3: a FIFO or a device named `*.json` (directly, behind a symlink, inside an opened folder) is
 * a diagnostic and is never read — in the CLI, the app's open, load (paths the page hands main) and reload paths.
 * Each case here hung or ate memory before (a FIFO blocked forever, a link to /dev/zero reached 6.5 GB in 30 s).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ingest } from '../../shared/ingest/index';
import { decodeSource } from '../../shared/ingest/decode';
import { DocumentSession } from '../open-files';
import { cliProcess } from '../test/run-cli';
import { copySample, makeTempDir, removeTempDir, SAMPLES } from '../test/temp-files';
import { readRegularFile, readSourceBytes, readSources } from './read-sources';

vi.mock('electron', () => import('../test/fake-electron'));

let dir: string;
let folder: string;
let fifo: string;
let zero: string;

beforeAll(() => {
  dir = makeTempDir();
  fifo = path.join(dir, 'pipe.json');
  execFileSync('mkfifo', [fifo]);
  zero = path.join(dir, 'zero.json');
  symlinkSync('/dev/zero', zero);
  // An opened folder holding a good file, a FIFO, a link to /dev/zero, a link to a good file and a link to a folder.
  folder = path.join(dir, 'folder');
  mkdirSync(folder);
  copySample(folder, 'awscli-describe-tasks-2-fargate.json');
  execFileSync('mkfifo', [path.join(folder, 'a-pipe.json')]);
  symlinkSync('/dev/zero', path.join(folder, 'b-zero.json'));
  symlinkSync(path.join(SAMPLES, 'awscli-describe-clusters-1.json'), path.join(folder, 'c-link.json'));
  symlinkSync(dir, path.join(folder, 'd-folder.json'));
  writeFileSync(path.join(folder, 'notes.txt'), 'not read');
});
afterAll(() => removeTempDir(dir));

const notAFile = (file: string, what: string) =>
  expect.objectContaining({
    severity: 'error',
    code: 'not-a-file',
    file,
    message: `${what}, not a regular file; it was not read`,
  });

describe('only regular files are read', () => {
  it('a FIFO and a symlink to /dev/zero are diagnostics, at once', async () => {
    const r = await readSources([fifo, zero]);
    expect(r.sources).toEqual([]);
    expect(r.diagnostics).toEqual([notAFile(fifo, 'a named pipe (FIFO)'), notAFile(zero, 'a character device')]);
  });

  it('inside an opened folder: the good files and the link to a good file load, the rest is named', async () => {
    const r = await readSources([folder]);
    expect(r.sources.map((s) => path.basename(s.name))).toEqual([
      'awscli-describe-tasks-2-fargate.json',
      'c-link.json',
    ]);
    expect(r.diagnostics).toEqual(
      expect.arrayContaining([
        notAFile(path.join(folder, 'a-pipe.json'), 'a named pipe (FIFO)'),
        notAFile(path.join(folder, 'b-zero.json'), 'a character device'),
        expect.objectContaining({ severity: 'info', code: 'skipped', file: path.join(folder, 'd-folder.json') }),
        expect.objectContaining({ severity: 'info', code: 'skipped', file: path.join(folder, 'notes.txt') }),
      ]),
    );
  });

  it('readRegularFile (for other readers) refuses them too and reads a real file', async () => {
    expect(await readRegularFile(fifo)).toEqual({ ok: false, diagnostic: notAFile(fifo, 'a named pipe (FIFO)') });
    const ok = await readRegularFile(path.join(SAMPLES, 'awscli-describe-clusters-1.json'));
    expect(ok.ok && JSON.parse(ok.text)).toHaveProperty('clusters');
  });

  it.skipIf(process.platform === 'win32')(
    'readRegularFile with noFollow refuses a symbolic link in the open itself; without it the link is read',
    async () => {
      const link = path.join(dir, 'link-to-clusters.json');
      symlinkSync(path.join(SAMPLES, 'awscli-describe-clusters-1.json'), link);
      expect(await readRegularFile(link, { noFollow: true })).toEqual({
        ok: false,
        diagnostic: {
          severity: 'error',
          code: 'unreadable',
          message: 'cannot read: too many levels of symbolic links',
          file: link,
        },
      });
      expect((await readRegularFile(link)).ok).toBe(true);
    },
  );

  it('the CLI: inspect exits 1 with one line each, and loads the rest', async () => {
    const r = await cliProcess('inspect', fifo, zero, path.join(SAMPLES, 'awscli-describe-tasks-2-fargate.json'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${fifo}: a named pipe (FIFO), not a regular file; it was not read`,
      `${zero}: a character device, not a regular file; it was not read`,
    ]);
    expect(r.stdout).toMatch(/Tasks\s+2/);
  }, 30_000);

  it('the app: open, a path handed over by the page, and a reload of an opened folder', async () => {
    const pushed: string[] = [];
    const documents = new DocumentSession({
      read: readSourceBytes,
      addRecent: () => undefined,
      push: (_t, reason) => pushed.push(reason),
      demoDir: SAMPLES,
      log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
      watch: () => ({ close: () => undefined }),
    });
    const opened = await documents.open([fifo, zero]);
    expect(opened.diagnostics.filter((d) => d.code === 'not-a-file')).toHaveLength(2);
    const read = await documents.load({ paths: [folder], inline: [] });
    // As the page's ingest worker loads what main read.
    const loaded = ingest(read.sources.map(decodeSource), { diagnostics: read.diagnostics });
    expect(loaded.tasks).toHaveLength(2);
    expect(loaded.diagnostics.filter((d) => d.code === 'not-a-file')).toHaveLength(2);
    // A reload retries while a read has errors (a file mid-write): it must still end, about a second later.
    await documents.reload();
    expect(pushed).toEqual(['reload']);
    documents.close();
  }, 10_000);

  it('with a budget, a file that would take the open past it is refused unread, naming it; the rest loads', async () => {
    const budgetDir = path.join(dir, 'budget');
    mkdirSync(budgetDir);
    writeFileSync(path.join(budgetDir, 'a.json'), '{"clusters":[]}'); // 15 bytes
    writeFileSync(path.join(budgetDir, 'b.json'), `{"clusters":[],"x":"${'y'.repeat(40)}"}`); // 63 bytes
    writeFileSync(path.join(budgetDir, 'c.json'), '{"tasks":[]}'); // 12 bytes
    const read = await readSourceBytes([budgetDir], { maxTotalBytes: 40 });
    // a and c fit in 40 bytes; b would have taken the open past them.
    expect(read.sources.map((s) => path.basename(s.name))).toEqual(['a.json', 'c.json']);
    expect(read.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'too-large',
        file: path.join(budgetDir, 'b.json'),
        message: expect.stringMatching(/^not read: with the files before it, this open is over 0 MiB/),
      }),
    ]);
    // Without one (the CLI), everything is read.
    expect((await readSourceBytes([budgetDir])).sources).toHaveLength(3);
  });

  it("what main hands the page owns its memory: a small file's bytes never carry Node's shared Buffer pool", async () => {
    const small = path.join(dir, 'small.json');
    writeFileSync(small, '{"clusters":[]}');
    // Something else in main uses the pool first, so a pooled read would sit in the middle of it.
    Buffer.from('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    const read = await readSourceBytes([small, folder]);
    expect(read.sources.length).toBeGreaterThan(1);
    for (const { bytes } of read.sources) {
      // IPC copies a view's whole ArrayBuffer: it must be exactly the file.
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    }
    expect(new TextDecoder().decode(read.sources[0].bytes)).toBe('{"clusters":[]}');
  });
});
