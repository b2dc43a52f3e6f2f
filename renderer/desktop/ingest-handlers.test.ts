import { describe, expect, it } from 'vitest';
import type { Topology } from '../../shared/model/types';
import { generateAccountOfSize } from '../../shared/synth/generate-account';
import { createIngestHandlers } from './ingest-handlers';

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

describe('ingest worker: what a big load waits for', () => {
  it('computes the findings only after the page has asked for the starting layout and the parts', async () => {
    const handlers = createIngestHandlers();
    const r = recorder();
    const text = JSON.stringify(generateAccountOfSize(3000));
    const answer = (await handlers.ingest(
      { files: [{ name: 'account.json', file: new Blob([text]) }], diagnostics: [], label: 'big', savedViews: [] },
      r.context,
    )) as { topology: Topology; load: number };
    r.flush();
    // The first frame's messages, and nothing behind them the page's next requests would wait for.
    expect(answer.topology.arriving).toBeGreaterThan(0);
    expect(r.types()).toEqual(['legend', 'preview']);
    const layout = await handlers.prelaid({ load: answer.load }, r.context);
    r.flush();
    expect(layout).not.toBeNull();
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
      const answer = (await handlers.ingest(
        { files: [{ name: 'account.json', file: new Blob([text]) }], diagnostics: [], label: 'big', savedViews: [] },
        r.context,
      )) as { load: number };
      r.flush();
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
});
