/**
 * Wires the live session to IPC: the `aws:*` invoke handlers, progress and
 * MFA prompts pushed to the renderer, MFA answers matched to their prompt.
 * It takes the shell's typed `handle()` and push function instead of Electron
 * itself, so the shell registers it from `onReady()` and tests drive it
 * without a window.
 */
import { randomUUID } from 'node:crypto';
import type { Bundle } from '../../shared/ingest/bundle';
import type { AwsInvokeChannels, AwsPushChannels } from '../../shared/ipc/aws-fetch';
import { createLiveSession, type LiveSession, type LiveSessionDeps } from './live-session';

/** What the shell provides: its `handle()` (sender check and schema validation included) and a push to the window. */
export interface AwsIpcHost {
  handle<C extends keyof AwsInvokeChannels>(
    channel: C,
    handler: (arg: AwsInvokeChannels[C]['arg']) => Promise<AwsInvokeChannels[C]['result']>,
  ): void;
  push<C extends keyof AwsPushChannels>(channel: C, ...args: AwsPushChannels[C]): void;
  /** Shows the save dialog and writes the snapshot; the path, or null when the user cancelled. */
  saveSnapshot(bundle: Bundle): Promise<string | null>;
}

// An unanswered prompt gives up after this long, so a closed dialog never leaves a fetch hanging.
const MFA_TIMEOUT_MS = 5 * 60_000;

/** Registers the `aws:*` channels and returns the session behind them. */
export function setupAwsIpc(
  host: AwsIpcHost,
  options: Pick<
    LiveSessionDeps,
    'configFiles' | 'endpointUrl' | 'progressIntervalMs' | 'roleAssumer' | 'keepSnapshot'
  > = {},
): LiveSession {
  const prompts = new Map<string, (code: string | undefined) => void>();
  const session = createLiveSession({
    ...options,
    sendProgress: (p) => host.push('aws:progress', p),
    askMfaCode: ({ profile, serial }) =>
      new Promise((resolve) => {
        const requestId = randomUUID();
        const timer = setTimeout(() => finish(undefined), MFA_TIMEOUT_MS);
        const finish = (code: string | undefined) => {
          clearTimeout(timer);
          prompts.delete(requestId);
          resolve(code);
        };
        prompts.set(requestId, finish);
        host.push('aws:mfa-request', { requestId, profile, serial });
      }),
  });
  host.handle('aws:list-profiles', () => session.listProfiles());
  host.handle('aws:fetch', (request) => session.fetch(request));
  host.handle('aws:cancel', async () => {
    session.cancel();
    // A prompt open for the cancelled fetch is answered "cancelled" too.
    for (const finish of [...prompts.values()]) finish(undefined);
  });
  host.handle('aws:mfa-answer', async ({ requestId, code }) => {
    prompts.get(requestId)?.(code ?? undefined);
  });
  host.handle('aws:save-snapshot', async () => {
    const bundle = session.lastSnapshot();
    return bundle ? host.saveSnapshot(bundle) : null;
  });
  return session;
}
