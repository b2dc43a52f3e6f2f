/**
 * The far-out view of a big diagram: every box painted on one <canvas> the
 * size of the pane, redrawn on each pan or zoom, instead of 20,000 mounted
 * React nodes. Filling rectangles is a few milliseconds a frame; the DOM
 * would be seconds. Cluster and service names are drawn at a fixed screen
 * size so the picture still says what is where.
 */
import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { LaidOutGraph } from '../../shared/graph/types';
import type { Direction } from '../../shared/graph/view';
import { draw, paintFor, type Paint } from './overview-paint';

/** Paints `layout` under the pane's viewport; mount it only in the overview band. */
export function OverviewLayer({ layout, direction, overlayOn }: { layout: LaidOutGraph; direction: Direction; overlayOn: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    // Prepared and first drawn in the next frame, not in the commit that mounts this: on a 20k-node load
    // the commit is also the one that received the layout, and the two together made one long task.
    let paint: Paint | null = null;
    let frame = 0;
    const render = () => {
      frame = 0;
      paint ??= paintFor(layout, direction, overlayOn);
      const { transform, width, height } = store.getState();
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
        canvas.width = Math.round(width * dpr);
        canvas.height = Math.round(height * dpr);
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
      }
      draw(ctx, paint, direction === 'LR', transform, width, height, dpr);
      canvas.dataset.painted = 'true';
    };
    frame = requestAnimationFrame(render);
    // One draw per frame however many viewport updates arrive, and no React render for any of them.
    const unsubscribe = store.subscribe((s, prev) => {
      if ((s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) && !frame) frame = requestAnimationFrame(render);
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [layout, direction, overlayOn, store]);
  // Above the dotted background, under the panels; the pane beneath still takes every pan and zoom.
  return <canvas ref={ref} className="overview-layer" data-testid="overview-layer" aria-label="Diagram overview" role="img" style={{ position: 'absolute', left: 0, top: 0, zIndex: 1, pointerEvents: 'none' }} />;
}
