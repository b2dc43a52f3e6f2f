import { ENTITY_KIND_LABELS, type Diagnostic, type LoadedFile, type Topology } from '../model/types';
import { parseJson, pathLocator, formatPath, recoverJson, type Position } from './parse-json';
import { capDepth, MAX_JSON_DEPTH, type DepthCut } from './depth-cap';
import { detect, type Detection, type RecordKind } from './detect';
import { stripBom } from './decode';
import {
  capacityProviderSchema,
  clusterSchema,
  containerInstanceSchema,
  failureSchema,
  serviceSchema,
  targetGroupSchema,
  taskDefinitionSchema,
  taskSchema,
  taskSetSchema,
  validateRecord,
  type RawTaskSet,
} from './schemas';
import { identify, identifyTaskSet, type RecordIdentity } from './identify';
import { buildTopology, LINKED_LAST, linkInStages, type Collected, type LooseTaskSet, type MergedRecord } from './link';
import { CaptureTimes, movingTime, taskSetMovingTime } from './capture-times';
import { serviceOfGroup } from './task-group';

/** One input: a file name (as shown in diagnostics) and its decoded text. */
export interface SourceText {
  name: string;
  text: string;
}

/** One input as read, before decoding (`decodeText`: UTF-8, or UTF-16 by its byte order mark). */
export interface SourceBytes {
  name: string;
  bytes: Uint8Array;
}

/** Options of `ingest`. */
export interface IngestOptions {
  /** Diagnostics the reader already has (files refused from their size, files skipped); listed first. */
  diagnostics?: Diagnostic[];
  /** When given, filled with where each described object first appears (the findings' `check` cites it). */
  positions?: Map<string, ObjectPosition>;
}

/** Where an object was described: its file and, where known, the line and column of its JSON object. */
export interface ObjectPosition extends Partial<Position> {
  file: string;
}

const SCHEMAS = {
  cluster: clusterSchema,
  service: serviceSchema,
  task: taskSchema,
  taskDefinition: taskDefinitionSchema,
  containerInstance: containerInstanceSchema,
  capacityProvider: capacityProviderSchema,
  targetGroup: targetGroupSchema,
} as const;

/** Accumulates what all files described, merged by canonical id. */
class Collector {
  readonly diagnostics: Diagnostic[] = [];
  readonly files: LoadedFile[] = [];
  readonly merged = new Map<string, MergedRecord>();
  readonly listed: { arn: string; file: string }[] = [];
  readonly taskSets: LooseTaskSet[] = [];
  readonly captureTimes = new CaptureTimes();
  fetchedAt: string | undefined;
  positions: Map<string, ObjectPosition> | undefined;
  /**
   * Set by `ingestInStages`: each file's records of the kinds linked last (LINKED_LAST: tasks, task definitions,
   * hosts) and its closing diagnostics, which count them, are left here as work for `rest`, instead of read with
   * the rest of the file.
   */
  later: (() => void)[] | null = null;
  /** How many records that work holds, and how many of them are tasks. */
  laterRecords = 0;
  laterTasks = 0;
  /** The services those tasks name (`group` "service:<name>"), and whether any names none (a standalone task). */
  readonly laterServiceNames = new Set<string>();
  laterStandalone = false;

  /** Counts a task record left for later and the service it names, unvalidated (a wrong guess only costs the early frame). */
  seeLaterTask(raw: Record<string, unknown>): void {
    this.laterTasks += 1;
    const service = serviceOfGroup(raw.group);
    if (service !== null) this.laterServiceNames.add(service);
    else this.laterStandalone = true;
  }

  // One `[file]` array per file, shared by every object described only there (copied when a second file
  // describes it): tens of thousands of one-element arrays were garbage to collect here and on the page.
  private readonly single = new Map<string, string[]>();
  private onlyIn(file: string): string[] {
    let list = this.single.get(file);
    if (!list) this.single.set(file, (list = [file]));
    return list;
  }

  add(kind: RecordKind, identity: RecordIdentity, raw: Record<string, unknown>, file: string, recovered = false): void {
    // Canonical ids start with their kind (`task|…`), so the id alone is the key.
    const prev = this.merged.get(identity.id);
    if (!prev) {
      // No conditional spread: V8 builds such a literal through a slow generic copy, once per object of a load.
      const record: MergedRecord = { kind, identity, raw, sources: this.onlyIn(file) };
      if (recovered) record.recoveredFrom = [file];
      this.merged.set(identity.id, record);
      return;
    }
    if (recovered) prev.recoveredFrom = [...(prev.recoveredFrom ?? []), file];
    // The same object in two files is one object. The newer describe wins: ECS bumps a task's `version`
    // on every state change; without versions, the file given later wins.
    const older =
      typeof raw.version === 'number' && typeof prev.raw.version === 'number' && raw.version < prev.raw.version;
    prev.raw = older ? { ...raw, ...prev.raw } : { ...prev.raw, ...raw };
    if (identity.arn && (!prev.identity.arn || identity.arn.length > prev.identity.arn.length))
      prev.identity = { ...prev.identity, arn: identity.arn };
    if (!prev.identity.clusterName && identity.clusterName)
      prev.identity = { ...prev.identity, clusterName: identity.clusterName };
    if (!prev.sources.includes(file)) prev.sources = [...prev.sources, file];
  }
}

function readOne(c: Collector, source: SourceText): void {
  const file = source.name;
  const text = stripBom(source.text);
  if (text.trim().length === 0) {
    c.files.push({ name: file, shapes: [] });
    c.diagnostics.push({ severity: 'error', code: 'empty', message: 'file is empty', file });
    return;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    c.diagnostics.push({ severity: 'error', code: 'json-syntax', message: parsed.message, file, ...parsed.position });
    readBroken(c, file, text);
    return;
  }
  const locate = pathLocator(text);
  reportDepthCut(c, file, capDepth(parsed.value), locate);
  const found = detect(parsed.value);
  c.files.push({ name: file, shapes: found.shapes });
  if (found.error) {
    c.diagnostics.push({ severity: 'error', code: found.error.code, message: found.error.message, file });
    return;
  }
  readFound(c, file, found, locate, false);
}

/** One warning per value cut off below MAX_JSON_DEPTH (the first 10, then a count), so the rest of the file loads. */
function reportDepthCut(
  c: Collector,
  file: string,
  cut: DepthCut,
  locate: (path: (string | number)[]) => Position | undefined,
): void {
  for (const p of cut.paths.slice(0, 10))
    c.diagnostics.push({
      severity: 'warning',
      code: 'too-deep',
      message: `value nested deeper than ${MAX_JSON_DEPTH} levels dropped (no AWS output nests so deep); the rest of the file loads`,
      file,
      path: formatPath(p),
      ...locate(p),
    });
  if (cut.paths.length > 10)
    c.diagnostics.push({
      severity: 'warning',
      code: 'too-deep',
      message: `${cut.paths.length - 10} more values nested deeper than ${MAX_JSON_DEPTH} levels dropped`,
      file,
    });
}

/**
 * A file JSON.parse refused keeps its error, and gives back the objects whose only defects are missing or
 * trailing commas, each marked recovered. An object with any other defect inside (cut short, `...` for elided
 * fields, a missing value) is dropped whole, with a warning: a field of it would be a guess.
 */
function readBroken(c: Collector, file: string, text: string): void {
  const recovered = recoverJson(text);
  const found = recovered ? detect(recovered.value) : undefined;
  if (!recovered || !found || found.error || (found.records.length === 0 && found.taskSets.length === 0)) {
    c.files.push({ name: file, shapes: [] });
    return;
  }
  c.files.push({ name: file, shapes: found.shapes });
  const whole = <T extends { path: (string | number)[] }>(items: T[], what: (item: T) => string): T[] =>
    items.filter((item) => {
      if (!recovered.damaged(item.path)) return true;
      c.diagnostics.push({
        severity: 'warning',
        code: 'damaged-object',
        message: `${what(item)} at ${formatPath(item.path)} not loaded: the broken file cuts it short or leaves a gap in it, and none of its fields is guessed`,
        file,
        path: formatPath(item.path),
        ...recovered.locate(item.path),
      });
      return false;
    });
  const kept: Detection = {
    ...found,
    records: whole(found.records, (r) => ENTITY_KIND_LABELS[r.kind]),
    taskSets: whole(found.taskSets, () => 'task set'),
    listed: found.listed.filter((l) => !recovered.damaged(l.path)),
    failures: found.failures.filter((f) => !recovered.damaged(f.path)),
  };
  const n = kept.records.length + kept.taskSets.length;
  if (n > 0)
    c.diagnostics.push({
      severity: 'warning',
      code: 'recovered',
      message: `${n} object${n === 1 ? '' : 's'} read from this broken file all the same (only commas missing or extra), each marked "recovered"`,
      file,
    });
  readFound(c, file, kept, recovered.locate, true);
}

/** Validates, identifies and collects what a file was found to hold. */
function readFound(
  c: Collector,
  file: string,
  found: Detection,
  locate: (path: (string | number)[]) => Position | undefined,
  recovered: boolean,
): void {
  if (found.fetchedAt && (!c.fetchedAt || found.fetchedAt > c.fetchedAt)) c.fetchedAt = found.fetchedAt;
  c.captureTimes.see(file, found.fetchedAt);

  const at = (path: (string | number)[]): { path: string } & Partial<Position> => ({
    path: formatPath(path),
    ...locate(path),
  });

  let unwrapped = 0;
  const validate = (
    schema: (typeof SCHEMAS)[keyof typeof SCHEMAS] | typeof taskSetSchema,
    path: (string | number)[],
    raw: Record<string, unknown>,
  ) => {
    const result = validateRecord(schema, raw);
    unwrapped += result.unwrapped;
    for (const d of result.dropped) {
      const where = at([...path, ...d.path]);
      c.diagnostics.push({
        severity: 'warning',
        code: 'wrong-type',
        message: `${where.path} dropped: ${d.message}`,
        file,
        ...where,
      });
    }
    return result.value;
  };

  const read = (record: Detection['records'][number]) => {
    const value = validate(SCHEMAS[record.kind], record.path, record.raw);
    c.captureTimes.see(file, movingTime(record.kind, value));
    const identity = identify(record.kind, value);
    if ('problem' in identity) {
      c.diagnostics.push({
        severity: 'warning',
        code: 'missing-id',
        message: identity.problem,
        file,
        ...at(record.path),
      });
      return;
    }
    for (const w of identity.warnings) {
      c.diagnostics.push({
        severity: 'warning',
        code: 'inconsistent-reference',
        message: w,
        file,
        objectId: identity.id,
        ...at(record.path),
      });
    }
    c.add(record.kind, identity, record.raw, file, recovered);
    if (c.positions && !c.positions.has(identity.id)) c.positions.set(identity.id, { file, ...locate(record.path) });
  };
  const deferred: Detection['records'] = [];
  for (const record of found.records) {
    if (c.later && LINKED_LAST.has(record.kind)) {
      deferred.push(record);
      if (record.kind === 'task') c.seeLaterTask(record.raw);
    } else read(record);
  }

  for (const ts of found.taskSets) {
    const value = validate(taskSetSchema, ts.path, ts.raw) as RawTaskSet;
    c.captureTimes.see(file, taskSetMovingTime(value));
    const owner = identifyTaskSet(value);
    if ('problem' in owner) {
      c.diagnostics.push({ severity: 'warning', code: 'missing-id', message: owner.problem, file, ...at(ts.path) });
      continue;
    }
    c.taskSets.push({ owner, raw: value, file, ...(recovered ? { recovered } : {}) });
  }

  // What counts every record: after the tasks, now or (staged) in `rest`.
  const close = () => {
    for (const record of deferred) read(record);
    closeFile(c, file, found, at, unwrapped);
  };
  if (c.later) {
    c.laterRecords += deferred.length;
    c.later.push(close);
  } else close();
}

/** A file's closing diagnostics: how it was written, its list-* ARNs and the failures AWS reported in it. */
function closeFile(
  c: Collector,
  file: string,
  found: Detection,
  at: (path: (string | number)[]) => { path: string } & Partial<Position>,
  unwrapped: number,
): void {
  if (found.pascalCase)
    c.diagnostics.push({
      severity: 'info',
      code: 'sdk-pascal-case',
      message: 'keys written in PascalCase (an AWS SDK for .NET dump) read as the API names them (TaskArn as taskArn)',
      file,
    });
  if (unwrapped > 0)
    c.diagnostics.push({
      severity: 'info',
      code: 'sdk-enum-unwrapped',
      message: `${unwrapped} value${unwrapped === 1 ? '' : 's'} written as {"Value": "…"} (an AWS SDK for .NET or Java dump) read as plain text`,
      file,
    });

  for (const l of found.listed) c.listed.push({ arn: l.arn, file });

  for (const f of found.failures) {
    const obj =
      f.raw !== null && typeof f.raw === 'object' && !Array.isArray(f.raw) ? (f.raw as Record<string, unknown>) : {};
    const { value } = validateRecord(failureSchema, { ...obj });
    const what = [value.reason ?? 'failure', value.arn, value.detail ? `(${value.detail})` : undefined]
      .filter(Boolean)
      .join(' ');
    c.diagnostics.push({
      severity: 'warning',
      code: 'failure',
      message: `AWS reported a failure: ${what}`,
      file,
      ...at(f.path),
    });
  }
}

/**
 * Turns named texts (describe-* outputs, list-* outputs, task definitions,
 * target groups, bundles) into one linked `Topology` with diagnostics. Pure,
 * no I/O, never throws: a bad file is a diagnostic and the rest still loads.
 */
export function ingest(sources: SourceText[], options: IngestOptions = {}): Topology {
  const c = collect(sources, options, false);
  closeLoad(c);
  return buildTopology(collected(c));
}

/** `ingest` in two steps: what the hierarchy draws, before the tasks are read, then the whole load. */
export interface StagedIngest {
  /**
   * Every object but the tasks, task definitions and hosts, linked (see link.ts `LinkStages.head`): no
   * placeholder only they refer to, each service's overlay said without its tasks, and only the diagnostics
   * found so far. Its services are objects `rest` completes (their overlay is set again).
   */
  head: Topology;
  /** The task records the files hold (before the same task in two files is merged). */
  taskRecords: number;
  /** The records `rest` reads: those tasks, the task definitions and the hosts. */
  laterRecords: number;
  /**
   * Whether every one of those tasks names a service of the head (by name, as `group` "service:<name>"): then
   * the tasks add no box of their own to a hierarchy whose services are collapsed (standalone tasks are boxes,
   * and a service only tasks name is a placeholder, drawn open).
   */
  tasksInHeadServices: boolean;
  /**
   * Reads and links the rest: exactly what `ingest` gives for the same input, diagnostics in another order. Once.
   * `read`, when given, is called between the reading (validation, about half the time) and the linking, which
   * changes no field of the head's objects but the services' overlay and files (see link.ts `LinkStages`).
   */
  rest(read?: () => void): Topology;
}

/**
 * `ingest` with the tasks, task definitions and hosts (LINKED_LAST: ~75% of a big account's records, most of
 * the time it takes) read last, so a big load's first frame can be drawn from `head` while they are. Never
 * throws, as `ingest`.
 */
export function ingestInStages(sources: SourceText[], options: IngestOptions = {}): StagedIngest {
  const c = collect(sources, options, true);
  const link = linkInStages(collected(c));
  const head = link.head();
  const names = new Set(head.services.map((s) => s.name));
  let named = !c.laterStandalone;
  for (const name of c.laterServiceNames) if (!names.has(name)) named = false;
  return {
    head,
    taskRecords: c.laterTasks,
    laterRecords: c.laterRecords,
    tasksInHeadServices: named,
    rest: (read) => {
      for (const [i, close] of (c.later ?? []).entries()) guarded(c, sources[i]?.name ?? '?', close);
      c.later = [];
      closeLoad(c);
      read?.();
      return link.finish(collected(c));
    },
  };
}

/** Reads every source into a collector (staged: leaving each file's tasks in `later`). */
function collect(sources: SourceText[], options: IngestOptions, staged: boolean): Collector {
  const c = new Collector();
  c.positions = options.positions;
  c.diagnostics.push(...(options.diagnostics ?? []));
  for (const source of sources) {
    const before = c.later?.length ?? 0;
    if (staged) c.later ??= [];
    guarded(c, source.name, () => readOne(c, source));
    // One entry per source, so `rest` names the right file when one fails.
    if (c.later && c.later.length === before) c.later.push(() => undefined);
  }
  return c;
}

/** Runs `work` on one file; a throw is an internal-error diagnostic on that file, and the other files still load. */
function guarded(c: Collector, file: string, work: () => void): void {
  try {
    work();
  } catch (err) {
    // A bug, not bad input: keep it visible without losing the other files.
    c.diagnostics.push({
      severity: 'error',
      code: 'internal',
      message: `could not be loaded (internal error: ${err instanceof Error ? err.message : String(err)})`,
      file,
    });
  }
}

/** The diagnostic about the whole load (files captured at different times). */
function closeLoad(c: Collector): void {
  const mixed = c.captureTimes.diagnostic();
  if (mixed) c.diagnostics.push(mixed);
}

/** What the collector gathered, as the linker takes it. */
function collected(c: Collector): Collected {
  return {
    merged: [...c.merged.values()],
    listed: c.listed,
    taskSets: c.taskSets,
    diagnostics: c.diagnostics,
    files: c.files,
    fetchedAt: c.fetchedAt,
  };
}

export { summarize, type InspectSummary } from './summary';
export { checkFileSize, skippedFileDiagnostic, isJsonFileName, MAX_FILE_BYTES } from './limits';
export { decodeText } from './decode';
