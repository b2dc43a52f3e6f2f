import { describe, expect, it } from 'vitest';
import { initialView } from '../../shared/graph/view';
import { generateAccountOfSize } from '../../shared/synth/generate-account';
import type { Topology } from '../../shared/model/types';
import { attachFindings } from '../../shared/findings/with-findings';
import { ingest } from '../../shared/ingest/index';
import { IngestClient } from './ingest-client';
import { createIngestHandlers } from './ingest-handlers';
import { servedInPage } from '../workers/envelope';
import { stripRaw } from './strip-raw';
import { findingWeight, FINDINGS_WEIGHT_PER_MESSAGE, LAYOUT_NODES_PER_MESSAGE } from './ingest-worker-protocol';
import { createLayoutSession } from '../../shared/layout/layout-session';
import { createWebHosts } from './pick-api';
import { keptPaint, preparePaint } from '../canvas/overview-paint';
import { indexLayout, layoutIndexFor, layoutIndexSteps } from '../canvas/layout-index';

const file = (name: string, text: string) => ({ name, file: new Blob([text], { type: 'application/json' }) });

describe('IngestClient (the ingest protocol, served on the page as jsdom has no workers)', () => {
  it('opens the demo the way it opens a picked file: raw JSON stays with the ingest, the layout is made there', async () => {
    const { api, layoutHost } = createWebHosts();
    const demo = await api.loadDemo();
    const task = demo.tasks[0];
    // Stripped for the trip to the page, as a picked file's objects are…
    expect(task.raw).toBeUndefined();
    // …and asked of the ingest that holds it.
    const raw = await layoutHost.loadRaw(demo, task.id);
    expect(raw?.taskArn).toBe(task.arn);
    const view = layoutHost.startingView(demo) ?? initialView(demo);
    const layout = await layoutHost.layOut(demo, view, view.direction);
    expect(layout.nodes.filter((n) => n.kind === 'cluster')).toHaveLength(3);
    layoutHost.dispose();
  });

  it('gives a big load in steps: the head at once, a preview, the layout, then every object in parts', async () => {
    const client = new IngestClient(null);
    const account = generateAccountOfSize(3000);
    const complete = new Promise<Topology>((resolve) => client.onLoadComplete(resolve));
    const head = await client.ingestFiles([file('account.json', JSON.stringify(account))], [], {
      label: 'account.json',
      savedViews: [],
    });
    expect(head.arriving).toBeGreaterThan(0);
    expect(head.tasks).toHaveLength(0);
    const view = client.startingView(head)!;
    expect(view).toBeDefined();
    const preview = await client.previewLayout(head, view, view.direction);
    expect(preview?.nodeCount).toBeGreaterThan(200);
    const layout = await client.layOut(head, view, view.direction);
    expect(layout.nodes.length).toBe(preview?.nodeCount);
    // Its index came with it from the ingest: already made (a step of one box would not finish one), and the
    // canvas reads it rather than making one (same answers).
    expect(layoutIndexSteps(layout, view.direction, 1)()).toBe(true);
    const everything = { x: -1e6, y: -1e6, width: 2e6, height: 2e6 };
    const kept = layoutIndexFor(layout, view.direction);
    expect(kept.query(everything)).toEqual(indexLayout(layout, view.direction).query(everything));
    expect(kept).toBe(layoutIndexFor(layout, view.direction));
    const all = await complete;
    expect(all.arriving).toBeUndefined();
    const lists = [all.services, all.taskDefinitions, all.containerInstances, all.targetGroups, all.tasks];
    expect(lists.reduce((n, list) => n + list.length, 0)).toBe(head.arriving);
    expect(all.tasks.length).toBeGreaterThan(500);
    // The complete topology is the same load: its raw JSON and other views come from the same ingest.
    expect((await client.loadRaw(all, all.tasks[7].id))?.taskArn).toBe(all.tasks[7].arn);
    const other = await client.layOut(all, { ...view, direction: view.direction === 'LR' ? 'TB' : 'LR' }, 'TB');
    expect(other.nodes.length).toBeGreaterThan(0);
    client.dispose();
  });

  it("receives a big load's layout and findings in several messages and has all of each, once", async () => {
    const text = JSON.stringify(generateAccountOfSize(40_000));
    const direct = ingest([{ name: 'account.json', text }]);
    const { findings: expected = [] } = attachFindings({ ...direct });
    const client = new IngestClient(null);
    const seen: number[] = [];
    let all: Topology | null = null;
    client.onFindings(() => seen.push(all?.findings?.length ?? -1));
    const complete = new Promise<Topology>((resolve) => client.onLoadComplete(resolve));
    const head = await client.ingestFiles([file('account.json', text)], [], { label: 'account.json', savedViews: [] });
    const view = client.startingView(head)!;
    await client.previewLayout(head, view, view.direction);
    const layout = await client.layOut(head, view, view.direction);
    const session = createLayoutSession();
    const alone = session.place(session.build(direct, { ...view, overlay: true }), view.direction);
    // More than one message's worth of each, or this proves nothing about the messages.
    expect(alone.nodes.length).toBeGreaterThan(LAYOUT_NODES_PER_MESSAGE);
    expect(expected.reduce((w, f) => w + findingWeight(f), 0)).toBeGreaterThan(FINDINGS_WEIGHT_PER_MESSAGE);
    expect(layout.nodes.map((n) => n.id)).toEqual(alone.nodes.map((n) => n.id));
    expect(layout.edges.map((e) => e.id)).toEqual(alone.edges.map((e) => e.id));
    all = await complete;
    await expect.poll(() => seen.length, { timeout: 20_000 }).toBe(1);
    expect(seen).toEqual([expected.length]);
    expect(all.findings!.map((f) => `${f.rule} ${f.objectId}`)).toEqual(expected.map((f) => `${f.rule} ${f.objectId}`));
    // Another view of the load (Placement) comes the same way: every node and edge once, in order, and the
    // overview's paint made in the worker, kept for the layout so the page does not prepare it.
    const placement = { ...view, mode: 'placement' as const };
    const switched = await client.layOut(all, placement, view.direction);
    const placedAlone = session.place(session.build(direct, { ...placement, overlay: true }), view.direction);
    expect(placedAlone.nodes.length).toBeGreaterThan(LAYOUT_NODES_PER_MESSAGE);
    expect(switched.nodes.map((n) => n.id)).toEqual(placedAlone.nodes.map((n) => n.id));
    expect(switched.edges.map((e) => e.id)).toEqual(placedAlone.edges.map((e) => e.id));
    const kept = keptPaint(switched, view.direction, true);
    expect(kept).toBeDefined();
    const onPage = preparePaint(switched, view.direction, true);
    expect(Array.from(kept!.edges)).toEqual(Array.from(onPage.edges));
    expect(kept!.buckets.map((b) => [b.fill, b.rects.length])).toEqual(
      onPage.buckets.map((b) => [b.fill, b.rects.length]),
    );
    client.dispose();
  });

  it("never gives an older load's raw JSON for a newer load's object", async () => {
    const client = new IngestClient(null);
    const first = await client.ingestFiles([file('a.json', JSON.stringify(generateAccountOfSize(60, 1)))], []);
    await client.ingestFiles([file('b.json', JSON.stringify(generateAccountOfSize(60, 2)))], []);
    expect(await client.loadRaw(first, first.tasks[0].id)).toBeUndefined();
    client.dispose();
  });

  it('draws a big load before its tasks are read, and then has exactly what a whole read gives', async () => {
    const account = generateAccountOfSize(5000) as unknown as Record<string, Record<string, unknown>[]>;
    // Services that say no launch type take their tasks': their colour changes when the tasks are read.
    const undeclared = account.services.slice(0, 40);
    for (const s of undeclared) {
      delete s.launchType;
      delete s.capacityProviderStrategy;
    }
    // Two files, as `describe-*` outputs saved apart: a task names its service from another file.
    const { tasks, taskDefinitions, containerInstances, ...rest } = account;
    const files = [
      { name: 'services.json', text: JSON.stringify(rest) },
      {
        name: 'tasks.json',
        text: JSON.stringify({
          ...rest,
          clusters: [],
          services: [],
          targetGroups: [],
          capacityProviders: [],
          tasks,
          taskDefinitions,
          containerInstances,
        }),
      },
    ];
    const direct = ingest(files);
    stripRaw(direct);
    const client = new IngestClient(servedInPage(createIngestHandlers({ stagedMinChars: 0 })));
    const complete = new Promise<Topology>((resolve) => client.onLoadComplete(resolve));
    const head = await client.ingestFiles(
      files.map((f) => file(f.name, f.text)),
      [],
      { label: 'account', savedViews: [] },
    );
    // The first answer holds no task, task definition or host, but says how many objects follow.
    expect(head.tasks).toHaveLength(0);
    expect(head.taskDefinitions).toHaveLength(0);
    const count = (t: Topology) =>
      t.services.length +
      t.taskDefinitions.length +
      t.containerInstances.length +
      t.targetGroups.length +
      t.tasks.length;
    expect(head.arriving).toBe(count(direct));
    const view = client.startingView(head)!;
    expect(view.collapsed.length).toBe(direct.services.length);
    const preview = await client.previewLayout(head, view, view.direction);
    const layout = await client.layOut(head, view, view.direction);
    const all = await complete;
    // Every object as a whole read gives it (the tasks' services know both files; their overlay is the tasks').
    const key = (d: Topology['diagnostics'][number]) => JSON.stringify(d);
    // (The findings come after, and are put on it: not part of the read.)
    expect({ ...all, findings: undefined, diagnostics: all.diagnostics.map(key).sort() }).toEqual({
      ...direct,
      diagnostics: direct.diagnostics.map(key).sort(),
    });
    const changed = all.services.filter((s) => undeclared.some((u) => u.serviceArn === s.arn));
    expect(changed.length).toBe(40);
    expect(changed.every((s) => s.overlay !== 'UNKNOWN' && s.sources.length === 2)).toBe(true);
    // The layout is the whole load's, drawn with the whole load's paint (not the first preview's).
    const session = createLayoutSession();
    const alone = session.place(session.build(direct, { ...view, overlay: true }), view.direction);
    expect(preview?.nodeCount).toBe(alone.nodes.length);
    expect(layout.nodes).toEqual(alone.nodes);
    const colours = (p: ReturnType<typeof preparePaint>) => p.buckets.map((b) => [b.fill, b.rects.length]);
    const whole = preparePaint(alone, view.direction, true);
    expect(colours(keptPaint(layout, view.direction, true)!)).toEqual(colours(whole));
    expect(colours(preview!.paint)).not.toEqual(colours(whole));
    client.dispose();
  });
});
