import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingest, summarize } from '../../shared/ingest/index';
import { decodeSource } from '../../shared/ingest/decode';
import type { FetchProgress } from '../../shared/ipc/aws-fetch';
import { countBundle, generateAccount } from '../../shared/synth/generate-account';
import { makeTempDir, removeTempDir } from '../test/temp-files';
import { createLiveSession } from './live-session';
import { startFakeEcs, type FakeEcsServer } from './testing/fake-ecs-server';

// Distinctive dummy credentials in the user's credentials file: any trace of them in what the session emits is a leak.
const KEY_ID = 'AKIASESSIONLEAKCHECK';
const SECRET = 'session-secret-b41e-must-stay-in-main';
const TOKEN = 'session-token-90d3-must-stay-in-main';

const account = generateAccount({ seed: 3, clusters: 2, services: 24, tasksPerService: [1, 3] });
let server: FakeEcsServer;
let dir: string;
let files: { configFile: string; credentialsFile: string };

beforeAll(async () => {
  server = await startFakeEcs({ account, latencyMs: 2 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = makeTempDir('ecs-visualizer-session-');
  files = { configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'credentials') };
  writeFileSync(files.configFile, '[profile prod]\nregion = eu-west-1\n');
  writeFileSync(
    files.credentialsFile,
    `[prod]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\n`,
  );
});
afterEach(() => removeTempDir(dir));

describe('live session (main side of "Connect to AWS")', () => {
  it('nothing it sends towards the renderer contains the credentials (progress, profiles, the result)', async () => {
    const messages: unknown[] = [];
    const session = createLiveSession({
      configFiles: files,
      endpointUrl: server.url,
      sendProgress: (p) => messages.push(p),
      askMfaCode: async () => undefined,
      progressIntervalMs: 0,
    });
    messages.push(await session.listProfiles());
    const outcome = await session.fetch({ profile: 'prod', regions: [], clusters: [], includeStopped: true });
    messages.push(outcome);
    expect(outcome.outcome).toBe('complete');
    if (outcome.outcome !== 'complete') return;
    // The profile's credentials were really used: the endpoint saw them sign the requests.
    expect(server.authorizations.some((a) => a.includes(KEY_ID))).toBe(true);
    expect(summarize(ingest([decodeSource(outcome.source)])).counts).toEqual({
      ...countBundle(account),
      targetGroups: 0,
    });
    // What crosses IPC is structured-cloned: it must survive that, and hold no secret in any form.
    const wire = JSON.stringify(messages.map((m) => structuredClone(m)));
    expect(messages.length).toBeGreaterThan(3);
    for (const secret of [KEY_ID, SECRET, TOKEN]) expect(wire).not.toContain(secret);
    expect(JSON.stringify(session.lastSnapshot())).not.toMatch(new RegExp(`${KEY_ID}|${SECRET}|${TOKEN}`));
  });

  it('reports progress per phase, ending with every phase done', async () => {
    const progress: FetchProgress[] = [];
    const session = createLiveSession({
      configFiles: files,
      endpointUrl: server.url,
      sendProgress: (p) => progress.push(p),
      askMfaCode: async () => undefined,
      progressIntervalMs: 0,
    });
    await session.fetch({ profile: 'prod', regions: ['eu-west-1'], clusters: ['staging'], includeStopped: false });
    const last = progress.at(-1);
    expect(last?.phases.clusters).toEqual({ done: 1, total: 1, listing: false });
    expect(last?.phases.services.done).toBe(
      (account.services as { clusterArn: string }[]).filter((s) => s.clusterArn.endsWith('/staging')).length,
    );
    for (const phase of Object.values(last?.phases ?? {})) expect(phase.done).toBe(phase.total);
  });

  it('a second fetch cancels the first; cancel() settles a running fetch as cancelled', async () => {
    const slow = await startFakeEcs({ account, latencyMs: 3_000 });
    try {
      const session = createLiveSession({
        configFiles: files,
        endpointUrl: slow.url,
        sendProgress: () => undefined,
        askMfaCode: async () => undefined,
      });
      const first = session.fetch({ profile: 'prod', regions: [], clusters: [], includeStopped: false });
      await expect.poll(() => slow.inFlight()).toBeGreaterThan(0);
      session.cancel();
      await expect(first).resolves.toEqual({ outcome: 'cancelled' });
      await expect.poll(() => slow.aborted).toBeGreaterThan(0);
    } finally {
      await slow.close();
    }
  });

  it('a fetch too big to hand the window in one answer fails saying so, and Save snapshot still has it', async () => {
    const session = createLiveSession({
      configFiles: files,
      endpointUrl: server.url,
      sendProgress: () => undefined,
      askMfaCode: async () => undefined,
      maxSnapshotBytes: 1000,
    });
    const outcome = await session.fetch({ profile: 'prod', regions: [], clusters: [], includeStopped: true });
    expect(outcome).toMatchObject({
      outcome: 'failed',
      message: expect.stringMatching(
        /^the fetched account is [\d.]+ MiB as JSON, over the 0 MiB .*fetch fewer regions/,
      ),
    });
    expect(session.lastSnapshot()?.clusters?.length).toBeGreaterThan(0);
  });

  it('an unknown profile fails with a message, not an exception', async () => {
    const session = createLiveSession({
      configFiles: files,
      endpointUrl: server.url,
      sendProgress: () => undefined,
      askMfaCode: async () => undefined,
    });
    const outcome = await session.fetch({
      profile: 'nope',
      regions: ['eu-west-1'],
      clusters: [],
      includeStopped: false,
    });
    expect(outcome).toMatchObject({ outcome: 'failed', message: expect.stringContaining('"nope"') });
  });

  it('a failing credential_process: the outcome sent to the renderer has its exit status, not its command or stderr', async () => {
    const apiToken = 'ipc-api-token-1a2b3c-must-not-cross';
    const script = path.join(dir, 'creds.sh');
    writeFileSync(script, `#!/bin/sh\necho "denied for $1" >&2\nexit 5\n`, { mode: 0o755 });
    writeFileSync(
      files.configFile,
      `[profile proc]\nregion = eu-west-1\ncredential_process = ${script} --api-token=${apiToken}\n`,
    );
    const session = createLiveSession({
      configFiles: files,
      endpointUrl: server.url,
      sendProgress: () => undefined,
      askMfaCode: async () => undefined,
    });
    const outcome = await session.fetch({ profile: 'proc', regions: [], clusters: [], includeStopped: false });
    expect(outcome).toEqual({
      outcome: 'failed',
      message: `Could not get AWS credentials for profile "proc": the profile's credential_process failed (exit 5)`,
      warnings: [],
    });
    expect(JSON.stringify(outcome)).not.toMatch(new RegExp(`${apiToken}|denied for|creds\\.sh`));
  });
});
