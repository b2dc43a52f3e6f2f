import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingest, summarize } from '../../shared/ingest/index';
import { countBundle, generateAccount } from '../../shared/synth/generate-account';
import { startFakeEcs, type FakeEcsServer } from '../aws/testing/fake-ecs-server';
import { makeTempDir, removeTempDir } from '../test/temp-files';
import { EXIT_CANCELLED, runFetch, type FetchCliHooks } from './fetch';
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

async function fetchInProcess(args: string[], signal?: AbortSignal, hooks: FetchCliHooks = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false, stderrIsTty: false };
  const code = await runFetch(args, io, { ...hooks, ...(signal ? { signal } : {}) });
  return { code, stdout, stderr };
}

// Any raw C0/C1 control character or bidi override: none may reach the terminal from AWS or from an argument.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/; // eslint-disable-line no-control-regex -- finding control characters is the point

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

  it('an endpoint that never answers: warnings, exit 1, and the snapshot of what arrived is written', async () => {
    const hanging = await startFakeEcs({ account, fault: (op) => (op === 'DescribeTasks' ? 'hang' : undefined) });
    try {
      const out = join(dir, 'snapshot.json');
      const started = performance.now();
      const r = await fetchInProcess(['--region', 'eu-west-1', '--endpoint-url', hanging.url, '-o', out], undefined, {
        client: { requestTimeoutMs: 200 },
      });
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^warning: DescribeTasks \S+ \(eu-west-1\): TimeoutError: no answer within 0.2 s/m);
      expect(r.stderr).toMatch(/^fetched 0 tasks; \d+ could not be fetched$/m);
      expect(r.stderr).toMatch(/^fetched 30 services$/m);
      const snapshot = JSON.parse(readFileSync(out, 'utf8')) as {
        clusters: unknown[];
        services: unknown[];
        tasks: unknown[];
        failures: unknown[];
      };
      // Everything but the tasks arrived, and the snapshot says which calls did not.
      expect(snapshot.clusters).toHaveLength(2);
      expect(snapshot.services).toHaveLength(30);
      expect(snapshot.tasks).toEqual([]);
      expect(snapshot.failures).toContainEqual(expect.objectContaining({ reason: 'TimeoutError' }));
      expect(r.stdout).toMatch(/^Saved .*snapshot\.json: 2 clusters/);
    } finally {
      await hanging.close();
    }
  }, 30_000);

  it('-o in a folder that does not exist fails at once, before any call, in one line', async () => {
    const calls = server.totalCalls();
    const r = await fetchInProcess([
      '--region',
      'eu-west-1',
      '--endpoint-url',
      server.url,
      '-o',
      join(dir, 'nonexistent', 'x.json'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^ecs-visualizer fetch: cannot write .*x\.json: the folder .*nonexistent does not exist; nothing fetched\n$/,
    );
    expect(server.totalCalls()).toBe(calls);
  });

  it('-o naming an existing folder fails before any call and leaves no .partial', async () => {
    const folder = join(dir, 'out');
    mkdirSync(folder);
    const calls = server.totalCalls();
    const r = await fetchInProcess(['--region', 'eu-west-1', '--endpoint-url', server.url, '-o', folder]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('is a folder');
    expect(server.totalCalls()).toBe(calls);
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('a snapshot that cannot be written after the fetch: one line, exit 1, no .partial left', async () => {
    const out = join(dir, 'snapshot.json');
    // The target turns into a folder while the fetch runs, so the final rename fails.
    const racing = await startFakeEcs({
      account,
      onRequest: (op) => {
        if (op === 'DescribeTasks' && !existsSync(out)) mkdirSync(out);
      },
    });
    try {
      const r = await fetchInProcess(['--region', 'eu-west-1', '--endpoint-url', racing.url, '-o', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^ecs-visualizer fetch: could not write .*snapshot\.json \(E[A-Z]+\); nothing written$/m,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    } finally {
      await racing.close();
    }
  });

  it('AWS error text with escape sequences, bidi overrides and line breaks is printed escaped, one line per warning', async () => {
    const hostile = await startFakeEcs({
      account,
      fault: (op) =>
        op === 'ListServices'
          ? {
              error: 'AccessDeniedException',
              message: 'denied\u001b]0;pwned\u0007\u001b[2J\u202eevil\n/etc/passwd:1:1: error: forged\u009b31m',
            }
          : undefined,
    });
    try {
      const out = join(dir, 'snapshot.json');
      const r = await fetchInProcess(['--region', 'eu-west-1', '--endpoint-url', hostile.url, '-o', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      expect(r.stderr).toContain('denied\\u001b]0;pwned\\u0007\\u001b[2J\\u202eevil /etc/passwd:1:1');
      // Every stderr line is ours: no line starts with the forged file:line:col.
      for (const line of r.stderr.trim().split('\n')) expect(line).toMatch(/^(warning: |fetched |progress: )/);
    } finally {
      await hostile.close();
    }
  });

  it('a failing credential_process is told by its exit status, never its command line or stderr', async () => {
    const token = 'cli-api-token-5e4d3c-must-not-print';
    const script = join(dir, 'creds.sh');
    writeFileSync(script, `#!/bin/sh\necho "bad token $1" >&2\nexit 7\n`, { mode: 0o755 });
    writeFileSync(join(dir, 'config'), `[profile proc]\ncredential_process = ${script} --api-token=${token}\n`);
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    const calls = server.totalCalls();
    const r = await fetchInProcess([
      '--profile',
      'proc',
      '--region',
      'eu-west-1',
      '--endpoint-url',
      server.url,
      '-o',
      join(dir, 'snapshot.json'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `ecs-visualizer fetch: Could not get AWS credentials for profile "proc": the profile's credential_process failed (exit 7)\n`,
    );
    expect(server.totalCalls()).toBe(calls);
  });

  it('Ctrl-C while the SDK waits to retry a throttled call: the process ends at once with 130', async () => {
    let fourthAttempt = 0;
    const throttling = await startFakeEcs({
      account,
      fault: (_op, _input, _nth, attempt) => {
        if (attempt >= 4) fourthAttempt ||= performance.now();
        return { error: 'ThrottlingException', message: 'Rate exceeded' };
      },
    });
    try {
      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
          join(ROOT, 'main/cli/cli.ts'),
          'fetch',
          '--region',
          'eu-west-1',
          '--endpoint-url',
          throttling.url,
          '-o',
          join(dir, 'snapshot.json'),
        ],
        { cwd: ROOT, env: { ...process.env }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // After a 4th throttled attempt the SDK waits up to 16 s (8 s on average) before the 5th.
      await expect.poll(() => fourthAttempt, { timeout: 25_000 }).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 100));
      const interruptedAt = performance.now();
      child.kill('SIGINT');
      const code = await exited;
      expect(performance.now() - interruptedAt).toBeLessThan(1_000);
      expect(code).toBe(EXIT_CANCELLED);
      expect(stderr).toContain('cancelled; nothing written');
      expect(existsSync(join(dir, 'snapshot.json'))).toBe(false);
    } finally {
      await throttling.close();
    }
  }, 45_000);
});
