/**
 * Arrow keys walk the selection through the drawn diagram: up to the parent,
 * down to the first child, left/right to the previous/next sibling; Enter
 * centres the selection (its details are already open). Group frames are
 * stepped through, since they are not selectable objects; account cards and
 * the unknown-cluster box are not frames.
 */
import { isAccountGroupId } from '../../shared/graph/accounts';
import type { GraphEdge, PositionedNode } from '../../shared/graph/types';
import { useDiagramStore } from '../store/diagram-store';

type Step = 'parent' | 'child' | 'previous' | 'next';

const KEYS: Record<string, Step> = { ArrowUp: 'parent', ArrowDown: 'child', ArrowLeft: 'previous', ArrowRight: 'next' };

/** The node the selection moves to from `id`, or null when there is none that way. */
export function stepSelection(
  nodes: readonly PositionedNode[],
  edges: readonly GraphEdge[],
  id: string,
  step: Step,
): string | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parentOf = (nodeId: string): string | undefined =>
    byId.get(nodeId)?.parentId ?? edges.find((e) => e.target === nodeId)?.source;
  const childrenOf = (nodeId: string): string[] => [
    ...nodes.filter((n) => n.parentId === nodeId).map((n) => n.id),
    ...edges.filter((e) => e.source === nodeId).map((e) => e.target),
  ];
  const isFrame = (nodeId: string | undefined): boolean =>
    byId.get(nodeId ?? '')?.kind === 'group' && !nodeId?.startsWith('group:unknown') && !isAccountGroupId(nodeId ?? '');
  if (step === 'parent') {
    let p = parentOf(id);
    while (p && isFrame(p)) p = parentOf(p);
    return p ?? null;
  }
  if (step === 'child') {
    let c = childrenOf(id)[0];
    while (c && isFrame(c)) c = childrenOf(c)[0];
    return c ?? null;
  }
  const parent = parentOf(id);
  const siblings = parent
    ? childrenOf(parent)
    : nodes.filter((n) => !n.parentId && !edges.some((e) => e.target === n.id)).map((n) => n.id);
  const i = siblings.indexOf(id);
  const j = step === 'next' ? i + 1 : i - 1;
  return i >= 0 && j >= 0 && j < siblings.length ? siblings[j] : null;
}

/** Handles an arrow key or Enter on the canvas: moves or centres the selection. Returns true when it did. */
export function moveSelectionByKey(e: KeyboardEvent): boolean {
  const s = useDiagramStore.getState();
  if (!s.selectedId || !s.layout) return false;
  if (e.key === 'Enter') {
    e.preventDefault();
    s.select(s.selectedId, { focus: true });
    return true;
  }
  const step = KEYS[e.key];
  if (!step) return false;
  const target = stepSelection(s.layout.nodes, s.layout.edges, s.selectedId, step);
  e.preventDefault();
  if (target) s.select(target, { focus: true });
  return true;
}

// Inputs a bare key types into; a checkbox, radio or button takes no letters, so shortcuts work from them.
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time']);

/** Whether a key press on `target` is typing into a text field (where bare keys like `f` are letters). */
export function typingInto(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}
