/**
 * Which nodes the canvas draws bright, highlighted or dimmed: search hits
 * (and what holds them) while there is a query, else the focus of the
 * selection (its ancestors and descendants). Nothing is dimmed otherwise.
 */
import { useMemo } from 'react';
import { ancestorIds } from '../../shared/graph/build-graph';
import { focusSet, matchSet } from '../../shared/graph/emphasis';
import { drawnStandIns, searchTopology, type SearchHit } from '../../shared/graph/search';
import { useDiagramStore } from '../store/diagram-store';

/** What the canvas needs to style nodes. */
export interface Emphasis {
  /** Nodes drawn at full strength; null when nothing is dimmed. */
  lit: ReadonlySet<string> | null;
  /** Search hits present in the graph (or the collapsed node hiding them). */
  hits: ReadonlySet<string>;
  /** The hit Enter moved to last. */
  current: string | null;
}

/** The search hits of the current query over the load. */
export function useSearchHits(): SearchHit[] {
  const topology = useDiagramStore((s) => s.topology);
  const search = useDiagramStore((s) => s.search);
  const mode = useDiagramStore((s) => s.view.mode);
  return useMemo(() => (topology ? searchTopology(topology, search, mode) : []), [topology, search, mode]);
}

/** The emphasis of the drawn graph. */
export function useEmphasis(): Emphasis {
  const topology = useDiagramStore((s) => s.topology);
  const layout = useDiagramStore((s) => s.layout);
  const selectedId = useDiagramStore((s) => s.selectedId);
  const mode = useDiagramStore((s) => s.view.mode);
  const searchIndex = useDiagramStore((s) => s.searchIndex);
  const hits = useSearchHits();
  return useMemo(() => {
    if (!layout || !topology) return { lit: null, hits: new Set<string>(), current: null };
    if (hits.length > 0) {
      // Each hit's chain is asked for twice below (what it lights, where its mark goes): ancestorIds keeps them per
      // load. A one-letter query of the 100,000-node account has 93,000 hits.
      const ancestors = (id: string) => ancestorIds(topology, id, mode);
      // A task definition or capacity provider hit lights what uses it (it has no box of its own).
      const ids = [...new Set(hits.flatMap((h) => drawnStandIns(topology, h.id)))];
      const hitSet = matchSet({ nodes: layout.nodes, edges: [] }, ids, ancestors);
      // Only the hits themselves (or their collapsed holders) are highlighted; their holders stay undimmed.
      const shown = new Set(layout.nodes.map((n) => n.id));
      const marked = new Set(
        ids
          .map((id) => (shown.has(id) ? id : ancestors(id).find((a) => shown.has(a))))
          .filter((id): id is string => id !== undefined),
      );
      const lit = matchSet(layout, hitSet);
      const current = searchIndex >= 0 && searchIndex < hits.length ? hits[searchIndex].id : null;
      return { lit, hits: marked, current };
    }
    if (search(selectedId, layout))
      return { lit: focusSet(layout, selectedId as string), hits: new Set<string>(), current: null };
    return { lit: null, hits: new Set<string>(), current: null };
  }, [layout, topology, hits, selectedId, mode, searchIndex]);
}

function search(selectedId: string | null, layout: { nodes: readonly { id: string }[] }): boolean {
  return selectedId !== null && layout.nodes.some((n) => n.id === selectedId);
}
