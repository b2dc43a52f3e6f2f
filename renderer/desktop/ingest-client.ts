/**
 * The page's side of the ingest worker (ingest-handlers.ts; web mode and the desktop): runs the
 * ingest in a Web Worker, or on the page's thread behind the same protocol
 * where a worker cannot start (jsdom) or stops. Topologies from it come
 * without `raw` (the worker keeps it); `loadRaw` fetches one object's, and
 * `layOut` lays out a load in the worker that holds it. A load comes in
 * steps: the topology (a big one without its big lists: `arriving` says how
 * many objects are to come) and the view the page starts with
 * (`startingView`); that view's preview (size, legend, overview paint), which
 * the page draws first; its layout, asked for once that frame is drawn; then,
 * for a big load, the complete topology, given to the `onLoadComplete`
 * listeners once every part has arrived.
 */
import type { CostAnswer, PricesInput } from '../../shared/cost/cost-request';
import type { CompareAnswer, TimelineAnswer } from '../../shared/diff/compare-answer';
import type { LaidOutEdge, LaidOutGraph, LegendCounts, PositionedNode } from '../../shared/graph/types';
import type { LayoutPreview } from '../canvas/overview-types';
import { keepPaint } from '../canvas/overview-paint';
import { keepLayoutIndex } from '../canvas/layout-index';
import { sameLayoutInputs, type Direction, type ViewState } from '../../shared/graph/view';
import type { Diagnostic, Service, Topology } from '../../shared/model/types';
import { servedInPage, startWorker, WorkerClient, type WorkerPort } from '../workers/envelope';
import { createIngestHandlers } from './ingest-handlers';
import { fillContainers } from './split-parts';
import type { IngestFile } from './read-blobs';
import {
  PART_LISTS,
  type IngestEvents,
  type IngestPart,
  type IngestRequests,
  type PartList,
  type ServicesSince,
} from './ingest-worker-protocol';
import type { Finding } from '../../shared/findings/types';

/**
 * The layout the worker made with a load, for the view the page starts with: its legend, its preview, then
 * the layout itself, each arriving in its own message.
 */
interface Prelaid {
  load: number;
  view: ViewState;
  layout: Promise<LaidOutGraph>;
  settle: (layout: LaidOutGraph | Promise<LaidOutGraph>) => void;
  /** Null when none comes (laying out failed, the worker stopped). */
  preview: Promise<LayoutPreview | null>;
  settlePreview: (preview: LayoutPreview | null) => void;
  legend: Promise<LegendCounts | null>;
  settleLegend: (legend: LegendCounts | null) => void;
  /** The preview's paint, kept for the layout when it arrives (the canvas draws the same picture on). */
  paint?: LayoutPreview['paint'];
}

/** The load whose objects are arriving: its first answer and the parts so far. */
interface Arriving {
  load: number;
  head: Topology;
  lists: Record<PartList, unknown[]>;
  asked: boolean;
  fallback: ReturnType<typeof setTimeout> | undefined;
}

// When the page does not take the prelaid layout (another view), the parts are asked for this long after
// the preview (or, with no starting view, the answer) came.
const PARTS_FALLBACK_MS = 300;
// The layout whose preview came is asked for after the next frame, or after this long without frames.
const PRELAID_FALLBACK_MS = 250;

/** A promise and what settles it. */
function deferred<T>(): [Promise<T>, (value: T | Promise<T>) => void] {
  let settle: (value: T | Promise<T>) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return [promise, settle];
}

/** Puts on `services` (in place) the overlay and files the worker says changed. */
function updateServices(services: Service[], changed: NonNullable<ServicesSince['changed']>): void {
  if (changed.length === 0) return;
  const byId = new Map(changed.map((c) => [c.id, c]));
  for (const s of services) {
    const c = byId.get(s.id);
    if (!c) continue;
    s.overlay = c.overlay;
    s.sources = c.sources;
  }
}

/** What the worker needs to lay out the graph the page will start with: the input's label and the views saved for it. */
export interface StartingView {
  label: string;
  savedViews: { key: string; view: ViewState }[];
}

/** Starts the ingest worker (its script loads while the first screen shows, not when a file is picked). */
function startIngestWorker(): WorkerPort | null {
  return startWorker(() => new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' }));
}

/** The page's ingest, one per page: the loads it made and the layouts, previews and parts still to come. */
export class IngestClient {
  private link: WorkerClient<IngestRequests, IngestEvents>;
  // Which worker load each topology object came from, so its raw JSON is asked of the right load.
  private readonly loadOf = new WeakMap<Topology, number>();
  private readonly prelaidOf = new WeakMap<Topology, Prelaid>();
  // The one whose layout message is still to come.
  private awaitingLayout: Prelaid | null = null;
  // One load arrives at a time: a newer load drops it.
  private arriving: Arriving | null = null;
  private readonly completeListeners = new Set<(topology: Topology) => void>();
  // The topologies of the last load handed to the page (its first answer and, for a load in parts, the complete
  // one), and its findings once the worker has sent them.
  private shown: { load: number; topologies: Topology[]; findings?: Finding[]; receiving?: Finding[] } | null = null;
  private readonly findingsListeners = new Set<() => void>();
  // The first nodes and edges of the starting layout being received (`layoutPart`), until its answer comes.
  private layoutParts: { load: number; nodes: PositionedNode[]; edges: LaidOutEdge[] } | null = null;
  // The overview paint of the `layout` answer still to come (`layoutPaint`).
  private layoutPaint: IngestEvents['layoutPaint'] | null = null;
  // The grid index of the `layout` or `prelaid` answer still to come (`layoutIndex`).
  private layoutIndex: IngestEvents['layoutIndex'] | null = null;
  private disposed = false;

  /** `port`: where the handlers run (default: a new worker, else the page; null: the page). */
  constructor(port: WorkerPort | null = startIngestWorker()) {
    this.link = this.connect(port ?? servedInPage(createIngestHandlers()));
  }

  /** Calls `listener` with the complete topology of a load that arrived in parts. Returns an unsubscribe. */
  onLoadComplete(listener: (topology: Topology) => void): () => void {
    this.completeListeners.add(listener);
    return () => this.completeListeners.delete(listener);
  }

  /**
   * Calls `listener` when the findings of the shown load arrive (they come after its first frame) and have been
   * put on its topology (`topology.findings`). Returns an unsubscribe.
   */
  onFindings(listener: () => void): () => void {
    this.findingsListeners.add(listener);
    return () => this.findingsListeners.delete(listener);
  }

  /**
   * Reads and ingests `files` (name → blob, or the bytes the desktop's main read: handed to the worker, not
   * copied, so they are the worker's after this call), off the UI thread when it can.
   */
  async ingestFiles(
    files: IngestFile[],
    diagnostics: Diagnostic[],
    starting: StartingView = { label: '', savedViews: [] },
  ): Promise<Topology> {
    const link = this.link;
    const moved = new Set<ArrayBuffer>();
    for (const f of files) if ('bytes' in f && f.bytes.buffer instanceof ArrayBuffer) moved.add(f.bytes.buffer);
    let answer;
    try {
      answer = await link.request('ingest', { files, diagnostics, ...starting }, [...moved]);
    } catch (e) {
      // The worker stopped (it could not load): the load is not lost, it is made on the page, unless its bytes
      // went to the worker with the request (a Blob or a text is still here).
      if (link.failed && this.link !== link) {
        if (moved.size > 0) throw new Error('the ingest worker stopped before it read the files: open them again');
        return this.ingestFiles(files, diagnostics, starting);
      }
      throw e;
    }
    const { topology, load, startingView } = answer;
    this.loadOf.set(topology, load);
    this.shown = { load, topologies: [topology] };
    if (startingView) {
      const [layout, settle] = deferred<LaidOutGraph>();
      const [preview, settlePreview] = deferred<LayoutPreview | null>();
      const [legend, settleLegend] = deferred<LegendCounts | null>();
      this.awaitingLayout?.settleLegend(null);
      this.awaitingLayout?.settlePreview(null);
      this.awaitingLayout = { load, view: startingView, layout, settle, preview, settlePreview, legend, settleLegend };
      this.prelaidOf.set(topology, this.awaitingLayout);
    }
    if (this.arriving) clearTimeout(this.arriving.fallback);
    // With a starting view, the wait starts when its preview or layout comes: the worker is laying it out until then.
    this.arriving = topology.arriving
      ? {
          load,
          head: topology,
          lists: Object.fromEntries(PART_LISTS.map((l) => [l, []])) as unknown as Record<PartList, unknown[]>,
          asked: false,
          fallback: startingView ? undefined : setTimeout(() => this.askForParts(), PARTS_FALLBACK_MS),
        }
      : null;
    return topology;
  }

  /** The raw AWS JSON of object `objectId` of `topology`, when this client loaded it (undefined otherwise). */
  async loadRaw(topology: Topology, objectId: string): Promise<Record<string, unknown> | undefined> {
    const load = this.loadOf.get(topology);
    if (load === undefined || this.link.failed) return undefined;
    return this.link.request('raw', { load, objectId });
  }

  /** The launch-type lens of `topology` at `prices`, computed by the worker that holds its raw JSON. */
  cost(topology: Topology, prices: PricesInput | null): Promise<CostAnswer> {
    const load = this.loadOf.get(topology);
    if (load === undefined) return Promise.reject(new Error('this topology was not loaded by the ingest worker'));
    return this.link.request('cost', { load, prices });
  }

  /**
   * Calls `listener` when the worker says what changed since the previous load (a reopen of the same scope),
   * with a test for the topologies of that load (its first answer and, for a load in parts, the complete one).
   */
  onReopenDiff(listener: (answer: CompareAnswer, ofLoad: (topology: Topology) => boolean) => void): () => void {
    return this.link.on('reopenDiff', ({ load, answer }) => {
      if (this.shown?.load === load) listener(answer, (t) => this.loadOf.get(t) === load);
    });
  }

  /** "Compare with…": `older` (files read as OLD) against `topology` (NEW), compared where its raw JSON is kept. */
  compare(topology: Topology, older: { name: string; file: Blob }[]): Promise<CompareAnswer> {
    const load = this.loadOf.get(topology);
    if (load === undefined) return Promise.reject(new Error('this topology was not loaded by the ingest worker'));
    return this.link.request('compare', { load, older });
  }

  /** The timeline of `files` opened together (each a load of its own), computed off the page. */
  timeline(files: { name: string; file: Blob }[]): Promise<TimelineAnswer> {
    return this.link.request('timeline', { files });
  }

  /** The view the worker laid out first for `topology` (the one the page starts with), when it did. */
  startingView(topology: Topology): ViewState | undefined {
    return this.prelaidOf.get(topology)?.view;
  }

  /** Whether `topology` came from this client (so `layOut` can lay it out where it is held). */
  holds(topology: Topology): boolean {
    return this.loadOf.has(topology) && !this.link.failed;
  }

  /** What the canvas can draw of the layout `layOut` gives for `topology` under `view` before it arrives; null when no preview comes. */
  previewLayout(topology: Topology, view: ViewState, direction: Direction): Promise<LayoutPreview | null> {
    return this.prelaidFor(topology, view, direction)?.preview ?? Promise.resolve(null);
  }

  /** The legend of that layout, which comes before its preview; null when none comes. */
  previewLegend(topology: Topology, view: ViewState, direction: Direction): Promise<LegendCounts | null> {
    return this.prelaidFor(topology, view, direction)?.legend ?? Promise.resolve(null);
  }

  /** The laid-out graph of `topology` (which this client loaded: see `holds`) under `view`, built where it is held. */
  layOut(topology: Topology, view: ViewState, direction: Direction): Promise<LaidOutGraph> {
    const prelaid = this.prelaidFor(topology, view, direction);
    if (prelaid) {
      // The rest of the load is asked for a task after the layout is given, once the diagram is on screen.
      return prelaid.layout.then((layout) => {
        setTimeout(() => this.askForParts(), 0);
        return layout;
      });
    }
    const load = this.loadOf.get(topology);
    if (load === undefined) return Promise.reject(new Error('this topology was not loaded by the ingest worker'));
    return this.requestLayout(load, view, direction);
  }

  /** Asks the worker to lay out load `load`; a big layout comes as the starting one does (see `layoutPaint`). */
  private async requestLayout(load: number, view: ViewState, direction: Direction): Promise<LaidOutGraph> {
    const rest = await this.link.request('layout', { load, view, direction });
    // Its first nodes came in `layoutPart`s, its overview paint before them.
    const layout = this.withLayoutParts(load, rest);
    const painted = this.layoutPaint?.load === load ? this.layoutPaint : null;
    this.layoutPaint = null;
    if (painted) keepPaint(layout, painted.direction, painted.overlayOn, painted.paint);
    // Used a task later: receiving the last slice and what the page does with the layout are not one task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return layout;
  }

  /** Stops the worker. */
  dispose(): void {
    this.disposed = true;
    this.link.dispose();
  }

  private connect(port: WorkerPort): WorkerClient<IngestRequests, IngestEvents> {
    const link = new WorkerClient<IngestRequests, IngestEvents>(port);
    link.on('part', (part) => this.receivePart(part));
    link.on('findings', ({ load, findings, last }) => this.receiveFindings(load, findings, last));
    link.on('layoutPart', ({ load, nodes, edges }) => {
      if (this.layoutParts?.load !== load) this.layoutParts = { load, nodes: [], edges: [] };
      for (const n of nodes) this.layoutParts.nodes.push(n);
      for (const e of edges) this.layoutParts.edges.push(e);
    });
    link.on('layoutPaint', (painted) => (this.layoutPaint = painted));
    link.on('layoutIndex', (indexed) => (this.layoutIndex = indexed));
    link.on('legend', ({ load, legend }) => {
      if (this.awaitingLayout?.load === load) this.awaitingLayout.settleLegend(legend);
    });
    link.on('preview', ({ load, preview }) => this.receivePreview(load, preview));
    link.on('laidOut', ({ load, layout }) => this.receiveLayout(load, layout));
    link.onFailure(() => this.failOver(link));
    return link;
  }

  /** The worker stopped: what it was still to send never comes; later loads are made on the page. */
  private failOver(link: WorkerClient<IngestRequests, IngestEvents>): void {
    if (this.link !== link || this.disposed) return;
    this.link = this.connect(servedInPage(createIngestHandlers()));
    if (this.arriving) clearTimeout(this.arriving.fallback);
    this.arriving = null;
    // Say so, rather than leave the canvas waiting.
    this.awaitingLayout?.settle(Promise.reject(new Error('ingest worker stopped before sending the layout')));
    this.awaitingLayout?.settleLegend(null);
    this.awaitingLayout?.settlePreview(null);
    this.awaitingLayout = null;
  }

  private receivePreview(load: number, preview: LayoutPreview): void {
    const waiting = this.awaitingLayout;
    if (waiting?.load !== load) return;
    // A second preview (the whole load's, after one drawn before its tasks were read): its paint is the layout's.
    const again = waiting.paint !== undefined;
    waiting.paint = preview.paint;
    if (again) return;
    waiting.settlePreview(preview);
    this.armPartsFallback();
    // The layout is asked for once the frame showing the preview is drawn (a task after the next frame),
    // so receiving its thousands of nodes comes after it, not before. A hidden page gets no frames.
    let asked = false;
    const ask = () => {
      if (asked) return;
      asked = true;
      this.link.request('prelaid', { load }).then(
        (rest) => this.receiveLayout(load, rest && this.withLayoutParts(load, rest)),
        () => this.receiveLayout(load, null),
      );
    };
    requestAnimationFrame(() => setTimeout(ask, 0));
    setTimeout(ask, PRELAID_FALLBACK_MS);
  }

  /**
   * The layout whose last nodes and edges are `rest`, with the ones that came before it (`layoutPart`), and the
   * index that came before them kept for it (`layoutIndex`).
   */
  private withLayoutParts(load: number, rest: LaidOutGraph): LaidOutGraph {
    const parts = this.layoutParts?.load === load ? this.layoutParts : null;
    this.layoutParts = null;
    let layout = rest;
    if (parts) {
      for (const n of rest.nodes) parts.nodes.push(n);
      for (const e of rest.edges) parts.edges.push(e);
      layout = { ...rest, nodes: parts.nodes, edges: parts.edges };
    }
    const indexed = this.layoutIndex?.load === load ? this.layoutIndex : null;
    this.layoutIndex = null;
    if (indexed) keepLayoutIndex(layout, indexed.index);
    return layout;
  }

  /** The starting view's layout arrived (null: laying it out failed, or the worker no longer holds it). */
  private receiveLayout(load: number, layout: LaidOutGraph | null): void {
    const waiting = this.awaitingLayout;
    if (waiting?.load !== load) return;
    this.awaitingLayout = null;
    waiting.settleLegend(null);
    waiting.settlePreview(null);
    this.armPartsFallback();
    if (layout) {
      if (waiting.paint) keepPaint(layout, waiting.view.direction, waiting.view.overlay, waiting.paint);
      // Given a task later: receiving a 20k-node account's layout (~30 ms) and what the page does with
      // it were one task at the edge of 100 ms; as two, neither is near it.
      setTimeout(() => waiting.settle(layout), 0);
    }
    // Ask as for any other view, to get the layout or the error.
    else waiting.settle(this.requestLayout(load, { ...waiting.view, overlay: true }, waiting.view.direction));
  }

  /** (Re)starts the wait after which the arriving load's parts are asked for anyway. */
  private armPartsFallback(): void {
    const arriving = this.arriving;
    if (!arriving || arriving.asked) return;
    clearTimeout(arriving.fallback);
    arriving.fallback = setTimeout(() => this.askForParts(), PARTS_FALLBACK_MS);
  }

  /** Asks the worker for the arriving load's parts, once. */
  private askForParts(): void {
    const arriving = this.arriving;
    if (!arriving || arriving.asked) return;
    arriving.asked = true;
    clearTimeout(arriving.fallback);
    // The parts come as pushes; the reply only says they have all been sent.
    this.link.request('parts', { load: arriving.load }).catch(() => undefined);
  }

  private receiveFindings(load: number, part: Finding[], last: boolean): void {
    const shown = this.shown;
    if (!shown || shown.load !== load) return;
    // They come in several messages (FINDINGS_WEIGHT_PER_MESSAGE): kept until the last, then shown all at once.
    const findings = shown.receiving ?? [];
    for (const finding of part) findings.push(finding);
    if (!last) {
      shown.receiving = findings;
      return;
    }
    delete shown.receiving;
    shown.findings = findings;
    // Put on the topologies the page holds: the store keeps them, and the Findings panel reads them from there.
    for (const t of shown.topologies) t.findings = findings;
    // The listeners (the Findings panel, the badges redraw) a task later: receiving a big load's findings (~2.5 MB
    // on the 20k-node account) and drawing them were one task near 100 ms; as two, neither is.
    setTimeout(() => {
      if (this.shown === shown) for (const listener of this.findingsListeners) listener();
    }, 0);
  }

  private receivePart(message: IngestPart): void {
    const arriving = this.arriving;
    if (!arriving || arriving.load !== message.load) return;
    fillContainers(message);
    const list = arriving.lists[message.part];
    for (const item of message.items) list.push(item);
    if (!message.last) return;
    const { head, lists, load } = arriving;
    this.arriving = null;
    // A load answered before its tasks were read gets its head lists and diagnostics again with the last part,
    // and what linking the tasks changed of the services that came before.
    const { changed, services, ...headAgain } = message.head ?? {};
    if (services) lists.services = services;
    else if (changed) updateServices(lists.services as Service[], changed);
    // Same files array as the first answer: that is how the store knows which load this completes.
    const complete = { ...head, ...lists, ...headAgain } as Topology;
    delete complete.arriving;
    this.loadOf.set(complete, load);
    if (this.shown?.load === load) {
      this.shown.topologies.push(complete);
      if (this.shown.findings) complete.findings = this.shown.findings;
    }
    const prelaid = this.prelaidOf.get(head);
    if (prelaid) this.prelaidOf.set(complete, prelaid);
    for (const listener of this.completeListeners) listener(complete);
  }

  /** The worker's first layout of `topology` when it is the one for `view`. */
  private prelaidFor(topology: Topology, view: ViewState, direction: Direction): Prelaid | undefined {
    const prelaid = this.prelaidOf.get(topology);
    return prelaid && sameLayoutInputs(prelaid.view, { ...view, direction }) ? prelaid : undefined;
  }
}
