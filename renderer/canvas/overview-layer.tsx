/**
 * The far-out view of a big diagram: every box painted on one <canvas> the
 * size of the pane, redrawn on each pan or zoom, instead of 20,000 mounted
 * React nodes. Filling rectangles is a few milliseconds a frame; the DOM
 * would be seconds. Cluster and service names are drawn at a fixed screen
 * size so the picture still says what is where.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { LaidOutGraph } from '../../shared/graph/types';
import type { Direction } from '../../shared/graph/view';
import { draw, paintFor, picturePlan, warmUpLabels, type EmphasisPaint, type Paint } from './overview-paint';

// One canvas for every mount, made and sized while the app waits for a file: a fresh pane-sized bitmap
// (~6 MB) is allocated on its first draw, 8-20 ms of a big load's first frame otherwise.
let shared: HTMLCanvasElement | null = null;
let warmed = false;

function overviewCanvas(): HTMLCanvasElement {
  if (shared) return shared;
  const canvas = document.createElement('canvas');
  canvas.className = 'overview-layer';
  canvas.dataset.testid = 'overview-layer';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', 'Diagram overview');
  // Above the dotted background, under the panels; the pane beneath still takes every pan and zoom.
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', zIndex: '1', pointerEvents: 'none' });
  return (shared = canvas);
}

/**
 * Makes the canvas cover a pane of `width` × `height` CSS px. It only grows: resizing reallocates its
 * bitmap, and the pane shrinks when a load shows (the bar above it); React Flow's box clips the rest.
 */
function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number, dpr: number): boolean {
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width >= w && canvas.height >= h) return false;
  canvas.width = Math.max(w, canvas.width);
  canvas.height = Math.max(h, canvas.height);
  canvas.style.width = `${canvas.width / dpr}px`;
  canvas.style.height = `${canvas.height / dpr}px`;
  return true;
}

/**
 * The idle time (ms) the browser must offer before the picture is made: it offers up to 50 ms when nothing is
 * waiting, far less while messages or frames are due. Asked again every 100 ms, up to PICTURE_IDLE_TRIES times;
 * until it is made, a pan draws each frame as before. Made on a frame instead (a pan's second), it was rasterised
 * in that frame's commit: 85-94 ms, also at the end of a fit's glide after a view switch.
 */
const PICTURE_IDLE_MS = 40;
const PICTURE_IDLE_TRIES = 50;

/**
 * A picture's zoom, pixel ratio, the flow point at its top left, and the fraction of a device pixel its drawing
 * is shifted by: a pan by whole pixels keeps the viewport's fraction (a fit leaves one), so a picture drawn with
 * it is copied to whole pixels and matches a straight draw pixel for pixel.
 */
interface Picture {
  zoom: number;
  dpr: number;
  originX: number;
  originY: number;
  phaseX: number;
  phaseY: number;
  /** The drawing, rasterised when it was made: copying it is a plain blit. */
  bitmap: ImageBitmap;
}

/** Where the picture's top left falls on the pane, in device pixels, for viewport `[tx, ty, zoom]`. */
function pictureAt(p: Pick<Picture, 'originX' | 'originY'>, [tx, ty, zoom]: readonly number[], dpr: number) {
  return { x: (tx + p.originX * zoom) * dpr, y: (ty + p.originY * zoom) * dpr };
}

const fraction = (v: number): number => v - Math.floor(v);

/** Whether `p` can be copied for viewport `transform`: same zoom and ratio, and the same fraction of a pixel. */
function fits(p: Picture | null, transform: readonly number[], dpr: number): boolean {
  if (!p || p.zoom !== transform[2] || p.dpr !== dpr) return false;
  const at = pictureAt(p, transform, dpr);
  return Math.abs(fraction(at.x) - p.phaseX) < 0.01 && Math.abs(fraction(at.y) - p.phaseY) < 0.01;
}

/**
 * Draws the whole of `paint` at `zoom` into a picture; null (and nothing drawn) when it would be too big,
 * closer in, where a frame draws only what is on screen anyway.
 */
function drawPicture(
  paint: Paint,
  horizontal: boolean,
  transform: readonly number[],
  dpr: number,
  emphasis: EmphasisPaint | null,
): Picture | null {
  const zoom = transform[2];
  const plan = picturePlan(paint, zoom, dpr);
  if (!plan) return null;
  const at = pictureAt(plan, transform, dpr);
  const phaseX = fraction(at.x);
  const phaseY = fraction(at.y);
  const target = new OffscreenCanvas(Math.ceil(plan.width * dpr), Math.ceil(plan.height * dpr));
  const ctx = target.getContext('2d');
  if (!ctx) return null;
  const shift: [number, number, number] = [
    -plan.originX * zoom + phaseX / dpr,
    -plan.originY * zoom + phaseY / dpr,
    zoom,
  ];
  // The offscreen context draws as the pane's does (the same calls, no DOM).
  draw(ctx as unknown as CanvasRenderingContext2D, paint, horizontal, shift, plan.width, plan.height, dpr, emphasis);
  // Rasterised here, in this idle moment: a canvas records what is drawn on it and rasterises it when first read,
  // and a canvas copied onto the pane was rasterised in the commit of the first frame that copied it (81-94 ms at
  // 100k, even after reading a pixel of it). An ImageBitmap is pixels.
  return {
    zoom,
    dpr,
    originX: plan.originX,
    originY: plan.originY,
    phaseX,
    phaseY,
    bitmap: target.transferToImageBitmap(),
  };
}

/**
 * Gets the overview ready for a pane of `width` × `height` while the app is idle: the canvas made at that
 * size, its bitmap allocated and the labels' fonts drawn once (the first text on a canvas sets up its
 * text machinery: 20-50 ms here, software raster).
 */
export function prepareOverview(width: number, height: number): void {
  const canvas = overviewCanvas();
  // Showing a diagram: it is ready, and resizing would blank it.
  if (canvas.isConnected) return;
  const grown = fitCanvas(canvas, width, height, window.devicePixelRatio || 1);
  if (!grown && warmed) return;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  warmed = true;
  warmUpLabels(ctx);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
}

/**
 * Paints `source` under the pane's viewport: a paint made already (the preview of a layout still to come,
 * or the one kept for a layout), else the layout, painted here; with `emphasis`, what a search or a
 * selection lights stays bright and the rest is dimmed. `pictures`: keep a picture for pans (see `drawPicture`);
 * off while a preview is shown (a big load's worker is still busy, and the layout's paint replaces it soon).
 * Mount it only in the overview band.
 */
export function OverviewLayer({
  source,
  direction,
  overlayOn,
  emphasis = null,
  pictures = true,
}: {
  source: Paint | LaidOutGraph;
  direction: Direction;
  overlayOn: boolean;
  emphasis?: EmphasisPaint | null;
  pictures?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  useLayoutEffect(() => {
    const canvas = overviewCanvas();
    host.current?.appendChild(canvas);
    return () => {
      // Blank and not "painted" until the next mount draws: it may show another load.
      canvas.remove();
      delete canvas.dataset.painted;
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    };
  }, []);
  useEffect(() => {
    const canvas = overviewCanvas();
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    // Prepared and first drawn in a task of its own, not in the commit that mounts this (on a 20k-node load the
    // commit is also the one that received the layout, and the two together made one long task) nor in the
    // frame that shows it: at 100k the draw (~40 ms) and that frame's commit (~60 ms, more while the ingest
    // worker is busy on the other core) were one task of 91-126 ms.
    let paint: Paint | null = null;
    let frame = 0;
    let first: ReturnType<typeof setTimeout> | undefined;
    // A picture of the whole drawing at the current zoom, made while the page is idle: a pan copies it.
    let picture: Picture | null = null;
    delete canvas.dataset.picture;
    let idle = 0;
    let later: ReturnType<typeof setTimeout> | undefined;
    const stopPicture = () => {
      cancelIdleCallback(idle);
      clearTimeout(later);
    };
    const render = () => {
      frame = 0;
      paint ??= 'buckets' in source ? source : paintFor(source, direction, overlayOn);
      const { transform, width, height } = store.getState();
      const zoom = transform[2];
      const dpr = window.devicePixelRatio || 1;
      fitCanvas(canvas, width, height, dpr);
      if (picture && fits(picture, transform, dpr)) {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, width * dpr, height * dpr);
        const at = pictureAt(picture, transform, dpr);
        ctx.drawImage(picture.bitmap, Math.floor(at.x), Math.floor(at.y));
        canvas.dataset.frame = 'copied';
      } else {
        canvas.dataset.frame = 'drawn';
        delete canvas.dataset.picture;
        draw(ctx, paint, direction === 'LR', transform, width, height, dpr, emphasis);
        // The picture at this zoom made once the page is idle a while, so the first frame of a pan copies it too.
        // Never forced: made while a big load's parts were arriving, it ran into their messages and collections
        // (an open's longest task 124-130 ms in 3 of 7 opens at 100k, none over 100 in 4 without it).
        stopPicture();
        const drawn = paint;
        let tries = 0;
        const make = (deadline: IdleDeadline) => {
          const now = store.getState().transform;
          if (now[2] !== zoom || fits(picture, now, dpr)) return;
          if (deadline.timeRemaining() >= PICTURE_IDLE_MS) {
            picture?.bitmap.close();
            picture = drawPicture(drawn, direction === 'LR', now, dpr, emphasis);
            // Said on the canvas, as `data-painted` is: tests wait for it before a pan.
            if (picture) canvas.dataset.picture = 'ready';
          } else if (++tries < PICTURE_IDLE_TRIES) later = setTimeout(() => (idle = requestIdleCallback(make)), 100);
        };
        if (pictures) idle = requestIdleCallback(make);
      }
      canvas.dataset.painted = 'true';
    };
    first = setTimeout(() => {
      first = undefined;
      render();
    }, 0);
    // One draw per frame however many viewport updates arrive, and no React render for any of them.
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) &&
        !frame &&
        first === undefined
      )
        frame = requestAnimationFrame(render);
    });
    return () => {
      unsubscribe();
      clearTimeout(first);
      if (frame) cancelAnimationFrame(frame);
      stopPicture();
      picture?.bitmap.close();
    };
  }, [source, direction, overlayOn, emphasis, pictures, store]);
  // The shared canvas goes in here; the box itself takes no room (the canvas is placed over the pane).
  return <div ref={host} style={{ display: 'contents' }} />;
}
