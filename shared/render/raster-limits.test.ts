import { describe, expect, it } from 'vitest';
import { MAX_PNG_AREA, MAX_PNG_SIDE, rasterSize, reducedSizeWarning } from './raster-limits';

describe('PNG size caps', () => {
  it('keeps the asked size when it fits', () => {
    expect(rasterSize(1348, 1404, 2)).toMatchObject({ width: 2696, height: 2808, scale: 2, reduced: false });
  });

  it('caps the longest side at 16,384 px, keeping the aspect ratio', () => {
    const s = rasterSize(12_000, 3_000, 2);
    expect(s.reduced).toBe(true);
    expect(s.width).toBe(MAX_PNG_SIDE);
    expect(s.height).toBe(Math.floor(3_000 * (MAX_PNG_SIDE / 12_000)));
  });

  it('caps the area at 268 million pixels when both sides fit but the area does not', () => {
    // 16,380² is under the side cap but just over 268 million pixels.
    const s = rasterSize(8_190, 8_190, 2);
    expect(s.reduced).toBe(true);
    expect(s.width).toBeLessThanOrEqual(MAX_PNG_SIDE);
    expect(s.height).toBeLessThanOrEqual(MAX_PNG_SIDE);
    expect(s.width * s.height).toBeLessThanOrEqual(MAX_PNG_AREA);
    expect(s.width * s.height).toBeGreaterThan(MAX_PNG_AREA * 0.99);
  });

  it('never goes below one pixel a side, however thin the drawing', () => {
    const s = rasterSize(200_000, 10, 1);
    expect(s.width).toBe(MAX_PNG_SIDE);
    expect(s.height).toBeGreaterThanOrEqual(1);
  });

  it('explains itself and suggests SVG or the default view', () => {
    const text = reducedSizeWarning(rasterSize(20_000, 20_000, 2));
    expect(text).toContain('40000×40000 px at 2×');
    expect(text).toMatch(/export SVG/);
    expect(text).toMatch(/default view/);
  });

  it('does not suggest the default view to someone already exporting it', () => {
    const text = reducedSizeWarning(rasterSize(20_000, 20_000, 2), false);
    expect(text).toMatch(/export SVG/);
    expect(text).not.toMatch(/default view/);
  });
});
