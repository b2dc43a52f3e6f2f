import { describe, expect, it, vi } from 'vitest';
import {
  serve,
  servedInPage,
  Transfer,
  WorkerClient,
  type Handlers,
  type ServeScope,
  type WorkerPort,
} from './envelope';

type Requests = {
  add: { payload: { a: number; b: number }; result: number };
  slow: { payload: { ms: number }; result: string };
  fail: { payload: null; result: null };
  bytes: { payload: { n: number }; result: ArrayBuffer };
};
type Events = {
  progress: { done: number; id: number; ok: boolean };
};

const handlers: Handlers<Requests, Events> = {
  add: ({ a, b }) => a + b,
  slow: async ({ ms }) => {
    await new Promise((r) => setTimeout(r, ms));
    return `after ${ms}`;
  },
  fail: () => {
    throw new Error('the handler broke');
  },
  bytes: ({ n }, context) => {
    context.push('progress', { done: n, id: 1, ok: true });
    const buffer = new ArrayBuffer(n);
    return new Transfer(buffer, [buffer]);
  },
};

/** A fake worker scope that records what the worker posts. */
function recordingScope() {
  const posted: { message: unknown; transfer: Transferable[] }[] = [];
  const scope: ServeScope = {
    postMessage: (message, { transfer }) => posted.push({ message, transfer }),
    onmessage: null,
  };
  return { scope, posted };
}

describe('worker envelope', () => {
  it('answers each request by its id, whatever order the answers come in', async () => {
    const client = new WorkerClient<Requests, Events>(servedInPage(handlers));
    const slow = client.request('slow', { ms: 30 });
    const fast = client.request('add', { a: 2, b: 3 });
    const order: string[] = [];
    await Promise.all([slow.then(() => order.push('slow')), fast.then(() => order.push('fast'))]);
    expect(await slow).toBe('after 30');
    expect(await fast).toBe(5);
    expect(order).toEqual(['fast', 'slow']);
  });

  it("rejects with the handler's error and keeps serving the other requests", async () => {
    const client = new WorkerClient<Requests, Events>(servedInPage(handlers));
    await expect(client.request('fail', null)).rejects.toThrow('the handler broke');
    await expect(client.request('add', { a: 1, b: 1 })).resolves.toBe(2);
  });

  it('tells a push from a reply by its kind, not its keys (a push carrying id and ok stays a push)', async () => {
    const client = new WorkerClient<Requests, Events>(servedInPage(handlers));
    const heard: Events['progress'][] = [];
    const stop = client.on('progress', (p) => heard.push(p));
    // The push has `id: 1` and `ok`, like the reply to request 1 would: it must not settle that request.
    const bytes = await client.request('bytes', { n: 8 });
    expect(bytes.byteLength).toBe(8);
    expect(heard).toEqual([{ done: 8, id: 1, ok: true }]);
    stop();
    await client.request('bytes', { n: 4 });
    expect(heard).toHaveLength(1);
  });

  it('posts replies and pushes in the envelope, transfers what a handler marks, and runs afterReply after the reply', async () => {
    const { scope, posted } = recordingScope();
    serve<Requests & { late: { payload: null; result: string } }, Events>(scope, {
      ...handlers,
      late: (_payload, context) => {
        context.afterReply(() => context.push('progress', { done: 1, id: 9, ok: false }));
        return 'first';
      },
    });
    await scope.onmessage!({ data: { id: 7, type: 'bytes', payload: { n: 16 } } } as MessageEvent);
    expect(posted[0]).toMatchObject({ message: { kind: 'push', type: 'progress' }, transfer: [] });
    expect(posted[1].message).toMatchObject({ kind: 'reply', id: 7, ok: true });
    expect(posted[1].transfer).toHaveLength(1);
    expect(posted[1].transfer[0]).toBeInstanceOf(ArrayBuffer);
    await scope.onmessage!({ data: { id: 8, type: 'late', payload: null } } as MessageEvent);
    expect(posted.slice(2).map((p) => p.message)).toEqual([
      { kind: 'reply', id: 8, ok: true, value: 'first' },
      { kind: 'push', type: 'progress', payload: { done: 1, id: 9, ok: false } },
    ]);
    await scope.onmessage!({ data: { id: 10, type: 'nope', payload: null } } as MessageEvent);
    expect(posted[4].message).toEqual({ kind: 'reply', id: 10, ok: false, error: 'no handler for request type nope' });
  });

  it('rejects what is pending when the worker stops, says so once, and refuses later requests', async () => {
    const port: WorkerPort = { postMessage: vi.fn(), onmessage: null, onerror: null, terminate: vi.fn() };
    const client = new WorkerClient<Requests, Events>(port);
    const failures: Error[] = [];
    client.onFailure((e) => failures.push(e));
    const pending = client.request('add', { a: 1, b: 2 });
    expect(port.postMessage).toHaveBeenCalledWith({ id: 1, type: 'add', payload: { a: 1, b: 2 } }, []);
    port.onerror!(new ErrorEvent('error'));
    await expect(pending).rejects.toThrow('worker failed');
    expect(failures).toHaveLength(1);
    expect(port.terminate).toHaveBeenCalled();
    expect(client.failed).not.toBeNull();
    await expect(client.request('add', { a: 1, b: 1 })).rejects.toThrow('worker failed');
  });
});
