/** Where the canvas puts a node it centres, and when the minimap shows (issue #14 point 6). */
import { describe, expect, it } from 'vitest';
import { centredViewport, freeArea, wholeDrawingVisible } from './diagram-canvas';

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
