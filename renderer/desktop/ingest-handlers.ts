/**
 * What the ingest worker does (web mode and the desktop), as handlers of the
 * ingest protocol: it reads the picked files (or decodes the bytes the
 * desktop's main read) and runs the whole ingest (JSON parse,
 * validation, linking) off the UI thread, so a 100 MB describe-tasks file
 * does not freeze the page while it parses. It keeps the last load's raw AWS
 * JSON and sends the page the topology without it: `raw` is as big as the
 * input, and cloning it to the page was the longest main-thread task of an
 * open. The details panel asks for one object's JSON when it shows it. It
 * also builds and lays out the graph of the load it holds, so that topology
 * is never cloned back to a layout worker: the first layout in the same go
 * as the ingest, for the view the page starts with. The page gets that
 * layout's preview first (what the overview canvas paints) and the layout
 * itself when it has drawn; a big load's objects follow in parts, so the
 * page draws before it has them all and no message stalls it. A big load whose
 * first view collapses every service is answered, laid out and drawn before its
 * tasks are even read (`answerBeforeTasks`). What the page
 * can use later (the load's findings, the reopen diff) waits until the page has
 * asked for the starting layout and the parts: it is over 100 ms of work on a
 * big load, and run right after the answer it held those requests back (and,
 * arriving before the first frame was drawn, delayed it on the page).
 */
import { initialView } from '../../shared/graph/view';
import { filtersActive } from '../../shared/graph/filters';
import { ingest, ingestInStages, type SourceText, type StagedIngest } from '../../shared/ingest/index';
import { attachFindings } from '../../shared/findings/with-findings';
import { createLayoutSession } from '../../shared/layout/layout-session';
import type { LaidOutGraph } from '../../shared/graph/types';
import type { LayoutPreview } from '../canvas/overview-types';
import type { Direction, ViewState } from '../../shared/graph/view';
import type { Diagnostic, Service, Topology } from '../../shared/model/types';
import { LARGE_DIAGRAM_NODES } from '../canvas/level-of-detail';
import { layoutIndexBuffers, layoutIndexData } from '../canvas/layout-index';
import { paintBuffers, preparePaint } from '../canvas/overview-paint';
import { viewKey } from '../store/view-persistence';
import type { HandlerContext, Handlers } from '../workers/envelope';
import { readBlobs } from './read-blobs';
import { HEAD_LISTS, RAW_LISTS, stripRaw } from './strip-raw';
import {
  findingWeight,
  FINDINGS_WEIGHT_PER_MESSAGE,
  LAYOUT_NODES_PER_MESSAGE,
  PART_LISTS,
  type IngestEvents,
  type IngestPart,
  type IngestPayload,
  type IngestRequests,
  type ServicesSince,
} from './ingest-worker-protocol';
import { sendSlim, sendsInParts, splitIntoParts } from './split-parts';
import { costAnswer } from '../../shared/cost/cost-request';
import { withRaw } from './with-raw';
import { compareAnswer, timelineAnswer } from '../../shared/diff/compare-answer';
import { isReopenOfSameScope } from '../../shared/diff/refresh-diff';

/** The previous load is kept (with its raw JSON) for the reopen diff only up to this many objects. */
const KEEP_PREVIOUS_OBJECTS = 50_000;

/**
 * The view the page's store will pick for this load: the one saved for this input, else the initial one (for a
 * load whose tasks are still to be read, `tasks` says how many records there are: the initial view counts them).
 */
function startingViewOf(
  loaded: Topology,
  label: string,
  savedViews: IngestPayload['savedViews'],
  tasks: { length: number } = loaded.tasks,
): ViewState {
  const key = viewKey(loaded, label);
  return savedViews.find((s) => s.key === key)?.view ?? initialView({ tasks, services: loaded.services });
}

/**
 * Below this much text a load is read whole before anything is sent (a staged read lists its diagnostics in
 * another order and saves nothing a user sees): the 5,000-node synthetic account is 3.8 MB, the 20,000-node one
 * 15 MB.
 */
export const STAGED_MIN_CHARS = 4_000_000;

/**
 * Whether a load's first frame can be drawn from its head (all but the tasks, task definitions and hosts, see
 * `ingestInStages`): the starting view is the hierarchy with every service collapsed and no filter, and every
 * task names a service of the head, so the rest changes the colours of what is drawn (and the legend), not where
 * it is. (Should it all the same, a task naming a same-named service of another cluster, the layout comes with
 * another size and the page fits it again.)
 */
function drawsBeforeTasks(staged: StagedIngest, view: ViewState): boolean {
  if (staged.taskRecords === 0 || staged.head.services.length === 0 || !staged.tasksInHeadServices) return false;
  if ((view.mode ?? 'hierarchy') !== 'hierarchy' || filtersActive(view.filters)) return false;
  const collapsed = new Set(view.collapsed);
  return staged.head.services.every((s) => collapsed.has(s.id));
}

/** `load` (with its raw JSON) kept for the next load's reopen diff, when it is small enough to keep. */
function keptAsPrevious(load: Topology): Topology | null {
  const objects = load.tasks.length + load.services.length + load.containerInstances.length;
  return objects <= KEEP_PREVIOUS_OBJECTS ? load : null;
}

/**
 * Sends all but the last LAYOUT_NODES_PER_MESSAGE nodes and edges of `layout` as `layoutPart` pushes, ahead of the
 * answer, and returns the layout with the rest: no one message takes the page long to receive.
 */
function inSlices(
  layout: LaidOutGraph,
  load: number,
  direction: Direction,
  context: HandlerContext<IngestEvents>,
): LaidOutGraph {
  // A big layout's index first (what the canvas reads to pick the cards near the screen), then its slices.
  if (layout.nodes.length > LARGE_DIAGRAM_NODES) {
    const index = layoutIndexData(layout, direction);
    context.push('layoutIndex', { load, index }, layoutIndexBuffers(index));
  }
  const step = LAYOUT_NODES_PER_MESSAGE;
  const parts = Math.ceil(Math.max(layout.nodes.length, layout.edges.length) / step);
  for (let k = 0; k < parts - 1; k++)
    context.push('layoutPart', {
      load,
      nodes: layout.nodes.slice(k * step, (k + 1) * step),
      edges: layout.edges.slice(k * step, (k + 1) * step),
    });
  const from = Math.max(0, parts - 1) * step;
  return { ...layout, nodes: layout.nodes.slice(from), edges: layout.edges.slice(from) };
}

/** The `preview` push of `layout` (what the overview canvas paints far out: its buffers transferred). */
function previewOf(layout: LaidOutGraph, view: ViewState, load: number): Push<'preview'> {
  const paint = preparePaint(layout, view.direction, view.overlay);
  const preview: LayoutPreview = {
    width: layout.width,
    height: layout.height,
    nodeCount: layout.nodes.length,
    direction: view.direction,
    overlayOn: view.overlay,
    paint,
  };
  return ['preview', { preview, load }, paintBuffers(paint)];
}

/** A push's arguments to `context.push`. */
type Push<K extends keyof IngestEvents> = [K, IngestEvents[K], Transferable[]];

/** The services whose overlay or files are no longer what they were sent as (`sentAs`, in the same order). */
function servicesChanged(
  services: Service[],
  sentAs: (readonly [Service['overlay'], string[]])[],
): NonNullable<ServicesSince['changed']> {
  const changed: NonNullable<ServicesSince['changed']> = [];
  services.forEach((s, i) => {
    if (s.overlay !== sentAs[i][0] || s.sources !== sentAs[i][1])
      changed.push({ id: s.id, overlay: s.overlay, sources: s.sources });
  });
  return changed;
}

/** How many characters the sources hold. */
function textLength(sources: SourceText[]): number {
  let n = 0;
  for (const s of sources) n += s.text.length;
  return n;
}

/**
 * The ingest protocol's handlers, with the load they hold (one worker, or the page when none can start).
 * `stagedMinChars`: see STAGED_MIN_CHARS (tests read small loads in stages).
 */
export function createIngestHandlers({ stagedMinChars = STAGED_MIN_CHARS } = {}): Handlers<
  IngestRequests,
  IngestEvents
> {
  let rawById = new Map<string, Record<string, unknown>>();
  let load = 0;
  let topology: Topology | null = null;
  // Builds and lays out the views of that load, reusing work between them: an expand re-packs only what it changed.
  let session = createLayoutSession();
  // The parts of the last load, until the page asks for them.
  let unsent: IngestPart[] = [];
  // Cutting those parts (and taking their raw JSON out), until the page has drawn the preview: see `cutParts`.
  let cut: (() => void) | null = null;
  // The layout of the last load's starting view, until the page has drawn its preview and asks for it.
  let held: { load: number; layout: LaidOutGraph; direction: Direction } | null = null;
  // The last load with its raw JSON, to say what changed when the next one reopens it (issue #19).
  let previous: Topology | null = null;
  // The last load's findings and reopen diff, until the page has what its first frames need (see `runLater`).
  let later: { load: number; work: () => void } | null = null;

  /**
   * Cuts the last load's parts, once: at the first request after the preview. Cut right after it was posted, it
   * ran (40-60 ms, with a collection) while the page drew its first frame, and on two cores the page's commit of
   * that frame waited for the CPU: the longest task of a 100k open.
   */
  const cutParts = (): void => {
    const work = cut;
    cut = null;
    work?.();
  };
  const partsPending = (): boolean => cut !== null || unsent.length > 0;

  /** Runs the held-back work of the current load, once. */
  const runLater = (): void => {
    const pending = later;
    later = null;
    if (pending?.load === load) pending.work();
  };

  /**
   * After the answer: the starting view's legend as soon as its graph is built, then its preview (what the
   * canvas draws far out) or, for a small diagram, its layout; then the parts are cut, ready to be asked for.
   */
  const layOutStartingView = (
    loaded: Topology,
    view: ViewState,
    inParts: boolean,
    context: HandlerContext<IngestEvents>,
  ): void => {
    const thisLoad = load;
    try {
      const graph = session.build(loaded, { ...view, overlay: true });
      context.push('legend', { legend: graph.legend, load: thisLoad });
      const layout = session.place(graph, view.direction);
      if (layout.nodes.length <= LARGE_DIAGRAM_NODES) {
        // A diagram this small is never painted far out (level-of-detail.ts): its layout is what the page draws.
        context.push('laidOut', { layout, load: thisLoad });
      } else {
        // What the overview canvas paints (a big load opens far out) goes first: the page draws it at once.
        context.push(...previewOf(layout, view, thisLoad));
        held = { layout, load: thisLoad, direction: view.direction };
      }
    } catch {
      // null: the page asks for the layout itself, and gets the error then.
      context.push('laidOut', { layout: null, load: thisLoad });
    }
    if (!inParts) return;
    cut = () => {
      for (const [objectId, raw] of stripRaw(loaded, PART_LISTS)) rawById.set(objectId, raw);
      unsent = splitIntoParts(loaded, thisLoad);
    };
  };

  /** Makes `loaded` the load held: the previous one kept for the reopen diff, everything of it dropped. */
  const startLoad = (loaded: Topology): { thisLoad: number; before: Topology | null } => {
    // A load replaced before its held-back work ran is still the one a reopen compares with.
    if (later && topology) previous = keptAsPrevious(withRaw(topology, rawById));
    later = null;
    topology = loaded;
    session = createLayoutSession();
    load += 1;
    unsent = [];
    cut = null;
    held = null;
    const before = previous;
    previous = null;
    return { thisLoad: load, before };
  };

  /** What the page is sent first of a load in parts: its head lists (raw taken out), and how many objects follow. */
  const headOf = (loaded: Topology, more = 0): Topology => {
    rawById = stripRaw(loaded, HEAD_LISTS);
    let arriving = more;
    const sent = { ...loaded };
    for (const list of PART_LISTS) {
      arriving += loaded[list].length;
      sent[list] = [];
    }
    sent.arriving = arriving;
    return sent;
  };

  /**
   * The findings and the reopen diff after the first frame's messages, on the load's raw JSON (all in rawById by
   * then). The topology the worker lays out becomes a copy with the findings, so a graph built from now on
   * (Problems only) counts them: the graph cache keeps its facts per topology object. A load the page draws from
   * a preview, or receives in parts, asks for the rest once it has drawn: the findings follow that (the `prelaid`
   * and `parts` requests), so neither waits behind them. Called from `afterReply`.
   */
  const findingsLater = (
    loaded: Topology,
    thisLoad: number,
    before: Topology | null,
    context: HandlerContext<IngestEvents>,
  ): void => {
    const findingsAndDiff = () => {
      if (thisLoad !== load || topology !== loaded) return;
      const now = withRaw(loaded, rawById);
      const { findings = [] } = attachFindings({ ...now });
      topology = { ...loaded, findings };
      let message: typeof findings = [];
      let weight = 0;
      for (const finding of findings) {
        message.push(finding);
        weight += findingWeight(finding);
        if (weight < FINDINGS_WEIGHT_PER_MESSAGE) continue;
        context.push('findings', { load: thisLoad, findings: message, last: false });
        message = [];
        weight = 0;
      }
      context.push('findings', { load: thisLoad, findings: message, last: true });
      if (before && isReopenOfSameScope(before, now))
        context.push('reopenDiff', { load: thisLoad, answer: compareAnswer(before, now) });
      previous = keptAsPrevious(now);
    };
    if (held || partsPending()) later = { load: thisLoad, work: findingsAndDiff };
    else findingsAndDiff();
  };

  /**
   * A big load whose first frame is drawn before its tasks are read (`drawsBeforeTasks`): the answer is its head,
   * then the head's preview, drawn by the page while the tasks (and the task definitions and hosts) are read and
   * linked here. Every object goes in parts, unasked: the head's services and target groups once the rest is
   * read (the page has drawn by then: sent with the preview, they held its frame back by ~100-200 ms at 100k),
   * the others once it is linked, the last part with the head lists again (placeholders and diagnostics the rest
   * added) and what linking changed of the services (`ServicesSince`). The page takes them in while the whole
   * load is laid out here: its legend and preview (its paint replaces the first one's: the tasks colour the
   * services) and, asked for with `prelaid`, the layout.
   */
  const answerBeforeTasks = (
    staged: StagedIngest,
    view: ViewState,
    context: HandlerContext<IngestEvents>,
  ): IngestRequests['ingest']['result'] => {
    const head = staged.head;
    const { thisLoad, before } = startLoad(head);
    const sent = headOf(head, staged.laterRecords);
    context.afterReply(() => {
      try {
        const layout = session.place(session.build(head, { ...view, overlay: true }), view.direction);
        // A small one is drawn from its layout, which must be the whole load's: the page waits for that.
        if (layout.nodes.length > LARGE_DIAGRAM_NODES) context.push(...previewOf(layout, view, thisLoad));
      } catch {
        // Laid out again below with the rest, and any error said then.
      }
      // The head has no tasks, task definitions or hosts: its parts are its services and target groups.
      let early: IngestPart[] = [];
      const services = head.services;
      let sentAs: (readonly [Service['overlay'], string[]])[] = [];
      const loaded = staged.rest(() => {
        for (const [objectId, raw] of stripRaw(head, PART_LISTS)) rawById.set(objectId, raw);
        early = splitIntoParts(head, thisLoad);
        // Never the last: the others follow.
        for (const part of early) context.push('part', { ...part, last: false });
        sentAs = services.map((s) => [s.overlay, s.sources] as const);
      });
      topology = loaded;
      for (const [objectId, raw] of stripRaw(loaded, RAW_LISTS)) rawById.set(objectId, raw);
      const parts = splitIntoParts(
        early.length > 0 ? { ...loaded, services: [], targetGroups: [] } : loaded,
        thisLoad,
        true,
      );
      parts[parts.length - 1].head = {
        clusters: loaded.clusters,
        capacityProviders: loaded.capacityProviders,
        diagnostics: loaded.diagnostics,
        // The same list when linking added no service (link.ts `snapshot` keeps a sorted list nothing joined).
        ...(early.length === 0
          ? {}
          : loaded.services === services
            ? { changed: servicesChanged(services, sentAs) }
            : { services: loaded.services }),
      };
      for (const part of parts) sendSlim(part, (slim) => context.push('part', slim));
      layOutStartingView(loaded, view, false, context);
      findingsLater(loaded, thisLoad, before, context);
    });
    return { topology: sent, load: thisLoad, startingView: view };
  };

  return {
    ingest: async ({ files, diagnostics, label, savedViews }, context) => {
      const sources = await readBlobs(files, diagnostics);
      const staged = textLength(sources) >= stagedMinChars ? ingestInStages(sources, { diagnostics }) : null;
      if (staged) {
        let early: ViewState | null = null;
        try {
          early = startingViewOf(staged.head, label, savedViews, { length: staged.taskRecords });
        } catch {
          // Read whole below; the view is picked as for any load.
        }
        if (early && drawsBeforeTasks(staged, early)) return answerBeforeTasks(staged, early, context);
      }
      const loaded = staged ? staged.rest() : ingest(sources, { diagnostics });
      const { thisLoad, before } = startLoad(loaded);
      let view: ViewState | null = null;
      try {
        view = startingViewOf(loaded, label, savedViews);
      } catch {
        // The page picks its view and asks for the layout as usual.
      }
      // Whatever goes in parts is stripped of its raw JSON and cut up after the first frame's messages, not before.
      const inParts = view ? sendsInParts(loaded) : false;
      let sent = loaded;
      if (inParts) sent = headOf(loaded);
      else rawById = stripRaw(loaded);
      // The page takes in the topology while the layout is being made here.
      const starting = view;
      if (starting) context.afterReply(() => layOutStartingView(loaded, starting, inParts, context));
      context.afterReply(() => findingsLater(loaded, thisLoad, before, context));
      return { topology: sent, load: thisLoad, startingView: view };
    },
    raw: ({ load: asked, objectId }) => {
      cutParts();
      return asked === load ? rawById.get(objectId) : undefined;
    },
    layout: ({ load: asked, view, direction }, context) => {
      // The client asks only for the load it was last given, and requests arrive in order: a miss is a bug.
      if (!topology || asked !== load) throw new Error(`ingest worker does not hold load ${asked}`);
      cutParts();
      // A page that starts with another view than the one laid out first still gets the findings after it.
      if (unsent.length === 0) context.afterReply(runLater);
      const layout = session.layOut(topology, view, direction);
      // A big layout (a view switched at 100k) as the starting one goes: its overview paint made here, and its
      // nodes in slices. Received whole and painted on the page, it was a 100-250 ms task and a 120 ms frame.
      if (layout.nodes.length > LARGE_DIAGRAM_NODES) {
        const paint = preparePaint(layout, direction, view.overlay);
        context.push('layoutPaint', { load: asked, direction, overlayOn: view.overlay, paint }, paintBuffers(paint));
      }
      return inSlices(layout, asked, direction, context);
    },
    parts: ({ load: asked }, context) => {
      cutParts();
      // Each part is its own message, so the page receives them in separate tasks and draws in between.
      if (asked === load) for (const part of unsent) sendSlim(part, (slim) => context.push('part', slim));
      unsent = [];
      context.afterReply(runLater);
      return null;
    },
    cost: ({ load: asked, prices }) => {
      if (!topology || asked !== load) throw new Error(`ingest worker does not hold load ${asked}`);
      cutParts();
      return costAnswer(withRaw(topology, rawById), prices);
    },
    compare: async ({ load: asked, older }) => {
      if (!topology || asked !== load) throw new Error(`ingest worker does not hold load ${asked}`);
      cutParts();
      const held = withRaw(topology, rawById);
      const diagnostics: Diagnostic[] = [];
      return compareAnswer(ingest(await readBlobs(older, diagnostics), { diagnostics }), held);
    },
    timeline: async ({ files }) => {
      const loads = [];
      for (const f of files) {
        const diagnostics: Diagnostic[] = [];
        loads.push({ name: f.name, topology: ingest(await readBlobs([f], diagnostics), { diagnostics }) });
      }
      return timelineAnswer(loads);
    },
    prelaid: ({ load: asked }, context) => {
      const kept = held?.load === asked ? held : null;
      held = null;
      // The parts are cut while the page takes this layout in; a load in parts gets its findings after them,
      // which the page asks for once this layout is drawn.
      context.afterReply(cutParts);
      if (!partsPending()) context.afterReply(runLater);
      return kept && inSlices(kept.layout, asked, kept.direction, context);
    },
  };
}
