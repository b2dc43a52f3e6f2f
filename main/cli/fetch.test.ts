import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingest, summarize } from '../../shared/ingest/index';
import { countBundle, generateAccount } from '../../shared/synth/generate-account';
import { startFakeEcs, type FakeEcsServer } from '../aws/testing/fake-ecs-server';
import { makeTempDir, removeTempDir } from '../test/temp-files';
import { EXIT_CANCELLED, runFetch } from './fetch';
import type { CliIo } from './io';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

// Distinctive dummy credentials: if any of them shows up in output or in the snapshot, it leaked.
const KEY_ID = 'AKIACLITESTLEAKCHECK';
const SECRET = 'cli-secret-3f9a1c-must-never-be-written';
const TOKEN = 'cli-session-token-77c2e0-must-never-be-written';
const CRED_ENV = { AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN };

const account = generateAccount({ seed: 11, clusters: 2, services: 30, tasksPerService: [1, 3] });

let server: FakeEcsServer;
let dir: string;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  server = await startFakeEcs({ account, denyListServices: [] });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = makeTempDir('ecs-visualizer-fetch-');
  for (const [k, v] of Object.entries({
    ...CRED_ENV,
    AWS_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
  })) {
    savedEnv[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
afterEach(() => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  removeTempDir(dir);
});

async function fetchInProcess(args: string[], signal?: AbortSignal) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false, stderrIsTty: false };
  const code = await runFetch(args, io, signal ? { signal } : {});
  return { code, stdout, stderr };
}

describe('ecs-visualizer fetch', () => {
  it('as a user runs it (npm run cli -- fetch …): saves a snapshot inspect reads with the account’s counts', async () => {
    const out = join(dir, 'snapshot.json');
    const r = await run(
      process.execPath,
      [
        join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        join(ROOT, 'main/cli/cli.ts'),
        'fetch',
        '--region',
        'eu-west-1',
        '--endpoint-url',
        server.url,
        '--include-stopped',
        '-o',
        out,
      ],
      { cwd: ROOT, env: { ...process.env } },
    );
    expect(r.stdout).toMatch(/^Saved .*snapshot\.json: 2 clusters, 30 services/);
    // Not a terminal: plain progress lines, no carriage-return bar.
    expect(r.stderr).toContain('fetched 2 clusters');
    expect(r.stderr).not.toContain('\r');
    const summary = summarize(ingest([{ name: 'snapshot.json', text: readFileSync(out, 'utf8') }]));
    expect(summary.counts).toEqual({ ...countBundle(account), targetGroups: 0 });
  }, 60_000);

  it('never writes or prints the credentials it was given (and did use them)', async () => {
    const out = join(dir, 'snapshot.json');
    const r = await fetchInProcess(['--region', 'eu-west-1', '--endpoint-url', server.url, '-o', out]);
    expect(r.code).toBe(0);
    const written = readFileSync(out, 'utf8');
    // The endpoint saw the key id in the request signatures: the check below is about real credentials in use.
    expect(server.authorizations.some((a) => a.includes(KEY_ID))).toBe(true);
    for (const text of [written, r.stdout, r.stderr]) {
      expect(text).not.toContain(KEY_ID);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
    expect(JSON.parse(written)).toMatchObject({ format: 'ecs-visualizer/v1', source: { regions: ['eu-west-1'] } });
  });

  it('an AccessDenied cluster still gives a snapshot, a warning on stderr and exit 1', async () => {
    const denying = await startFakeEcs({ account, denyListServices: ['staging'] });
    try {
      const out = join(dir, 'snapshot.json');
      const r = await fetchInProcess(['--region', 'eu-west-1', '--endpoint-url', denying.url, '-o', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /warning: ListServices arn:aws:ecs:eu-west-1:210987654321:cluster\/staging \(eu-west-1\): AccessDeniedException/,
      );
      expect(JSON.parse(readFileSync(out, 'utf8')).failures).toEqual([
        expect.objectContaining({ reason: 'AccessDeniedException' }),
      ]);
    } finally {
      await denying.close();
    }
  });

  it('cancelled: exit 130 and no file', async () => {
    const controller = new AbortController();
    const slow = await startFakeEcs({
      account,
      latencyMs: 5_000,
      onRequest: () => setImmediate(() => controller.abort()),
    });
    try {
      const out = join(dir, 'snapshot.json');
      const r = await fetchInProcess(
        ['--region', 'eu-west-1', '--endpoint-url', slow.url, '-o', out],
        controller.signal,
      );
      expect(r.code).toBe(EXIT_CANCELLED);
      expect(r.stderr).toContain('cancelled');
      expect(existsSync(out)).toBe(false);
    } finally {
      await slow.close();
    }
  });

  it('usage errors: no -o, no region', async () => {
    await expect(fetchInProcess(['--region', 'eu-west-1'])).rejects.toThrow('-o');
    await expect(fetchInProcess(['-o', join(dir, 'x.json')])).rejects.toThrow('no region');
  });
});
