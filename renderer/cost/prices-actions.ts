/**
 * Load prices… and Refresh prices, once for every way in: the toolbar's buttons and the View menu's commands
 * (renderer/commands/commands.ts). A prices file, however it was picked, ends in `applyPricesChoice`; a refresh,
 * however it was asked for, in `refreshLensPrices`.
 */
import {
  NO_REFRESH_MESSAGE,
  pricesFileTooLarge,
  type CostApi,
  type PricesFileChoice,
  type RefreshPricesRequest,
} from '../../shared/ipc/cost-api';
import type { Topology } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';
import { useCostStore } from './cost-store';

/** The regions a load's objects are in (for Refresh prices). */
export function regionsOf(topology: Topology | null): string[] {
  if (!topology) return [];
  const set = new Set<string>();
  for (const list of [topology.clusters, topology.services, topology.containerInstances])
    for (const e of list) if (e.region) set.add(e.region);
  return [...set].sort();
}

/**
 * The AWS profile of a live load, from its label (`AWS <profile> · <regions>`, renderer/aws/aws-controls.tsx);
 * undefined for the default credentials; null when the load is not live (Refresh prices is for live mode).
 */
export function liveProfileOf(sourceLabel: string): string | undefined | null {
  if (!sourceLabel.startsWith('AWS ')) return null;
  const profile = sourceLabel.slice(4).split(' · ')[0];
  return profile === 'default credentials' ? undefined : profile;
}

/**
 * Lays a picked prices file over the bundled table and turns the lens on, where its answer (or the file's own
 * diagnostics) shows; a refused file is named with its reason in the lens, and the prices before it stay.
 */
export function applyPricesChoice(choice: PricesFileChoice): void {
  const store = useCostStore.getState();
  if (choice.kind === 'read') store.setPrices({ name: choice.name, text: choice.text });
  else store.setRefusal(`Prices file refused: ${choice.name}: ${choice.reason}`);
  if (!useCostStore.getState().on) store.toggle();
}

/** The toolbar's Load prices…: a file from the page's file input, refused unread when it is too big. */
export async function loadPricesFile(file: File): Promise<void> {
  const tooLarge = pricesFileTooLarge(file.size);
  if (tooLarge) return applyPricesChoice({ kind: 'refused', name: file.name, reason: tooLarge });
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return applyPricesChoice({
      kind: 'refused',
      name: file.name,
      reason: `cannot read: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  applyPricesChoice({ kind: 'read', name: file.name, text });
}

/** The menu's Load Prices…: the host's own open dialog (main's, on the desktop); cancel changes nothing. */
export async function openPricesFromHost(cost: CostApi): Promise<void> {
  let choice: PricesFileChoice | null;
  try {
    choice = await cost.openPricesDialog();
  } catch (e) {
    useCostStore.getState().setError(`Load prices failed: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (choice) applyPricesChoice(choice);
}

/**
 * What Refresh prices would ask the host for, or why it cannot: it needs the desktop app, a live load (its
 * profile asks the Price List API) and a region to ask about. The toolbar shows the button only when it can.
 */
export function refreshRequest(
  cost: Pick<CostApi, 'canRefreshPrices'>,
  topology: Topology | null,
  sourceLabel: string,
): { ok: true; request: RefreshPricesRequest } | { ok: false; why: string } {
  if (!cost.canRefreshPrices) return { ok: false, why: NO_REFRESH_MESSAGE };
  if (!topology) return { ok: false, why: 'Refresh prices needs a diagram open: connect to AWS first.' };
  const profile = liveProfileOf(sourceLabel);
  if (profile === null)
    return {
      ok: false,
      why: "Refresh prices asks the AWS Price List API with a live load's profile: this load is from files. Connect to AWS, or use Load prices… for a prices file.",
    };
  const regions = regionsOf(topology);
  if (regions.length === 0)
    return { ok: false, why: 'Refresh prices found no AWS region in this load to ask the Price List API about.' };
  return { ok: true, request: { regions, ...(profile ? { profile } : {}) } };
}

/**
 * Refresh prices: today's list prices of the load's regions from the host, then the lens on with them. When it
 * cannot run, the page's notice says why (the desktop menu offers it whatever is on screen).
 */
export async function refreshLensPrices(cost: CostApi): Promise<void> {
  const diagram = useDiagramStore.getState();
  const asked = refreshRequest(cost, diagram.topology, diagram.sourceLabel);
  if (!asked.ok) {
    diagram.setNotice(asked.why);
    return;
  }
  const store = useCostStore.getState();
  store.setComputing(true);
  try {
    const prices = await cost.refreshPrices(asked.request);
    store.setPrices(prices);
    if (!useCostStore.getState().on) store.toggle();
  } catch (e) {
    store.setError(`Refresh prices failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
