/** Where the details panel gets an object's raw JSON: the LayoutHost's `loadRaw`, provided by the app. */
import { createContext } from 'react';
import { topologyIndex } from '../../shared/model/topology-index';
import type { Topology } from '../../shared/model/types';
import type { LayoutHost } from './layout-host';

/** The raw JSON carried on an object of `topology` (a load made on the page; the panel on its own, in tests). */
export async function carriedRaw(topology: Topology, objectId: string): Promise<Record<string, unknown> | undefined> {
  return topologyIndex(topology).entity(objectId)?.raw;
}

/** The app provides its LayoutHost's `loadRaw`; without a provider, the raw JSON the objects carry. */
export const RawSourceContext = createContext<LayoutHost['loadRaw']>(carriedRaw);
