/**
 * Level of detail of the canvas. React Flow pays for every mounted node, and
 * a card's text is unreadable long before the card is too small to see, so a
 * big diagram is drawn two ways by zoom: far out, one canvas painting every
 * box and the cluster and service names (overview-layer); closer, full cards
 * for the part of the drawing near the screen (use-layout-window). Small
 * diagrams are always drawn in full: they are cheap, and tests count their
 * nodes.
 */

/**
 * Above this many nodes React Flow renders only what is on screen, and the zoom bands apply. A service
 * card costs React Flow over a millisecond to mount here: 452 of them (a 117 MB describe-tasks file, fitted
 * at zoom 0.19) were a 600 ms task, to draw text 3 px high. The test fixtures (≤ 129 nodes) stay in full.
 */
export const LARGE_DIAGRAM_NODES = 200;

/**
 * Below this zoom a big diagram is painted on one canvas instead of mounted as DOM nodes: a card's 14 px
 * type is under 6 px on screen, and the canvas shows the same boxes and names for a few milliseconds a frame.
 * (A band of bare DOM boxes between 0.25 and 0.4 was dropped: every one of them re-rendered as a card at
 * once when the zoom crossed 0.4, a 383 ms frame on the 20,000-node account.)
 */
export const OVERVIEW_BELOW_ZOOM = 0.4;

/** How a diagram is drawn at one zoom. */
export type DetailBand = 'full' | 'overview';

/** The band for a diagram of `nodeCount` nodes at `zoom`. */
export function detailBand(zoom: number, nodeCount: number): DetailBand {
  return nodeCount > LARGE_DIAGRAM_NODES && zoom < OVERVIEW_BELOW_ZOOM ? 'overview' : 'full';
}
