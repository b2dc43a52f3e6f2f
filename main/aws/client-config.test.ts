import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { AWS_CLIENT_DEFAULTS, awsClientConfig } from './client-config';

const CREDENTIALS = { accessKeyId: 'AKIACLIENTCONFIG0001', secretAccessKey: 'client-config-secret' };

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server whose every request is answered by `reply` (or never, when it returns false); counts requests. */
async function serve(reply: (res: import('node:http').ServerResponse, n: number) => boolean) {
  let requests = 0;
  server = createServer((req, res) => {
    requests += 1;
    req.resume();
    req.on('end', () => reply(res, requests));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests: () => requests };
}

const throttle = (res: import('node:http').ServerResponse) => {
  res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
  res.end(JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }));
  return true;
};

describe('awsClientConfig', () => {
  it('the defaults are 5 s to connect and 30 s per request', () => {
    expect(AWS_CLIENT_DEFAULTS.connectionTimeoutMs).toBe(5_000);
    expect(AWS_CLIENT_DEFAULTS.requestTimeoutMs).toBe(30_000);
  });

  it('an endpoint that never answers fails with TimeoutError after the request timeout, tried 3 times in all', async () => {
    const s = await serve(() => false);
    const client = new ECSClient({
      region: 'eu-west-1',
      credentials: CREDENTIALS,
      endpoint: s.url,
      ...awsClientConfig({ requestTimeoutMs: 150 }),
    });
    const started = performance.now();
    const err = await client.send(new ListClustersCommand({})).catch((e: unknown) => e);
    client.destroy();
    expect(err).toMatchObject({ name: 'TimeoutError', $metadata: { attempts: 3 } });
    expect(s.requests()).toBe(3);
    // Three timeouts of 150 ms plus backoff, far from the 30 s default or a hang.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a throttled call is tried throttleAttempts times by the SDK and no more', async () => {
    const s = await serve(throttle);
    const client = new ECSClient({
      region: 'eu-west-1',
      credentials: CREDENTIALS,
      endpoint: s.url,
      ...awsClientConfig({ throttleAttempts: 3 }),
    });
    const err = await client.send(new ListClustersCommand({})).catch((e: unknown) => e);
    client.destroy();
    expect(err).toMatchObject({ name: 'ThrottlingException', $metadata: { attempts: 3 } });
    expect(s.requests()).toBe(3);
  }, 30_000);

  it('an abort while the SDK waits to retry a throttled call ends the call at once', async () => {
    const s = await serve(throttle);
    const client = new ECSClient({
      region: 'eu-west-1',
      credentials: CREDENTIALS,
      endpoint: s.url,
      ...awsClientConfig(),
    });
    const controller = new AbortController();
    const pending = client
      .send(new ListClustersCommand({}), { abortSignal: controller.signal })
      .catch((e: unknown) => e);
    // The first answer is a throttle: the SDK is now waiting (≥ 0 ms, up to 20 s) before the second attempt.
    await expect.poll(() => s.requests()).toBeGreaterThanOrEqual(1);
    const abortedAt = performance.now();
    controller.abort();
    const err = await pending;
    client.destroy();
    expect(performance.now() - abortedAt).toBeLessThan(200);
    expect(err).toMatchObject({ name: 'AbortError' });
  });
});
