/**
 * What the layout worker does: builds the graph from the view and lays it
 * out off the main thread. It keeps the last topology it was sent, and a
 * layout session for it, so an expand or collapse re-packs only what it
 * changed.
 */
import { createLayoutSession, type LayoutSession } from '../../shared/layout/layout-session';
import type { Topology } from '../../shared/model/types';
import type { Handlers } from '../workers/envelope';
import type { LayoutEvents, LayoutRequests } from './layout-worker-protocol';

/** The layout protocol's handlers, with the topology they hold (one worker, or the page when none can start). */
export function createLayoutHandlers(): Handlers<LayoutRequests, LayoutEvents> {
  let kept: { key: number; topology: Topology; session: LayoutSession } | null = null;
  return {
    hold: ({ key, topology }) => {
      kept = { key, topology, session: createLayoutSession() };
      return null;
    },
    layout: ({ key, view, direction }) => {
      // The client sends a topology before the first request for it, and requests arrive in order: a miss is a bug.
      if (!kept || kept.key !== key) throw new Error(`layout worker does not hold topology ${key}`);
      return kept.session.layOut(kept.topology, view, direction);
    },
  };
}
