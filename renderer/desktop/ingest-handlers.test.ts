import { describe, expect, it, vi } from 'vitest';
import type { Topology } from '../../shared/model/types';
import type { LaidOutGraph } from '../../shared/graph/types';
import { generateAccountOfSize } from '../../shared/synth/generate-account';
import { createIngestHandlers } from './ingest-handlers';
import { splitIntoParts } from './split-parts';
import { ingest } from '../../shared/ingest/index';

// The real cutting, watched: when it runs decides what the page's first frame competes with for the CPU.
vi.mock('./split-parts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./split-parts')>();
  return { ...actual, splitIntoParts: vi.fn(actual.splitIntoParts) };
});

/** A context that records pushes and keeps the after-reply work until `flush`. */
function recorder() {
  const pushes: { type: string; payload: unknown }[] = [];
  const after: (() => void)[] = [];
  return {
    pushes,
    types: () => pushes.map((p) => p.type),
    context: {
      push: (type: string, payload: unknown) => void pushes.push({ type, payload }),
      afterReply: (work: () => void) => void after.push(work),
    },
    flush: () => after.splice(0).forEach((work) => work()),
  };
}

/** Opens `text` as one picked file, runs the work after the answer, and returns the answer. */
async function openFile(
  handlers: ReturnType<typeof createIngestHandlers>,
  r: ReturnType<typeof recorder>,
  text: string,
): Promise<{ topology: Topology; load: number }> {
  const answer = (await handlers.ingest(
    { files: [{ name: 'account.json', file: new Blob([text]) }], diagnostics: [], label: 'big', savedViews: [] },
    r.context,
  )) as { topology: Topology; load: number };
  r.flush();
  return answer;
}

describe('ingest worker: what a big load waits for', () => {
  it('computes the findings only after the page has asked for the starting layout and the parts', async () => {
    const handlers = createIngestHandlers();
    const r = recorder();
    const text = JSON.stringify(generateAccountOfSize(3000));
    const answer = await openFile(handlers, r, text);
    // The first frame's messages, and nothing behind them the page's next requests would wait for.
    expect(answer.topology.arriving).toBeGreaterThan(0);
    expect(r.types()).toEqual(['legend', 'preview']);
    const layout = await handlers.prelaid({ load: answer.load }, r.context);
    r.flush();
    expect(layout).not.toBeNull();
    // The big layout's index came before it, for all of its nodes (those of the slices and of the answer).
    const indexed = r.pushes.find((p) => p.type === 'layoutIndex')?.payload as
      { load: number; index: { nodes: number } } | undefined;
    const sliced = r.pushes.filter((p) => p.type === 'layoutPart').map((p) => p.payload as { nodes: unknown[] });
    expect(indexed?.load).toBe(answer.load);
    expect(indexed?.index.nodes).toBe(
      sliced.reduce((n, p) => n + p.nodes.length, 0) + (layout as LaidOutGraph).nodes.length,
    );
    if (sliced.length > 0) expect(r.types().indexOf('layoutIndex')).toBeLessThan(r.types().indexOf('layoutPart'));
    expect(r.types()).not.toContain('findings');
    await handlers.parts({ load: answer.load }, r.context);
    expect(r.types().at(-1)).toBe('part');
    r.flush();
    // Then the findings, once, after the last part.
    expect(r.types().filter((t) => t === 'findings')).toHaveLength(1);
    expect(r.types().at(-1)).toBe('findings');
    const { findings } = r.pushes.at(-1)!.payload as { findings: Topology['findings'] };
    expect(findings?.length).toBeGreaterThan(0);
  });

  it('a load replaced before its findings ran is still what the next one is compared with', async () => {
    const handlers = createIngestHandlers();
    // Files opened, not a live fetch (a fetch time on both sides is the live session's own diff).
    const text = JSON.stringify({ ...generateAccountOfSize(3000), fetchedAt: undefined });
    const open = async () => {
      const r = recorder();
      const answer = await openFile(handlers, r, text);
      return { r, answer };
    };
    await open();
    // The same files again, before the page asked for anything of the first load.
    const second = await open();
    await handlers.parts({ load: second.answer.load }, second.r.context);
    second.r.flush();
    expect(second.r.types()).toContain('findings');
    expect(second.r.types()).toContain('reopenDiff');
  });

  it('cuts the parts only once the page has drawn the preview (its prelaid request), not while it draws', async () => {
    vi.mocked(splitIntoParts).mockClear();
    const handlers = createIngestHandlers();
    const r = recorder();
    const text = JSON.stringify(generateAccountOfSize(3000));
    const answer = await openFile(handlers, r, text);
    expect(r.types()).toEqual(['legend', 'preview']);
    // The page draws the preview meanwhile: nothing more was done in the worker's task that posted it.
    expect(splitIntoParts).not.toHaveBeenCalled();
    expect(await handlers.prelaid({ load: answer.load }, r.context)).not.toBeNull();
    expect(splitIntoParts).not.toHaveBeenCalled();
    // Cut after the layout's reply, while the page takes that in.
    r.flush();
    expect(splitIntoParts).toHaveBeenCalledTimes(1);
    await handlers.parts({ load: answer.load }, r.context);
    const tasks = r.pushes.flatMap((p) => {
      const part = p.payload as { part?: string; items?: { raw?: unknown }[] };
      return p.type === 'part' && part.part === 'tasks' ? part.items! : [];
    });
    const all = ingest([{ name: 'account.json', text }]);
    expect(tasks).toHaveLength(all.tasks.length);
    // Sent without their raw JSON, which the worker keeps for the details panel.
    expect(tasks.every((t) => t.raw === undefined)).toBe(true);
  });

  it("serves a task's raw JSON asked for before its part was cut", async () => {
    const handlers = createIngestHandlers();
    const r = recorder();
    const text = JSON.stringify(generateAccountOfSize(3000));
    const answer = await openFile(handlers, r, text);
    const task = ingest([{ name: 'account.json', text }]).tasks[11];
    const raw = await handlers.raw({ load: answer.load, objectId: task.id }, r.context);
    expect(raw).toEqual(task.raw);
    expect((raw as { taskArn?: string }).taskArn).toBe(task.arn);
  });
});
