/**
 * A fake Amazon ECS endpoint for tests and benchmarks: an HTTP server on
 * 127.0.0.1 that speaks the ECS wire protocol (AWS JSON 1.1, `X-Amz-Target:
 * AmazonEC2ContainerServiceV20141113.<Operation>`) from a generated account.
 * It enforces the real page and batch limits with the real error shape, so a
 * client that over-batches fails here as it would against AWS, and it can add
 * latency, throttle with a token bucket, deny one cluster's list-services,
 * misbehave the ways a hostile or broken endpoint does (a page token that
 * never ends, no answer at all, a reset connection, an error of its choosing),
 * and tell when a client closed a request before the answer came.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle } from '../../../shared/ingest/bundle';

/** The X-Amz-Target prefix of every ECS operation. */
export const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';

/**
 * A way the endpoint misbehaves on one request: `repeat-token` answers every
 * page with the same `nextToken` (and the first page's items), `endless-token`
 * a new token each time (and no items), `hang` reads the request and never
 * answers, `reset` destroys the connection, `error` answers with that AWS error.
 */
export type FakeEcsFault =
  'repeat-token' | 'endless-token' | 'hang' | 'reset' | { error: string; message: string; status?: number };

/** Knobs of the fake endpoint. */
export interface FakeEcsOptions {
  /** The account it serves (raw describe-* objects, e.g. from `generateAccount`). */
  account: Bundle;
  /** Milliseconds an answer waits before it is sent: one for all, or per operation. */
  latencyMs?: number | ((operation: string) => number);
  /** A per-account token bucket: sustained calls a second and burst size. Off when absent. */
  throttle?: { ratePerSecond: number; burst: number };
  /** Cluster names (or ARNs) whose ListServices answers AccessDeniedException. */
  denyListServices?: string[];
  /** Called when a request arrives (after it is counted), e.g. to cancel a fetch mid-flight. */
  onRequest?: (operation: string) => void;
  /**
   * The fault of a request, if any: `nth` counts this operation's requests from 1 (throttled ones too),
   * `attempt` is the SDK's attempt number of the call (its `amz-sdk-request` header; 1 when absent).
   */
  fault?: (operation: string, input: Record<string, unknown>, nth: number, attempt: number) => FakeEcsFault | undefined;
}

/** A running fake endpoint. */
export interface FakeEcsServer {
  /** `http://127.0.0.1:<port>`, for the client's `endpoint`. */
  url: string;
  /** Requests received per operation (throttled and failed ones included). */
  calls: Record<string, number>;
  /** Requests answered with ThrottlingException, per operation. */
  throttled: Record<string, number>;
  /** Requests whose connection the client closed before the answer was sent. */
  aborted: number;
  /** Requests received and not yet answered or closed. */
  inFlight(): number;
  /** Every Authorization header seen (the client signs with the access key id given to it). */
  authorizations: string[];
  /** Total requests received. */
  totalCalls(): number;
  close(): Promise<void>;
}

type Raw = Record<string, unknown>;

/** Thrown inside a handler to answer with an AWS error (status 400 unless told). */
class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

// AWS JSON 1.1 sends timestamps as epoch seconds; the generator writes ISO strings, so convert on the way out.
function toWire(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => toWire(v));
  if (value !== null && typeof value === 'object') {
    const out: Raw = {};
    for (const [k, v] of Object.entries(value)) out[k] = toWire(v, k);
    return out;
  }
  if (typeof value === 'string' && key.endsWith('At') && /^\d{4}-\d\d-\d\dT/.test(value))
    return Date.parse(value) / 1000;
  return value;
}

const lastSegment = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

function page<T>(items: T[], input: Raw, defaultMax: number, hardMax: number): { items: T[]; nextToken?: string } {
  const max = input.maxResults === undefined ? defaultMax : Number(input.maxResults);
  if (!Number.isInteger(max) || max < 1 || max > hardMax)
    throw new AwsError('InvalidParameterException', `maxResults must be between 1 and ${hardMax}.`);
  const start =
    typeof input.nextToken === 'string' ? Number(Buffer.from(input.nextToken, 'base64').toString('utf8')) : 0;
  if (!Number.isInteger(start) || start < 0) throw new AwsError('InvalidParameterException', 'Invalid nextToken.');
  const end = start + max;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { nextToken: Buffer.from(String(end)).toString('base64') } : {}),
  };
}

function list(input: Raw, field: string, max: number, what: string): string[] {
  const v = input[field];
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw new AwsError('InvalidParameterException', `${field} must be a list of strings.`);
  if (v.length > max) throw new AwsError('InvalidParameterException', `${what} cannot have more than ${max} elements.`);
  return v as string[];
}

/** Indexes the account the way ECS looks objects up: by cluster, and by ARN or name. */
function indexAccount(account: Bundle) {
  const clusters = (account.clusters ?? []) as Raw[];
  const byCluster = <T extends Raw>(items: T[]) => {
    const m = new Map<string, T[]>();
    for (const c of clusters) m.set(c.clusterArn as string, []);
    for (const it of items) m.get(it.clusterArn as string)?.push(it);
    return m;
  };
  const instances = (account.containerInstances ?? []) as Raw[];
  // Generated container instances carry no clusterArn; their ARN names the cluster.
  const instancesByCluster = new Map<string, Raw[]>();
  for (const c of clusters)
    instancesByCluster.set(
      c.clusterArn as string,
      instances.filter((i) => (i.containerInstanceArn as string).includes(`/${c.clusterName as string}/`)),
    );
  return {
    clusters,
    services: byCluster((account.services ?? []) as Raw[]),
    tasks: byCluster((account.tasks ?? []) as Raw[]),
    instances: instancesByCluster,
    taskDefinitions: new Map(((account.taskDefinitions ?? []) as Raw[]).map((t) => [t.taskDefinitionArn as string, t])),
    capacityProviders: (account.capacityProviders ?? []) as Raw[],
  };
}

/** Starts the fake endpoint on 127.0.0.1 at a free port. */
export async function startFakeEcs(options: FakeEcsOptions): Promise<FakeEcsServer> {
  const idx = indexAccount(options.account);
  const latencyOf = (op: string) =>
    typeof options.latencyMs === 'function' ? options.latencyMs(op) : (options.latencyMs ?? 0);
  const calls: Record<string, number> = {};
  const throttled: Record<string, number> = {};
  const authorizations: string[] = [];
  let aborted = 0;
  let inFlight = 0;
  let tokens = options.throttle?.burst ?? 0;
  let refilledAt = performance.now();

  const takeToken = (): boolean => {
    const t = options.throttle;
    if (!t) return true;
    const now = performance.now();
    tokens = Math.min(t.burst, tokens + ((now - refilledAt) / 1000) * t.ratePerSecond);
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  const findCluster = (ref: unknown): Raw => {
    const name = typeof ref === 'string' && ref !== '' ? ref : 'default';
    const c = idx.clusters.find((x) => x.clusterArn === name || x.clusterName === name);
    if (!c) throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
    return c;
  };
  const denied = new Set(options.denyListServices ?? []);

  const handlers: Record<string, (input: Raw) => Raw> = {
    ListClusters: (input) => {
      const p = page(
        idx.clusters.map((c) => c.clusterArn as string),
        input,
        100,
        100,
      );
      return { clusterArns: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
    },
    DescribeClusters: (input) => {
      const refs = list(input, 'clusters', 100, 'Clusters');
      const found: Raw[] = [];
      const failures: Raw[] = [];
      for (const ref of refs.length ? refs : ['default']) {
        const c = idx.clusters.find((x) => x.clusterArn === ref || x.clusterName === ref);
        if (c) found.push(c);
        else failures.push({ arn: ref, reason: 'MISSING' });
      }
      return { clusters: found, failures };
    },
    ListServices: (input) => {
      const c = findCluster(input.cluster);
      if (denied.has(c.clusterName as string) || denied.has(c.clusterArn as string)) {
        throw new AwsError(
          'AccessDeniedException',
          `User: arn:aws:iam::210987654321:user/test is not authorized to perform: ecs:ListServices on resource: ${c.clusterArn as string} because no identity-based policy allows the ecs:ListServices action`,
        );
      }
      const p = page(
        (idx.services.get(c.clusterArn as string) ?? []).map((s) => s.serviceArn as string),
        input,
        10,
        100,
      );
      return { serviceArns: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
    },
    DescribeServices: (input) => {
      const c = findCluster(input.cluster);
      const refs = list(input, 'services', 10, 'Services');
      if (refs.length === 0) throw new AwsError('InvalidParameterException', 'Services cannot be empty.');
      const all = idx.services.get(c.clusterArn as string) ?? [];
      const found: Raw[] = [];
      const failures: Raw[] = [];
      for (const ref of refs) {
        const s = all.find((x) => x.serviceArn === ref || x.serviceName === ref);
        if (s) found.push(s);
        else failures.push({ arn: ref, reason: 'MISSING' });
      }
      return { services: found, failures };
    },
    ListTasks: (input) => {
      const c = findCluster(input.cluster);
      const desired = typeof input.desiredStatus === 'string' ? input.desiredStatus : 'RUNNING';
      let tasks = (idx.tasks.get(c.clusterArn as string) ?? []).filter((t) => t.desiredStatus === desired);
      if (typeof input.serviceName === 'string')
        tasks = tasks.filter((t) => t.group === `service:${lastSegment(input.serviceName as string)}`);
      const p = page(
        tasks.map((t) => t.taskArn as string),
        input,
        100,
        100,
      );
      return { taskArns: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
    },
    DescribeTasks: (input) => {
      const c = findCluster(input.cluster);
      const refs = list(input, 'tasks', 100, 'Tasks');
      if (refs.length === 0) throw new AwsError('InvalidParameterException', 'Tasks cannot be empty.');
      const all = idx.tasks.get(c.clusterArn as string) ?? [];
      const found: Raw[] = [];
      const failures: Raw[] = [];
      for (const ref of refs) {
        const t = all.find((x) => x.taskArn === ref || lastSegment(x.taskArn as string) === ref);
        if (t) found.push(t);
        else failures.push({ arn: ref, reason: 'MISSING' });
      }
      return { tasks: found, failures };
    },
    DescribeTaskDefinition: (input) => {
      const ref = input.taskDefinition;
      if (typeof ref !== 'string' || ref === '')
        throw new AwsError('InvalidParameterException', 'taskDefinition cannot be empty.');
      const td =
        idx.taskDefinitions.get(ref) ??
        [...idx.taskDefinitions.values()].find((t) => `${t.family as string}:${t.revision as number}` === ref);
      if (!td) throw new AwsError('ClientException', 'Unable to describe task definition.');
      return { taskDefinition: td, tags: [] };
    },
    ListContainerInstances: (input) => {
      const c = findCluster(input.cluster);
      const p = page(
        (idx.instances.get(c.clusterArn as string) ?? []).map((i) => i.containerInstanceArn as string),
        input,
        100,
        100,
      );
      return { containerInstanceArns: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
    },
    DescribeContainerInstances: (input) => {
      const c = findCluster(input.cluster);
      const refs = list(input, 'containerInstances', 100, 'ContainerInstances');
      if (refs.length === 0) throw new AwsError('InvalidParameterException', 'ContainerInstances cannot be empty.');
      const all = idx.instances.get(c.clusterArn as string) ?? [];
      const found: Raw[] = [];
      const failures: Raw[] = [];
      for (const ref of refs) {
        const i = all.find(
          (x) => x.containerInstanceArn === ref || lastSegment(x.containerInstanceArn as string) === ref,
        );
        if (i) found.push(i);
        else failures.push({ arn: ref, reason: 'MISSING' });
      }
      return { containerInstances: found, failures };
    },
    DescribeCapacityProviders: (input) => {
      const refs = list(input, 'capacityProviders', 100, 'CapacityProviders');
      const chosen = refs.length
        ? idx.capacityProviders.filter(
            (p) => refs.includes(p.name as string) || refs.includes(p.capacityProviderArn as string),
          )
        : idx.capacityProviders;
      const failures = refs
        .filter((r) => !chosen.some((p) => p.name === r || p.capacityProviderArn === r))
        .map((arn) => ({ arn, reason: 'MISSING' }));
      const p = page(chosen, input, 10, 10);
      return { capacityProviders: p.items, failures, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
    },
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': crypto.randomUUID() });
    res.end(JSON.stringify(body));
  };
  const sendError = (res: ServerResponse, e: AwsError) => send(res, e.status, { __type: e.type, message: e.message });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    let settled = false;
    const settle = () => {
      if (!settled) inFlight -= 1;
      settled = true;
    };
    res.on('finish', settle);
    // 'close' without 'finish' is the client hanging up on a request it no longer wants (an abort).
    res.on('close', () => {
      if (!res.writableFinished) aborted += 1;
      settle();
    });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const op = target.startsWith(ECS_TARGET_PREFIX) ? target.slice(ECS_TARGET_PREFIX.length) : '';
      calls[op || '(none)'] = (calls[op || '(none)'] ?? 0) + 1;
      authorizations.push(String(req.headers.authorization ?? ''));
      options.onRequest?.(op);
      const answer = (): [number, unknown] | 'hang' | 'reset' => {
        if (req.method !== 'POST') return [405, { __type: 'UnknownOperationException', message: 'POST only.' }];
        if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1'))
          return [400, { __type: 'SerializationException', message: 'Expected application/x-amz-json-1.1.' }];
        if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 '))
          return [400, { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' }];
        const handler = handlers[op];
        if (!handler) return [400, { __type: 'UnknownOperationException', message: `Unknown operation ${target}` }];
        if (!takeToken()) {
          throttled[op] = (throttled[op] ?? 0) + 1;
          return [400, { __type: 'ThrottlingException', message: 'Rate exceeded' }];
        }
        let input: Raw;
        try {
          const text = Buffer.concat(chunks).toString('utf8');
          input = (text ? JSON.parse(text) : {}) as Raw;
        } catch {
          return [400, { __type: 'SerializationException', message: 'Malformed JSON.' }];
        }
        const attempt = Number(/attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1] ?? 1);
        const fault = options.fault?.(op, input, calls[op] ?? 0, attempt);
        if (fault === 'hang' || fault === 'reset') return fault;
        if (typeof fault === 'object') return [fault.status ?? 400, { __type: fault.error, message: fault.message }];
        try {
          const out = handler(input);
          // A page token that leads nowhere new: the same one again, or a fresh one past the end each time.
          if (fault === 'repeat-token') out.nextToken = Buffer.from('0').toString('base64');
          if (fault === 'endless-token')
            out.nextToken = Buffer.from(String(1_000_000 + (calls[op] ?? 0))).toString('base64');
          return [200, toWire(out)];
        } catch (e) {
          if (e instanceof AwsError) return [e.status, { __type: e.type, message: e.message }];
          throw e;
        }
      };
      const answered = answer();
      if (answered === 'hang') return;
      if (answered === 'reset') {
        req.socket.destroy();
        return;
      }
      const [status, body] = answered;
      const reply = () =>
        status === 200
          ? send(res, status, body)
          : sendError(res, new AwsError((body as Raw).__type as string, (body as Raw).message as string, status));
      const latency = latencyOf(op);
      if (latency > 0) setTimeout(reply, latency);
      else reply();
    });
  };

  const server: Server = createServer(onRequest);
  // Loopback only: the fake must never be reachable from another machine.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    throttled,
    get aborted() {
      return aborted;
    },
    inFlight: () => inFlight,
    authorizations,
    totalCalls: () => Object.values(calls).reduce((a, b) => a + b, 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
