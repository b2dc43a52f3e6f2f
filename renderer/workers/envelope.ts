/**
 * The one envelope every Web Worker of the renderer speaks (ingest, layout).
 *
 * A worker is described by two maps: its requests (type → payload and
 * result) and its pushes (type → payload). Messages are:
 *
 * - page → worker: `{ id, type, payload }`, a request of the map;
 * - worker → page: `{ kind: 'reply', id, ok: true, value }` or
 *   `{ kind: 'reply', id, ok: false, error }`, the answer to request `id`;
 *   `{ kind: 'push', type, payload }`, something the worker sends unasked
 *   (a load's parts, its preview).
 *
 * What a message is comes from `kind` and `ok`, never from which keys it
 * happens to carry. The worker serves a `Handlers` object (`serve`); the page
 * holds a `WorkerClient`, which turns replies into promises and pushes into
 * listener calls. `servedInPage` runs the same handlers on the page's thread
 * behind the same client, for where a worker cannot start (jsdom, a blocked
 * script): one code path either way.
 */

/** What a worker answers: request type → its payload and its result. */
export type RequestMap = Record<string, { payload: unknown; result: unknown }>;

/** What a worker pushes unasked: push type → its payload. */
export type EventMap = Record<string, unknown>;

/** Page → worker: one request of map `R`. */
export type RequestMessage<R extends RequestMap> = {
  [K in keyof R & string]: { id: number; type: K; payload: R[K]['payload'] };
}[keyof R & string];

/** Worker → page: the answer to request `id`, its result or why it failed (a bug: bad input is a diagnostic). */
export type ReplyMessage =
  { kind: 'reply'; id: number; ok: true; value: unknown } | { kind: 'reply'; id: number; ok: false; error: string };

/** Worker → page: one push of map `E`. */
export type PushMessage<E extends EventMap> = {
  [K in keyof E & string]: { kind: 'push'; type: K; payload: E[K] };
}[keyof E & string];

/** Everything a worker with pushes `E` posts to the page (replies are typed where they are asked for). */
export type WorkerMessage<E extends EventMap> = ReplyMessage | PushMessage<E>;

/** A result (or push payload) to send with some of its buffers transferred rather than copied. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly buffers: Transferable[],
  ) {}
}

/** What a handler may do besides returning its result. */
export interface HandlerContext<E extends EventMap> {
  /** Posts a push now (before the reply when called while handling, after it when called from `afterReply`). */
  push<K extends keyof E & string>(type: K, payload: E[K], transfer?: Transferable[]): void;
  /**
   * Runs `work` right after the reply is posted, in the same task: for what the page can use later
   * (a layout after the topology), so the reply is not held back by it.
   */
  afterReply(work: () => void): void;
}

/** The worker's side: one function per request type of `R`, which may push events of `E`. */
export type Handlers<R extends RequestMap, E extends EventMap> = {
  [K in keyof R]: (
    payload: R[K]['payload'],
    context: HandlerContext<E>,
  ) => R[K]['result'] | Transfer<R[K]['result']> | Promise<R[K]['result'] | Transfer<R[K]['result']>>;
};

/** The worker global's part `serve` uses (`self` in a worker). */
export interface ServeScope {
  postMessage(message: unknown, options: { transfer: Transferable[] }): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** The page's end of a worker: a `Worker`, or `servedInPage`'s stand-in. */
export interface WorkerPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Answers the requests that reach `scope` with `handlers`. Call once, at the top of a worker module. */
export function serve<R extends RequestMap, E extends EventMap>(scope: ServeScope, handlers: Handlers<R, E>): void {
  const post = (message: WorkerMessage<E>, transfer: Transferable[] = []) => scope.postMessage(message, { transfer });
  scope.onmessage = async (event: MessageEvent<RequestMessage<R>>) => {
    const { id, type, payload } = event.data;
    const after: (() => void)[] = [];
    const context: HandlerContext<E> = {
      push: (t, p, transfer) => post({ kind: 'push', type: t, payload: p } as PushMessage<E>, transfer),
      afterReply: (work) => void after.push(work),
    };
    try {
      const handler = handlers[type];
      if (typeof handler !== 'function') throw new Error(`no handler for request type ${String(type)}`);
      const result: unknown = await handler(payload, context);
      if (result instanceof Transfer) post({ kind: 'reply', id, ok: true, value: result.value }, result.buffers);
      else post({ kind: 'reply', id, ok: true, value: result });
    } catch (err) {
      post({ kind: 'reply', id, ok: false, error: errorText(err) });
    }
    for (const work of after) work();
  };
}

/**
 * The page's side of a worker of requests `R` and pushes `E`: `request` gives a promise of the reply,
 * `on` listens to a push type. Holds no state outside the instance.
 */
export class WorkerClient<R extends RequestMap, E extends EventMap> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<keyof E, Set<(payload: never) => void>>();
  private readonly failureListeners = new Set<(error: Error) => void>();
  private failure: Error | null = null;

  constructor(private readonly port: WorkerPort) {
    port.onmessage = (event: MessageEvent<WorkerMessage<E>>) => this.receive(event.data);
    port.onerror = () => this.fail(new Error('worker failed'));
  }

  /** Why the worker stopped (it could not load, or threw outside a handler); null while it runs. */
  get failed(): Error | null {
    return this.failure;
  }

  /** Sends request `type` and resolves with its result (rejects with the worker's error, or when it stops). */
  request<K extends keyof R & string>(
    type: K,
    payload: R[K]['payload'],
    transfer: Transferable[] = [],
  ): Promise<R[K]['result']> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.port.postMessage({ id, type, payload } satisfies RequestMessage<R>, transfer);
    });
  }

  /** Calls `listener` with every push of `type`. Returns an unsubscribe. */
  on<K extends keyof E & string>(type: K, listener: (payload: E[K]) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** Calls `listener` once the worker stops (every pending request has been rejected by then). */
  onFailure(listener: (error: Error) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /** Stops the worker; pending requests reject. */
  dispose(): void {
    this.fail(new Error('worker disposed'));
  }

  private receive(message: WorkerMessage<E>): void {
    if (message.kind === 'push') {
      for (const listener of this.listeners.get(message.type) ?? [])
        (listener as (p: unknown) => void)(message.payload);
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(new Error(message.error));
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.port.terminate();
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      waiting.reject(error);
    }
    for (const listener of this.failureListeners) listener(error);
  }
}

/**
 * A WorkerPort that runs `handlers` on the page's thread, for where a worker cannot start. Each message is
 * delivered a task later, as a worker's would be, so callers see the same order of events; messages are
 * not cloned (nothing crosses a thread).
 */
export function servedInPage<R extends RequestMap, E extends EventMap>(handlers: Handlers<R, E>): WorkerPort {
  const scope: ServeScope = {
    postMessage: (message) => setTimeout(() => port.onmessage?.({ data: message } as MessageEvent), 0),
    onmessage: null,
  };
  const port: WorkerPort = {
    postMessage: (message) => setTimeout(() => scope.onmessage?.({ data: message } as MessageEvent), 0),
    onmessage: null,
    onerror: null,
    terminate: () => {
      scope.onmessage = null;
    },
  };
  serve(scope, handlers);
  return port;
}

/** Starts the worker `start` makes, or null where workers are unavailable or it cannot be created. */
export function startWorker(start: () => Worker): WorkerPort | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return start();
  } catch {
    return null;
  }
}
