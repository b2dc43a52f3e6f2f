/**
 * "Compare with…" and the timeline are computed by the ingest worker's handlers (web mode), on the load it holds
 * with its raw JSON, never on the page: these drive the handlers as the worker runs them.
 */
import { describe, expect, it } from 'vitest';
import type { CompareAnswer, TimelineAnswer } from '../../shared/diff/compare-answer';
import { createIngestHandlers } from '../desktop/ingest-handlers';
import type { IngestAnswer } from '../desktop/ingest-worker-protocol';
import digestNewServices from '../../fixtures/diff/image-digest/new/describe-services.json?raw';
import digestNewTasks from '../../fixtures/diff/image-digest/new/describe-tasks.json?raw';
import digestOldServices from '../../fixtures/diff/image-digest/old/describe-services.json?raw';
import digestOldTasks from '../../fixtures/diff/image-digest/old/describe-tasks.json?raw';
import scaleUpTasks from '../../fixtures/diff/scale-up/new/describe-tasks.json?raw';
import t0930 from '../../fixtures/diff/timeline/prod-0930.json?raw';
import t1010 from '../../fixtures/diff/timeline/prod-1010.json?raw';
import t1130 from '../../fixtures/diff/timeline/prod-1130.json?raw';

const blob = (name: string, text: string) => ({ name, file: new Blob([text]) });
// The handlers here answer plainly (no Transfer): the cast only drops that case from the type.
const plain = <T>(x: unknown): T => x as T;
const context = { push: () => undefined, afterReply: () => undefined };

describe('ingest worker: compare and timeline', () => {
  it('compare: files read as OLD against the load held (NEW), image digests read from its kept raw JSON', async () => {
    const h = createIngestHandlers();
    const loaded = plain<IngestAnswer>(
      await h.ingest(
        {
          files: [blob('describe-services.json', digestNewServices), blob('describe-tasks.json', digestNewTasks)],
          diagnostics: [],
          label: 'new',
          savedViews: [],
        },
        context,
      ),
    );
    // The page gets the topology without raw: the digests exist only in the worker.
    expect(loaded.topology.tasks[0].raw).toBeUndefined();
    const answer = plain<CompareAnswer>(
      await h.compare(
        {
          load: loaded.load,
          older: [blob('describe-services.json', digestOldServices), blob('describe-tasks.json', digestOldTasks)],
        },
        context,
      ),
    );
    const images = answer.diff?.changed.find((c) => c.field === 'images');
    expect(images?.to).toBe('web registry.example.com/checkout:1.25@sha256:bbbbbbbbbbbb');
    expect(answer.changes?.counts).toEqual({ added: 2, removed: 2, changed: 1 });
  });

  it('compare refuses an OLD with an input error instead of calling everything removed', async () => {
    const h = createIngestHandlers();
    const loaded = plain<IngestAnswer>(
      await h.ingest(
        { files: [blob('describe-tasks.json', scaleUpTasks)], diagnostics: [], label: 'x', savedViews: [] },
        context,
      ),
    );
    const answer = plain<CompareAnswer>(
      await h.compare({ load: loaded.load, older: [blob('broken.json', '{"tasks": [ {"taskArn": ')] }, context),
    );
    expect(answer.diff).toBeNull();
    expect(answer.errors[0].file).toBe('broken.json');
  });

  it('timeline: bundles opened in any order come back in time order with neighbour diffs', async () => {
    const h = createIngestHandlers();
    const answer = plain<TimelineAnswer>(
      await h.timeline(
        {
          files: [blob('prod-1130.json', t1130), blob('prod-0930.json', t0930), blob('prod-1010.json', t1010)],
        },
        context,
      ),
    );
    expect(answer.steps.map((s) => s.name)).toEqual(['prod-0930.json', 'prod-1010.json', 'prod-1130.json']);
    // What ECS forgot by 11:30 stays as evidence, marked "last seen", never as current.
    const tasks = answer.evidence.filter((e) => e.kind === 'task');
    expect(tasks.map((e) => e.name).sort()).toEqual(['bbbb0001', 'bbbb0002', 'bbbb0003', 'cccc0009']);
    expect(tasks.find((e) => e.name === 'cccc0009')?.label).toBe('last seen 2026-11-28T10:10:00.000Z (STOPPED)');
    expect(tasks.find((e) => e.name === 'cccc0009')?.detail).toMatch(/^STOPPED · TaskFailedToStart · CannotPull/);
    expect(answer.evidence.filter((e) => e.kind === 'event').map((e) => e.label)).toEqual([
      'last seen 2026-11-28T10:10:00.000Z',
      'last seen 2026-11-28T09:30:00.000Z',
    ]);
    expect(answer.diffs.map((d) => d.log[0].headline.split(',')[0])).toEqual([
      'checkout: rev 41 → 42',
      'checkout: desired 3 → 4',
    ]);
  });

  it('reopening changed files of the same cluster: the worker pushes what changed since the previous load', async () => {
    const h = createIngestHandlers();
    const pushes: { type: string; payload: unknown }[] = [];
    const after: (() => void)[] = [];
    const ctx = {
      push: (type: string, payload: unknown) => void pushes.push({ type, payload }),
      afterReply: (work: () => void) => void after.push(work),
    };
    const open = async (services: string, tasks: string) => {
      await h.ingest(
        {
          files: [blob('describe-services.json', services), blob('describe-tasks.json', tasks)],
          diagnostics: [],
          label: 'files',
          savedViews: [],
        },
        ctx,
      );
      for (const work of after.splice(0)) work();
    };
    await open(digestOldServices, digestOldTasks);
    expect(pushes.filter((p) => p.type === 'reopenDiff')).toEqual([]);
    await open(digestNewServices, digestNewTasks);
    const reopen = pushes.filter((p) => p.type === 'reopenDiff');
    expect(reopen).toHaveLength(1);
    const { answer } = reopen[0].payload as { answer: CompareAnswer };
    expect(answer.diff?.log[0].headline).toMatch(/^checkout: deployment started \(rev 41\), 2 tasks replaced/);
    expect(answer.changes?.counts.removed).toBe(2);
  });
});
