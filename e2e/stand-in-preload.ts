/**
 * A stand-in for the desktop preload in the built page, for the specs of desktop-only controls (the Electron
 * binary cannot run here). The page gets `window.desktopApi` (the DesktopBridge: loads come as the texts main
 * read, which the page ingests in its worker) with platform 'electron' (and `window.costApi`, main's part of
 * the lens, when asked) whose members named in `calls` go to main's real code in the test's process through
 * `page.exposeFunction`: only the IPC transport is replaced. Every other member refuses ("not in this test") or
 * listens to nothing. Main's menu commands reach the page through `menu(page, command)`, as main sends them.
 */
import type { Page } from '@playwright/test';

/** Main-side functions by the DesktopBridge or CostBridge member they stand in for. */
export type StandInCalls = Record<string, (...args: never[]) => unknown>;

/**
 * Installs the stand-in before the page loads: `desktop` backs DesktopBridge members, `cost` (when given) makes a
 * `costApi` whose named members are backed and the rest refuse. Main's reads (`loadFiles`, `loadDemo`,
 * `openDialog`) answer `{ sources: {name, text}[], diagnostics }` here (the test's transport carries JSON); the
 * stand-in gives the page each text's UTF-8 bytes, as main's `OpenedSources` would.
 */
export async function installStandInPreload(page: Page, desktop: StandInCalls, cost?: StandInCalls): Promise<void> {
  for (const [name, call] of Object.entries({ ...desktop, ...cost }))
    await page.exposeFunction(`__standIn_${name}`, call as (...args: unknown[]) => unknown);
  await page.addInitScript(
    ({ desktopNames, costNames }) => {
      const g = globalThis as unknown as Record<string, unknown>;
      const refuse = () => Promise.reject(new Error('not in this test'));
      const none = () => () => undefined;
      const backed =
        (name: string) =>
        (...args: unknown[]) =>
          (g[`__standIn_${name}`] as (...a: unknown[]) => Promise<unknown>)(...args);
      type Read = { sources: { name: string; text: string }[]; diagnostics: unknown[] } | null;
      const asBytes = (read: Read) =>
        read && {
          ...read,
          sources: read.sources.map((s) => ({ name: s.name, bytes: new TextEncoder().encode(s.text) })),
        };
      const reads = new Set(['loadFiles', 'loadDemo', 'openDialog']);
      const api: Record<string, unknown> = {
        platform: 'electron',
        loadFiles: refuse,
        openDialog: async () => null,
        loadDemo: refuse,
        onFiles: none,
        saveFile: async () => null,
        openExternal: async () => undefined,
        // Main's menu sends page commands here; `menu()` calls the listener as main would.
        onMenuCommand: (listener: unknown) => {
          g.__standInMenu = listener;
          return () => undefined;
        },
        // What main's menu would grey: the last list the page sent.
        setMenuUnavailable: async (commands: unknown) => {
          g.__standInMenuUnavailable = commands;
        },
        reportError: async () => undefined,
        listAwsProfiles: async () => [],
        fetchAws: refuse,
        cancelAwsFetch: async () => undefined,
        saveAwsSnapshot: refuse,
        onAwsProgress: none,
        onAwsMfaRequest: none,
        answerAwsMfa: async () => undefined,
        listKeptFetches: refuse,
        readKeptFetches: refuse,
      };
      for (const name of desktopNames)
        api[name] = reads.has(name)
          ? (...args: unknown[]) => (backed(name)(...args) as Promise<Read>).then(asBytes)
          : backed(name);
      g.desktopApi = api;
      if (costNames) {
        const costApi: Record<string, unknown> = {
          canRefreshPrices: true,
          refreshPrices: refuse,
          openPricesDialog: async () => null,
        };
        for (const name of costNames) costApi[name] = backed(name);
        g.costApi = costApi;
      }
    },
    { desktopNames: Object.keys(desktop), costNames: cost ? Object.keys(cost) : null },
  );
}

/** Main's menu sending the page `command` (what a click on its menu item does). */
export function menu(page: Page, command: string): Promise<void> {
  return page.evaluate(
    (c) => (globalThis as unknown as { __standInMenu: (c: string) => void }).__standInMenu(c),
    command,
  );
}
