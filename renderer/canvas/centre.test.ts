/** Where the canvas puts a node it centres, and when the minimap shows (issue #14 point 6). */
import { describe, expect, it } from 'vitest';
import { centredViewport, fitViewport, freeArea, minZoomFor, wholeDrawingVisible } from './diagram-canvas';

const pane = { width: 1600, height: 900 };

describe('centring in the free part of the pane', () => {
  it('centres right of the open legend on a wide pane, in the middle of a narrow one', () => {
    const box = { x: 1000, y: 500, width: 200, height: 100 };
    const v = centredViewport(box, 1, pane, true, false);
    const free = freeArea(pane.width, pane.height, true);
    expect(free.left).toBeGreaterThan(0);
    expect(v.x + (box.x + box.width / 2)).toBeCloseTo(free.left + free.width / 2);
    expect(v.y + (box.y + box.height / 2)).toBeCloseTo(pane.height / 2);
    const narrow = centredViewport(box, 1, { width: 800, height: 900 }, true, false);
    expect(narrow.x + 1100).toBeCloseTo(400);
  });

  it('lifts a tall box clear of the minimap', () => {
    const tall = { x: 0, y: 0, width: 1400, height: 700 };
    const v = centredViewport(tall, 1, pane, false, true);
    const bottom = v.y + tall.height;
    const mapTop = pane.height - 15 - 150;
    expect(bottom).toBeLessThanOrEqual(mapTop);
    expect(v.y).toBeGreaterThanOrEqual(0);
  });
});

describe('the minimap shows only when part of the drawing is off screen', () => {
  it('hidden at fit, shown zoomed in', () => {
    const drawing = { width: 2400, height: 1600 };
    expect(wholeDrawingVisible(drawing, { x: 20, y: 10, zoom: 0.5 }, 1600, 900)).toBe(true);
    expect(wholeDrawingVisible(drawing, { x: -300, y: 10, zoom: 1 }, 1600, 900)).toBe(false);
  });
});

describe('Fit shows the whole drawing, however big', () => {
  // About the 20,000-node account's starting layout, in the pane left under an open Findings panel.
  const big = { width: 40_000, height: 16_000 };
  const short = { width: 1400, height: 465 };

  it('zooms out past the usual floor when the drawing needs it, names above the top row clear of the edge', () => {
    const v = fitViewport(big, short.width, short.height, true);
    expect(v.zoom).toBeLessThan(0.03);
    expect(wholeDrawingVisible(big, v, short.width, short.height)).toBe(true);
    // The overview paints each cluster's name above its box: the top row's need room above the drawing.
    expect(v.y).toBeGreaterThanOrEqual(16);
    // And the canvas lets the zoom go that far.
    expect(minZoomFor(big, short.width, short.height, true)).toBeCloseTo(v.zoom, 9);
  });

  it('keeps the usual floor for a drawing that fits above it', () => {
    expect(minZoomFor({ width: 3000, height: 1500 }, short.width, short.height, true)).toBe(0.03);
    expect(minZoomFor(null, short.width, short.height, true)).toBe(0.03);
  });
});
