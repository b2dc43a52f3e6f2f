/**
 * The desktop's hosts over a stand-in for the preload's bridge (main's side is tested in main/: what it reads
 * and pushes): the bytes main read are ingested in the page's ingest client, served on the page here as jsdom
 * has no workers (the same handlers the worker runs). So a desktop load behaves as a web one: raw JSON, the
 * lens, "Compare with…" and the parts of a big load all come from the ingest that holds it.
 */
import { describe, expect, it, vi } from 'vitest';
import { generateAccountOfSize } from '../../shared/synth/generate-account';
import type { OpenedSources, TopologyPushReason } from '../../shared/ipc/channels';
import { NO_KEPT_HISTORY, type DesktopBridge } from '../../shared/ipc/desktop-api';
import type { CostBridge } from '../../shared/ipc/cost-api';
import type { Topology } from '../../shared/model/types';
import { m5LargeExample } from '../../shared/cost/testing/cost-fixtures';
import digestNewServices from '../../fixtures/diff/image-digest/new/describe-services.json?raw';
import digestNewTasks from '../../fixtures/diff/image-digest/new/describe-tasks.json?raw';
import digestOldServices from '../../fixtures/diff/image-digest/old/describe-services.json?raw';
import digestOldTasks from '../../fixtures/diff/image-digest/old/describe-tasks.json?raw';
import { createWebCostApi } from '../cost/cost-host';
import { useHistoryStore } from '../history/history-store';
import { createDesktopApi } from './desktop-api';
import { IngestClient } from './ingest-client';
import { createWebHosts } from './pick-api';

/** What main answers: the files' bytes as read. */
const opened = (...sources: [string, string][]): OpenedSources => ({
  sources: sources.map(([name, text]) => ({ name, bytes: new TextEncoder().encode(text) })),
  diagnostics: [],
});

/** A stand-in for the preload: `files` is what main read; `push` sends what main opened on its own. */
function fakeBridge(files: OpenedSources) {
  let listener: ((o: OpenedSources, reason: TopologyPushReason) => void) | null = null;
  const reportError = vi.fn(async () => undefined);
  const bridge: DesktopBridge = {
    platform: 'electron',
    loadFiles: vi.fn(async () => files),
    openDialog: async () => null,
    loadDemo: async () => files,
    onFiles: (l) => {
      listener = l;
      return () => (listener = null);
    },
    fetchAws: async () => ({
      outcome: 'complete',
      source: {
        name: 'prod · eu-west-1 (live)',
        bytes: new TextEncoder().encode(JSON.stringify(generateAccountOfSize(60, 2))),
      },
      warnings: [],
      elapsedMs: 1200,
    }),
    saveFile: async () => null,
    openExternal: async () => undefined,
    onMenuCommand: () => () => undefined,
    setMenuUnavailable: async () => undefined,
    reportError,
    listAwsProfiles: async () => [],
    cancelAwsFetch: async () => undefined,
    saveAwsSnapshot: async () => null,
    onAwsProgress: () => () => undefined,
    onAwsMfaRequest: () => () => undefined,
    answerAwsMfa: async () => undefined,
    ...NO_KEPT_HISTORY,
  };
  return { bridge, reportError, push: (o: OpenedSources, reason: TopologyPushReason) => listener?.(o, reason) };
}

describe('the desktop DesktopApi: files main read, ingested in the page’s ingest worker', () => {
  it('keeps raw JSON in the ingest and compares a reopen there, with image digests read from it', async () => {
    const ingest = new IngestClient(null);
    const { bridge } = fakeBridge(
      opened(['describe-services.json', digestNewServices], ['describe-tasks.json', digestNewTasks]),
    );
    const { api, layoutHost } = createWebHosts(ingest, createDesktopApi(bridge, ingest));
    const shown = await api.loadFiles([new File(['(read in main)'], 'describe-tasks.json')]);
    expect(shown.tasks.length).toBeGreaterThan(0);
    // Nothing of the raw JSON crossed to the page; the details panel asks the ingest for it.
    expect(shown.tasks[0].raw).toBeUndefined();
    expect((await layoutHost.loadRaw(shown, shown.tasks[0].id))?.taskArn).toBe(shown.tasks[0].arn);
    // "Compare with…" on the desktop: the worker compares the load it holds (digests from its raw JSON).
    const answer = await useHistoryStore.getState().host!.compare(shown, [
      { name: 'describe-services.json', file: new Blob([digestOldServices]) },
      { name: 'describe-tasks.json', file: new Blob([digestOldTasks]) },
    ]);
    expect(answer.diff?.changed.find((c) => c.field === 'images')?.to).toBe(
      'web registry.example.com/checkout:1.25@sha256:bbbbbbbbbbbb',
    );
    layoutHost.dispose();
  });

  it('takes what main opened in order, and gives a big load first as its head, then complete', async () => {
    const ingest = new IngestClient(null);
    const { bridge, push } = fakeBridge(opened());
    const { api, layoutHost } = createWebHosts(ingest, createDesktopApi(bridge, ingest));
    const got: { topology: Topology; reason: string }[] = [];
    api.onTopology((topology, reason) => got.push({ topology, reason }));
    push(opened(['big.json', JSON.stringify(generateAccountOfSize(3000))]), 'open');
    push(opened(['big.json', JSON.stringify(generateAccountOfSize(3000, 2))]), 'reload');
    await vi.waitFor(() => expect(got.map((g) => g.reason)).toEqual(['open', 'reload']));
    const head = got[1].topology;
    expect(head.arriving).toBeGreaterThan(0);
    // The page starts with the view the worker laid out first: laying it out asks for the rest.
    const view = layoutHost.startingView(head)!;
    expect(view).toBeDefined();
    await layoutHost.layOut(head, view, view.direction);
    await vi.waitFor(() => expect(got.map((g) => g.reason)).toEqual(['open', 'reload', 'complete']));
    const all = got[2].topology;
    expect(all.arriving).toBeUndefined();
    expect(all.tasks.length).toBeGreaterThan(500);
    layoutHost.dispose();
  });

  it('gives a complete live fetch as a load of the ingest, with the view it laid out first', async () => {
    const ingest = new IngestClient(null);
    const { bridge } = fakeBridge(opened());
    const api = createDesktopApi(bridge, ingest);
    const outcome = await api.fetchAws({
      profile: 'prod',
      regions: ['eu-west-1'],
      clusters: [],
      includeStopped: false,
    });
    expect(outcome.outcome).toBe('complete');
    if (outcome.outcome !== 'complete') return;
    expect(outcome.topology.clusters.length).toBeGreaterThan(0);
    expect(outcome.topology.files.map((f) => f.name)).toEqual(['prod · eu-west-1 (live)']);
    expect(ingest.holds(outcome.topology)).toBe(true);
    expect(outcome.startingView).toEqual(ingest.startingView(outcome.topology));
    ingest.dispose();
  });

  it('prices a desktop load in the ingest, and refreshes prices through main', async () => {
    const ingest = new IngestClient(null);
    const { bridge } = fakeBridge(m5LargeFiles());
    const shown = await createDesktopApi(bridge, ingest).loadDemo();
    const refreshed = { name: 'aws-price-list-2026-12-06.json', text: '{}' };
    const main: CostBridge = {
      canRefreshPrices: true,
      refreshPrices: vi.fn(async () => refreshed),
      openPricesDialog: async () => null,
    };
    const cost = createWebCostApi(ingest, main);
    expect(cost.canRefreshPrices).toBe(true);
    expect(await cost.refreshPrices({ regions: ['us-east-1'] })).toBe(refreshed);
    const answer = await cost.costReport(shown, null);
    // Bundled m5.large: $0.096 × 730 = $70.08 a month.
    expect(answer.report.hosts[0].monthly).toBeCloseTo(70.08, 6);
    ingest.dispose();
  });

  it('says so when it cannot load what main opened, rather than failing silently', async () => {
    const ingest = new IngestClient(null);
    vi.spyOn(ingest, 'ingestFiles').mockRejectedValueOnce(new Error('worker gone'));
    const { bridge, push, reportError } = fakeBridge(opened());
    createDesktopApi(bridge, ingest).onTopology(() => undefined);
    push(opened(['a.json', '{}']), 'open');
    await vi.waitFor(() =>
      expect(reportError).toHaveBeenCalledWith({ message: 'Could not load the files main opened: worker gone' }),
    );
    ingest.dispose();
  });
});

/** m5LargeExample's objects as the describe-* files main would read (their raw JSON, one file per kind). */
function m5LargeFiles(): OpenedSources {
  const t = m5LargeExample();
  const raws = (list: { raw?: Record<string, unknown> }[]) => list.map((o) => o.raw);
  return opened(
    ['clusters.json', JSON.stringify({ clusters: raws(t.clusters), failures: [] })],
    ['services.json', JSON.stringify({ services: raws(t.services), failures: [] })],
    ['task-definitions.json', JSON.stringify({ taskDefinitions: raws(t.taskDefinitions) })],
    ['instances.json', JSON.stringify({ containerInstances: raws(t.containerInstances), failures: [] })],
    ['tasks.json', JSON.stringify({ tasks: raws(t.tasks), failures: [] })],
  );
}
