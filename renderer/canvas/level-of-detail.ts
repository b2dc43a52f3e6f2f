/**
 * Level of detail of the canvas. React Flow pays for every mounted node, and
 * a card's text is unreadable long before the card is too small to see, so a
 * big diagram is drawn three ways by zoom: full cards, bare coloured boxes
 * (no text), and below that one canvas painting every box (overview-layer).
 * Small diagrams are always drawn in full: they are cheap, and tests count
 * their nodes.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';

/**
 * Above this many nodes React Flow renders only what is on screen, and the zoom bands apply. A service
 * card costs React Flow over a millisecond to mount here: 452 of them (a 117 MB describe-tasks file, fitted
 * at zoom 0.19) were a 600 ms task, to draw text 3 px high. The test fixtures (≤ 129 nodes) stay in full.
 */
export const LARGE_DIAGRAM_NODES = 200;

/** Below this zoom a big diagram's cards lose their text (14 px type is under 6 px on screen). */
export const SIMPLE_BELOW_ZOOM = 0.4;

/** Below this zoom a big diagram is painted on one canvas instead of mounted as DOM nodes (a card's name is under 4 px). */
export const OVERVIEW_BELOW_ZOOM = 0.25;

/** How a diagram is drawn at one zoom. */
export type DetailBand = 'full' | 'simple' | 'overview';

/** The band for a diagram of `nodeCount` nodes at `zoom`. */
export function detailBand(zoom: number, nodeCount: number): DetailBand {
  if (nodeCount <= LARGE_DIAGRAM_NODES) return 'full';
  if (zoom < OVERVIEW_BELOW_ZOOM) return 'overview';
  return zoom < SIMPLE_BELOW_ZOOM ? 'simple' : 'full';
}

// Selectors at module level: React Flow calls them on every viewport change, so they must not be re-created.
const simplifiedSelector = (s: ReactFlowState) =>
  s.transform[2] < SIMPLE_BELOW_ZOOM && s.nodeLookup.size > LARGE_DIAGRAM_NODES;

/** True when node components should draw their bare box: re-renders a node only when the answer flips. */
export function useSimplified(): boolean {
  return useStore(simplifiedSelector);
}
