/**
 * Findings badges of an export (`export --findings`): a count in a disc at a node's top-right corner, coloured
 * by the worst finding about its object, the same mark the app's nodes carry.
 */
import { findingsByObject } from '../findings/engine';
import type { Finding } from '../findings/types';
import type { Severity } from '../model/types';
import type { ExportPalette } from './palette';
import { n, text } from './primitives';

/** Count and worst severity per object id, for the nodes to look up. */
export type FindingBadges = ReadonlyMap<string, { count: number; worst: Severity }>;

/** The badges of a load's findings. */
export function findingBadges(findings: readonly Finding[]): FindingBadges {
  return findingsByObject([...findings]);
}

const RADIUS = 9;

/** The badge drawn inside a node's group (node-local coordinates), or '' when its object has no findings. */
export function findingBadgeSvg(
  badges: FindingBadges | undefined,
  entityId: string | undefined,
  width: number,
  palette: ExportPalette,
): string {
  const b = entityId ? badges?.get(entityId) : undefined;
  if (!b) return '';
  const fill = b.worst === 'error' ? palette.danger : b.worst === 'warning' ? palette.warning : '#64748b';
  const cx = width - RADIUS / 2;
  const cy = -RADIUS / 2;
  const label = `${b.count} finding${b.count === 1 ? '' : 's'} (worst: ${b.worst})`;
  return (
    `<g class="finding-badge" data-severity="${b.worst}"><title>${label}</title>` +
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="${RADIUS}" fill="${fill}" stroke="#ffffff" stroke-width="1.5"/>` +
    text(cx, cy + 4, String(b.count), { size: 11, face: 'bold', fill: '#ffffff', anchor: 'middle' }) +
    `</g>`
  );
}
