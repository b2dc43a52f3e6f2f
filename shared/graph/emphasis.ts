/**
 * Which nodes stay bright and which are dimmed: around a selection (focus:
 * its ancestors and descendants) or around search hits (the hits and what
 * holds them). Works on the graph alone — parent links and edges — so it is
 * the same for the hierarchy and the placement view.
 */
import type { GraphEdge, GraphNode } from './types';

type GraphLike = { nodes: readonly Pick<GraphNode, 'id' | 'parentId'>[]; edges: readonly GraphEdge[] };

function links(graph: GraphLike): { up: Map<string, string[]>; down: Map<string, string[]> } {
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, from: string, to: string): void => {
    const list = map.get(from) ?? [];
    list.push(to);
    map.set(from, list);
  };
  for (const n of graph.nodes) {
    if (!n.parentId) continue;
    add(up, n.id, n.parentId);
    add(down, n.parentId, n.id);
  }
  for (const e of graph.edges) {
    add(up, e.target, e.source);
    add(down, e.source, e.target);
  }
  return { up, down };
}

function walk(start: Iterable<string>, next: Map<string, string[]>, into: Set<string>): void {
  const stack = [...start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const n of next.get(id) ?? []) {
      if (into.has(n)) continue;
      into.add(n);
      stack.push(n);
    }
  }
}

/** The ids that hold node `id` (parent boxes, and the ranks that lead to it), nearest first not guaranteed. */
export function graphAncestors(graph: GraphLike, id: string): Set<string> {
  const out = new Set<string>();
  walk([id], links(graph).up, out);
  return out;
}

/** Focus on a selection: the node, everything above it, and everything below it. */
export function focusSet(graph: GraphLike, id: string): Set<string> {
  const { up, down } = links(graph);
  const out = new Set<string>([id]);
  walk([id], up, out);
  walk([id], down, out);
  return out;
}

/**
 * Search emphasis: the hits in the graph and the nodes that hold them (so a
 * hit is never inside a dimmed box). A hit hidden by a collapsed node lights
 * that node instead, found through `ancestorsOf` (nearest first).
 */
export function matchSet(
  graph: GraphLike,
  hitIds: Iterable<string>,
  ancestorsOf: (id: string) => readonly string[] = () => [],
): Set<string> {
  const present = new Set(graph.nodes.map((n) => n.id));
  const hits: string[] = [];
  for (const id of hitIds) {
    const shown = present.has(id) ? id : ancestorsOf(id).find((a) => present.has(a));
    if (shown) hits.push(shown);
  }
  const out = new Set<string>(hits);
  walk(hits, links(graph).up, out);
  return out;
}

/**
 * The chain from the top of the diagram down to `id` (cluster › service ›
 * box › task › container), for breadcrumbs. Follows parent links first,
 * then the first incoming edge.
 */
export function breadcrumbPath(graph: GraphLike, id: string): string[] {
  const present = new Set(graph.nodes.map((n) => n.id));
  if (!present.has(id)) return [];
  const { up } = links(graph);
  const path = [id];
  const seen = new Set(path);
  let current = id;
  for (;;) {
    const next = (up.get(current) ?? []).find((p) => !seen.has(p));
    if (!next) break;
    path.unshift(next);
    seen.add(next);
    current = next;
  }
  return path;
}
