import { constants } from 'node:fs';
import { access, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { AwsClientTuning } from '../aws/client-config';
import { fetchAccount } from '../aws/fetch';
import { checkCredentials, credentialsFor, defaultRegion } from '../aws/profiles';
import { createProgressPrinter } from '../aws/progress-text';
import { escapeTerminal, EXIT, UsageError, type CliIo } from './io';

/** Usage line of `fetch`. */
export const FETCH_USAGE =
  'ecs-visualizer fetch [--profile P] [--region R]... [--cluster C]... [--endpoint-url URL] [--include-stopped] -o SNAPSHOT.json';

/** Exit status of a fetch stopped with Ctrl-C (128 + SIGINT), as shells expect. */
export const EXIT_CANCELLED = 130;

/** Asks for an MFA code on the terminal; without one there is nobody to ask. */
async function askMfaCode(serial: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error(`an MFA code for ${serial} is needed; run in a terminal to type it`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(`MFA code for ${escapeTerminal(serial)}: `)).trim();
  } finally {
    rl.close();
  }
}

/** Options tests pass instead of the real terminal and signals. */
export interface FetchCliHooks {
  signal?: AbortSignal;
  mfaCode?: (serial: string) => Promise<string>;
  /** Shorter timeouts than the real 5 s / 30 s, so a test of an endpoint that never answers ends quickly. */
  client?: AwsClientTuning;
}

const errorCode = (err: unknown) =>
  err && typeof err === 'object' && typeof (err as { code?: unknown }).code === 'string'
    ? (err as { code: string }).code
    : String(err);

/**
 * Why `output` cannot take the snapshot, or undefined when it can: checked
 * before the fetch, so a typo in -o costs nothing but this line. The snapshot
 * is written beside it as `<output>.partial` and renamed over it.
 */
export async function outputProblem(output: string): Promise<string | undefined> {
  const path = resolve(output);
  try {
    const st = await stat(path);
    if (st.isDirectory()) return `${output} is a folder; name the snapshot file, e.g. -o ${output}/snapshot.json`;
    if (!st.isFile()) return `${output} is not a regular file`;
  } catch (err) {
    if (errorCode(err) !== 'ENOENT') return `cannot write ${output} (${errorCode(err)})`;
  }
  const folder = dirname(path);
  try {
    if (!(await stat(folder)).isDirectory()) return `cannot write ${output}: ${folder} is not a folder`;
  } catch (err) {
    return errorCode(err) === 'ENOENT'
      ? `cannot write ${output}: the folder ${folder} does not exist`
      : `cannot write ${output}: ${folder} (${errorCode(err)})`;
  }
  try {
    await access(folder, constants.W_OK);
  } catch {
    return `cannot write ${output}: the folder ${folder} is not writable`;
  }
  return undefined;
}

/**
 * `fetch`: fetch the account's ECS state with the user's AWS credentials and
 * save it as an `ecs-visualizer/v1` snapshot. Progress on stderr; exit 0 when
 * complete, 1 when a call failed (the snapshot is still written), nothing
 * could be fetched, or the snapshot could not be written; 130 when cancelled
 * (nothing written); 2 for usage, and for an -o that cannot be written
 * (found before any call). Every value from AWS or the user is printed
 * through `escapeTerminal`, one line each.
 */
export async function runFetch(args: string[], io: CliIo, hooks: FetchCliHooks = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        profile: { type: 'string' },
        region: { type: 'string', multiple: true },
        cluster: { type: 'string', multiple: true },
        'endpoint-url': { type: 'string' },
        'include-stopped': { type: 'boolean', default: false },
        output: { type: 'string', short: 'o' },
        concurrency: { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const v = parsed.values;
  if (!v.output) throw new UsageError('fetch needs -o SNAPSHOT.json');
  const output = v.output;
  const badOutput = await outputProblem(output);
  if (badOutput) {
    io.stderr(`ecs-visualizer fetch: ${escapeTerminal(badOutput)}; nothing fetched\n`);
    return EXIT.usage;
  }
  const concurrency = v.concurrency === undefined ? undefined : Number(v.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64))
    throw new UsageError('--concurrency must be a whole number from 1 to 64');
  if (v['endpoint-url'] !== undefined && !/^https?:\/\//.test(v['endpoint-url']))
    throw new UsageError('--endpoint-url must be an http:// or https:// URL');
  const profile = v.profile;
  const regions = v.region?.length
    ? [...new Set(v.region)]
    : [await defaultRegion(profile)].filter((r): r is string => Boolean(r));
  if (regions.length === 0)
    throw new UsageError(
      `no region: pass --region, or set one in ${profile ? `profile "${profile}"` : 'the default profile or AWS_REGION'}`,
    );

  const credentials = credentialsFor(profile, { mfaCode: hooks.mfaCode ?? askMfaCode });
  const check = await checkCredentials(credentials, profile);
  if (!check.ok) {
    io.stderr(`ecs-visualizer fetch: ${escapeTerminal(check.message)}\n`);
    return EXIT.inputError;
  }

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  hooks.signal?.addEventListener('abort', onSigint, { once: true });
  if (!hooks.signal) process.once('SIGINT', onSigint);
  const progress = createProgressPrinter(io.stderr, io.stderrIsTty ?? false);
  let result;
  try {
    result = await fetchAccount({
      regions,
      credentials,
      ...(v.cluster?.length ? { clusters: v.cluster } : {}),
      includeStopped: v['include-stopped'],
      ...(v['endpoint-url'] ? { endpointUrl: v['endpoint-url'] } : {}),
      ...(profile ? { profile } : {}),
      ...(concurrency ? { concurrency } : {}),
      ...(hooks.client ? { client: hooks.client } : {}),
      signal: controller.signal,
      onProgress: (p) => progress.update(p),
      tool: 'ecs-visualizer fetch',
    });
  } finally {
    progress.end();
    if (!hooks.signal) process.removeListener('SIGINT', onSigint);
  }

  for (const w of result.warnings)
    io.stderr(
      `warning: ${escapeTerminal(`${w.operation}${w.resource ? ` ${w.resource}` : ''} (${w.region}): ${w.code}: ${w.message}`)}\n`,
    );
  if (result.outcome === 'cancelled') {
    io.stderr('ecs-visualizer fetch: cancelled; nothing written\n');
    // Ctrl-C ends the process: a backoff timer the SDK started before the abort (up to 20 s) must not hold it
    // open. Unref'd, so a process with nothing left to do ends on its own first.
    if (!hooks.signal) setTimeout(() => process.exit(EXIT_CANCELLED), 200).unref();
    return EXIT_CANCELLED;
  }
  if (result.outcome === 'failed') {
    io.stderr(`ecs-visualizer fetch: ${escapeTerminal(result.message)}\n`);
    return EXIT.inputError;
  }
  const b = result.bundle;
  // Written beside the target and renamed, so an interrupted write never leaves half a snapshot under the real name.
  const partial = `${output}.partial`;
  try {
    await writeFile(partial, JSON.stringify(b) + '\n', 'utf8');
    await rename(partial, output);
  } catch (err) {
    await unlink(partial).catch(() => undefined);
    io.stderr(
      `ecs-visualizer fetch: ${escapeTerminal(`could not write ${output} (${errorCode(err)})`)}; nothing written\n`,
    );
    return EXIT.inputError;
  }
  const calls = Object.values(result.stats.calls).reduce((a, n) => a + n, 0);
  io.stdout(
    `Saved ${escapeTerminal(output)}: ${b.clusters?.length ?? 0} clusters, ${b.services?.length ?? 0} services, ${b.tasks?.length ?? 0} tasks, ${b.taskDefinitions?.length ?? 0} task definitions, ` +
      `${b.containerInstances?.length ?? 0} container instances, ${b.capacityProviders?.length ?? 0} capacity providers ` +
      `in ${(result.stats.elapsedMs / 1000).toFixed(1)} s (${calls} calls, ${result.stats.retries} retries${result.warnings.length ? `, ${result.warnings.length} warnings` : ''})\n`,
  );
  return result.warnings.length > 0 ? EXIT.inputError : EXIT.ok;
}
