import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from './csp';
import { APP_ENTRY_URL, createAppProtocolHandler, registerAppScheme, resolveAppFile } from './protocol';
import { FakeSession, protocol, resetFakeElectron } from './test/fake-electron';
import { makeTempDir, removeTempDir } from './test/temp-files';
import { hardenSession } from './window';

vi.mock('electron', () => import('./test/fake-electron'));

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
let root: string;

beforeEach(() => {
  resetFakeElectron();
  root = makeTempDir();
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ECS Visualizer</title>');
  writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1)');
});
afterEach(() => removeTempDir(root));

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('serves the built page with the CSP header', async () => {
    const response = await createAppProtocolHandler(root)(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>ECS Visualizer</title>');
    const script = await createAppProtocolHandler(root)(new Request('app://ecs-visualizer/assets/index.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the built renderer, nor another host', async () => {
    writeFileSync(path.join(path.dirname(root), 'secret.json'), '{}');
    const handler = createAppProtocolHandler(root);
    for (const url of [
      'app://ecs-visualizer/../secret.json',
      'app://ecs-visualizer/%2e%2e/secret.json',
      'app://ecs-visualizer/assets/..%2f..%2fsecret.json',
      'app://ecs-visualizer/%2E%2E%5Csecret.json',
      'app://other-host/index.html',
      'app://ecs-visualizer/missing.js',
    ]) {
      expect((await handler(new Request(url))).status, url).toBe(404);
    }
    expect(resolveAppFile(root, 'app://ecs-visualizer/assets/..%2f..%2fsecret.json')).toBeNull();
  });
});

describe('the Content-Security-Policy', () => {
  const directives = (policy: string): Map<string, string[]> =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name ?? '', values]),
    );

  it('allows nothing by default and scripts only from the app itself', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('names no remote host anywhere (no remote content)', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('the meta tag version is the same policy without frame-ancestors (ignored in a meta tag)', () => {
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY.startsWith(CONTENT_SECURITY_POLICY_META)).toBe(true);
  });

  it('the session adds the same policy to every app response, and leaves other responses alone', () => {
    const session = new FakeSession();
    hardenSession(session as never, log);
    const answer = (url: string): unknown => {
      const callback = vi.fn();
      session.headersReceived?.({ url, responseHeaders: { 'X-Test': ['1'] } }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(answer(APP_ENTRY_URL)).toEqual({
      responseHeaders: { 'X-Test': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(answer('devtools://devtools/bundled/index.html')).toEqual({});
  });
});
