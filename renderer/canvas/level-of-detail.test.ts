import { describe, expect, it } from 'vitest';
import { detailBand, LARGE_DIAGRAM_NODES, OVERVIEW_BELOW_ZOOM } from './level-of-detail';

describe('detailBand: how much of a diagram React Flow mounts at a zoom', () => {
  it('draws a small diagram in full at any zoom (cheap, and what the e2e tests count)', () => {
    for (const zoom of [0.03, 0.2, 0.5, 2]) expect(detailBand(zoom, LARGE_DIAGRAM_NODES)).toBe('full');
  });

  it('paints a bigger one on a canvas far out and mounts full cards close up', () => {
    const n = LARGE_DIAGRAM_NODES + 1;
    expect(detailBand(0.19, n)).toBe('overview');
    expect(detailBand(OVERVIEW_BELOW_ZOOM - 0.001, 100_000)).toBe('overview');
    expect(detailBand(OVERVIEW_BELOW_ZOOM, n)).toBe('full');
    expect(detailBand(1, 100_000)).toBe('full');
  });

  it('keeps the threshold above the biggest test fixture (129 nodes)', () => {
    expect(LARGE_DIAGRAM_NODES).toBeGreaterThanOrEqual(129);
  });
});
