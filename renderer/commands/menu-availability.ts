/**
 * Which of the host menu's page commands cannot run now, told to the host so it greys them (the desktop's
 * menu was built once: Refresh Prices, Fit or Export stayed enabled with nothing open, and Refresh Prices
 * on a load from files, where the page could only say why it did nothing).
 */
import { useEffect } from 'react';
import type { MenuCommand } from '../../shared/ipc/channels';
import { COMMANDS, type CommandSpec } from '../../shared/ipc/commands';
import type { CostApi } from '../../shared/ipc/cost-api';
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import type { Topology } from '../../shared/model/types';
import { useCostStore } from '../cost/cost-store';
import { refreshRequest } from '../cost/prices-actions';
import { useDiagramStore } from '../store/diagram-store';

/** What decides it: the load on screen, its label (a live load's names its profile), and the lens's host. */
export interface MenuInputs {
  topology: Topology | null;
  sourceLabel: string;
  costHost: CostApi | null;
}

/** The desktop menu's page commands that would do nothing now, in table order (`runCommand`'s own rules). */
export function unavailableCommands({ topology, sourceLabel, costHost }: MenuInputs): MenuCommand[] {
  const out: MenuCommand[] = [];
  for (const spec of COMMANDS as readonly CommandSpec[]) {
    if (spec.desktop !== 'page' || spec.menu === 'none' || !spec.hosts.includes('electron')) continue;
    const id = spec.id as MenuCommand;
    if (spec.needsDiagram && !topology) out.push(id);
    else if (id === 'load-prices' && !costHost) out.push(id);
    else if (id === 'refresh-prices' && !(costHost && refreshRequest(costHost, topology, sourceLabel).ok)) out.push(id);
  }
  return out;
}

/** Keeps the host's menu told which page commands cannot run (the desktop only: web mode has no host menu). */
export function useMenuAvailability(api: DesktopApi): void {
  useEffect(() => {
    if (api.platform !== 'electron') return;
    let sent: string | null = null;
    let last: MenuInputs | null = null;
    const tell = () => {
      const { topology, sourceLabel } = useDiagramStore.getState();
      const costHost = useCostStore.getState().host;
      // The stores change on every selection and keystroke; what decides the menu, seldom.
      if (last && last.topology === topology && last.sourceLabel === sourceLabel && last.costHost === costHost) return;
      last = { topology, sourceLabel, costHost };
      const commands = unavailableCommands(last);
      const key = commands.join();
      if (key === sent) return;
      sent = key;
      api.setMenuUnavailable(commands).catch(() => undefined);
    };
    tell();
    const offDiagram = useDiagramStore.subscribe(tell);
    const offCost = useCostStore.subscribe(tell);
    return () => {
      offDiagram();
      offCost();
    };
  }, [api]);
}
