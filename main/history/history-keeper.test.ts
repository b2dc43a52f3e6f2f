import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateAccount } from '../../shared/synth/generate-account';
import { createLiveSession } from '../aws/live-session';
import { startFakeEcs, type FakeEcsServer } from '../aws/testing/fake-ecs-server';
import { makeTempDir, removeTempDir } from '../test/temp-files';
import { historyKeeper, historyPaths, readHistoryCaps } from './history-keeper';
import { DEFAULT_HISTORY_CAPS, listHistory } from './history-store';

const account = generateAccount({ seed: 5, clusters: 1, services: 3, tasksPerService: [1, 2] });
let server: FakeEcsServer;
let dir: string;
let files: { configFile: string; credentialsFile: string };

beforeAll(async () => {
  server = await startFakeEcs({ account, latencyMs: 1 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = makeTempDir('ecs-visualizer-history-');
  files = { configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'credentials') };
  writeFileSync(files.configFile, '[profile prod]\nregion = eu-west-1\n');
  writeFileSync(files.credentialsFile, '[prod]\naws_access_key_id = AKIAHISTORYTEST\naws_secret_access_key = s\n');
});
afterEach(() => removeTempDir(dir));

describe('live mode keeps each fetch in the history', () => {
  it('each complete fetch is a bundle in <userData>/history, pruned by the count cap from the settings file', async () => {
    const userData = path.join(dir, 'userData');
    const { settings, dir: historyDir } = historyPaths(userData);
    const session = createLiveSession({
      configFiles: files,
      endpointUrl: server.url,
      sendProgress: () => {},
      askMfaCode: async () => undefined,
      progressIntervalMs: 0,
      keepSnapshot: historyKeeper(userData),
    });
    const request = { profile: 'prod', regions: [], clusters: [], includeStopped: true };
    expect((await session.fetch(request)).outcome).toBe('complete');
    expect(await listHistory(historyDir)).toHaveLength(1);
    writeFileSync(settings, JSON.stringify({ maxCount: 2, maxBytes: 100 * 1024 * 1024 }));
    for (let i = 0; i < 3; i += 1) expect((await session.fetch(request)).outcome).toBe('complete');
    const kept = await listHistory(historyDir);
    expect(kept).toHaveLength(2);
    // Oldest first, and the newest is the last fetch's bundle.
    expect(kept[1].fetchedAt).toBe(session.lastSnapshot()?.fetchedAt);
  });

  it('a history that cannot be written is a warning on the fetch, not a failure', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const session = createLiveSession({
      configFiles: files,
      endpointUrl: server.url,
      sendProgress: () => {},
      askMfaCode: async () => undefined,
      keepSnapshot: historyKeeper(blocker),
    });
    const outcome = await session.fetch({ profile: 'prod', regions: [], clusters: [], includeStopped: false });
    expect(outcome.outcome).toBe('complete');
    if (outcome.outcome !== 'complete') return;
    expect(outcome.warnings.map((w) => w.code)).toContain('HistoryWriteFailed');
  });

  it('a missing or invalid settings file means the default caps', async () => {
    expect(await readHistoryCaps(path.join(dir, 'missing.json'))).toEqual(DEFAULT_HISTORY_CAPS);
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ maxCount: -1, maxBytes: 'lots' }));
    expect(await readHistoryCaps(path.join(dir, 'bad.json'))).toEqual(DEFAULT_HISTORY_CAPS);
  });
});
