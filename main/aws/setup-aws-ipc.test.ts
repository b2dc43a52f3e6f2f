import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AwsFetchResult, AwsInvokeChannels, AwsPushChannels, MfaCodeRequest } from '../../shared/ipc/aws-fetch';
import { awsInvokeArgSchemas } from '../../shared/ipc/aws-schemas';
import { generateAccount } from '../../shared/synth/generate-account';
import { makeTempDir, removeTempDir } from '../test/temp-files';
import { setupAwsIpc, type AwsIpcHost } from './setup-aws-ipc';
import { startFakeEcs, type FakeEcsServer } from './testing/fake-ecs-server';

const BASE = { id: 'AKIABASEIPCLEAKCHECK', secret: 'ipc-base-secret-5e1f' };
const ASSUMED = { id: 'ASIAASSUMEDIPCLEAK01', secret: 'ipc-assumed-secret-c0de', token: 'ipc-assumed-token-beef' };
const SECRETS = [BASE.id, BASE.secret, ASSUMED.id, ASSUMED.secret, ASSUMED.token];

const account = generateAccount({ seed: 9, clusters: 1, services: 12, tasksPerService: [1, 2] });
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
  dir = makeTempDir('ecs-visualizer-ipc-');
  files = { configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'credentials') };
  writeFileSync(
    files.configFile,
    '[profile admin]\nrole_arn = arn:aws:iam::210987654321:role/Viewer\nsource_profile = base\nmfa_serial = arn:aws:iam::210987654321:mfa/alice\nregion = eu-west-1\n',
  );
  writeFileSync(
    files.credentialsFile,
    `[base]\naws_access_key_id = ${BASE.id}\naws_secret_access_key = ${BASE.secret}\n`,
  );
});
afterEach(() => removeTempDir(dir));

type Handler = (arg: unknown) => Promise<unknown>;

/** A stand-in for the Electron shell: records every message that would cross IPC, validates arguments as main/ipc.ts does. */
function fakeHost() {
  const handlers = new Map<string, Handler>();
  const wire: unknown[] = [];
  const host: AwsIpcHost = {
    handle: (channel, handler) => handlers.set(channel, handler as Handler),
    push: (channel, ...args) => {
      wire.push(structuredClone({ channel, args }));
      pushed.push({ channel, args } as { channel: keyof AwsPushChannels; args: unknown[] });
    },
    saveSnapshot: async () => '/tmp/never-written.json',
  };
  const pushed: { channel: keyof AwsPushChannels; args: unknown[] }[] = [];
  const invoke = async <C extends keyof AwsInvokeChannels>(
    channel: C,
    arg: AwsInvokeChannels[C]['arg'],
  ): Promise<AwsInvokeChannels[C]['result']> => {
    const parsed = awsInvokeArgSchemas[channel].parse(arg);
    wire.push(structuredClone({ channel, arg: parsed }));
    const result = (await handlers.get(channel)?.(parsed)) as AwsInvokeChannels[C]['result'];
    wire.push(structuredClone({ channel, result }));
    return result;
  };
  return { host, invoke, wire, pushed };
}

describe('aws:* IPC', () => {
  it('MFA prompt round trip, fetch, and not one IPC message holding a credential', async () => {
    const ipc = fakeHost();
    const assumedWith: { TokenCode?: string }[] = [];
    setupAwsIpc(ipc.host, {
      configFiles: files,
      endpointUrl: server.url,
      progressIntervalMs: 0,
      roleAssumer: async (_source, params) => {
        assumedWith.push(params);
        return { accessKeyId: ASSUMED.id, secretAccessKey: ASSUMED.secret, sessionToken: ASSUMED.token };
      },
    });
    // The renderer answers the prompt as a user typing the code would.
    const answering = (async () => {
      for (;;) {
        const prompt = ipc.pushed.find((p) => p.channel === 'aws:mfa-request');
        if (prompt)
          return ipc.invoke('aws:mfa-answer', {
            requestId: (prompt.args[0] as MfaCodeRequest).requestId,
            code: '246810',
          });
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const profiles = await ipc.invoke('aws:list-profiles', undefined);
    expect(profiles.map((p) => p.name)).toEqual(['admin', 'base']);
    const outcome: AwsFetchResult = await ipc.invoke('aws:fetch', {
      profile: 'admin',
      regions: [],
      clusters: [],
      includeStopped: false,
    });
    await answering;
    expect(outcome.outcome).toBe('complete');
    expect(assumedWith).toEqual([expect.objectContaining({ TokenCode: '246810' })]);
    expect(server.authorizations.some((a) => a.includes(ASSUMED.id))).toBe(true);
    expect(ipc.pushed.some((p) => p.channel === 'aws:progress')).toBe(true);
    const text = JSON.stringify(ipc.wire);
    for (const s of SECRETS) expect(text).not.toContain(s);
  });

  it('a cancelled MFA prompt settles the fetch as cancelled', async () => {
    const ipc = fakeHost();
    setupAwsIpc(ipc.host, {
      configFiles: files,
      endpointUrl: server.url,
      roleAssumer: async () => ({ accessKeyId: ASSUMED.id, secretAccessKey: ASSUMED.secret }),
    });
    const fetching = ipc.invoke('aws:fetch', {
      profile: 'admin',
      regions: ['eu-west-1'],
      clusters: [],
      includeStopped: false,
    });
    await expect.poll(() => ipc.pushed.some((p) => p.channel === 'aws:mfa-request')).toBe(true);
    const prompt = ipc.pushed.find((p) => p.channel === 'aws:mfa-request')?.args[0] as MfaCodeRequest;
    await ipc.invoke('aws:mfa-answer', { requestId: prompt.requestId, code: null });
    await expect(fetching).resolves.toEqual({ outcome: 'cancelled' });
  });

  it('refuses malformed arguments before a handler sees them', () => {
    expect(
      awsInvokeArgSchemas['aws:fetch'].safeParse({
        profile: 'x',
        regions: ['not a region'],
        clusters: [],
        includeStopped: false,
      }).success,
    ).toBe(false);
    expect(
      awsInvokeArgSchemas['aws:fetch'].safeParse({
        regions: [],
        clusters: [],
        includeStopped: false,
        secretAccessKey: 'x',
      }).success,
    ).toBe(false);
    expect(awsInvokeArgSchemas['aws:mfa-answer'].safeParse({ requestId: 'r', code: '12ab56' }).success).toBe(false);
    expect(
      awsInvokeArgSchemas['aws:fetch'].safeParse({
        profile: 'prod',
        regions: ['eu-west-1', 'us-gov-west-1'],
        clusters: ['production'],
        includeStopped: true,
      }).success,
    ).toBe(true);
  });
});
