// @vitest-environment jsdom
/** The export shows what the screen shows of a failure: a task card's failing container, a stack's failed tasks. */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build-graph';
import { DEFAULT_VIEW } from '../graph/view';
import { layoutGraph } from '../layout/layout';
import { emptyTopology, makeCluster, makeContainer, makeService, makeTask } from '../graph/testing/make-topology';
import { renderSvg } from './index';

interface El {
  textContent: string | null;
  getAttribute(n: string): string | null;
  querySelectorAll(s: string): ArrayLike<El>;
}
const { DOMParser } = globalThis as unknown as {
  DOMParser: new () => {
    parseFromString(text: string, type: string): El & { getElementsByTagName(n: string): ArrayLike<El> };
  };
};

const PULL =
  'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref shop:missing';

function exported(stackThreshold?: number) {
  const prod = makeCluster('prod');
  const web = makeService(prod, 'web');
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [web];
  const failed = makeTask('nopull', {
    cluster: prod,
    service: web,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'TaskFailedToStart',
    stoppedReason: 'Task failed to start',
  });
  failed.containers = [makeContainer(failed.id, 'app', { lastStatus: 'STOPPED', exitCode: 1, reason: PULL })];
  t.tasks = [
    failed,
    makeTask('ok1', { cluster: prod, service: web }),
    makeTask('ok2', { cluster: prod, service: web }),
  ];
  const view = { ...DEFAULT_VIEW, ...(stackThreshold !== undefined ? { stackThreshold } : {}) };
  const svg = renderSvg(layoutGraph(buildGraph(t, view), 'LR')).svg;
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror').length).toBe(0);
  return doc;
}

const textsOf = (el: El) => Array.from(el.querySelectorAll('text')).map((n) => n.textContent ?? '');

describe('export of a failure', () => {
  it('draws the failing container’s name, exit code and reason on the task card, as the screen does', () => {
    const doc = exported();
    const card = Array.from(doc.querySelectorAll('g[data-kind="task"]')).find((g) =>
      textsOf(g).some((s) => s.startsWith('nopull')),
    );
    expect(card).toBeDefined();
    const line = textsOf(card!).find((s) => s.startsWith('app · exit 1 · CannotPullContainerError'));
    // One line, cut at its end to the card's width (the screen's ellipsis), never an unreadable overflow.
    expect(line).toBeDefined();
    expect(line!.length).toBeLessThan(`app · exit 1 · ${PULL}`.length);
    expect(line!.endsWith('…')).toBe(true);
  });

  it('draws a stack with a failed task marked, saying so', () => {
    const doc = exported(2);
    const stack = Array.from(doc.querySelectorAll('g[data-kind="group"]')).find((g) =>
      textsOf(g).some((s) => s.startsWith('3 tasks:')),
    );
    expect(stack).toBeDefined();
    expect(textsOf(stack!)).toContain('1 failed');
  });
});
