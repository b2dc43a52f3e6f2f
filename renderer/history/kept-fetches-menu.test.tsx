/**
 * "Kept fetches…" as a desktop user meets it: the toolbar's history controls on an Electron host whose main
 * keeps three live fetches (the timeline fixtures, as main would read them), the real desktop history host
 * (an ingest client served in the page, the handlers its worker runs) and the history panel.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import type { KeptFetchList, KeptFetchText } from '../../shared/ipc/kept-history';
import { IngestClient } from '../desktop/ingest-client';
import { installFlowEnv } from '../testing/render-node';
import { emptyTopology } from '../../shared/graph/testing/make-topology';
import { useDiagramStore } from '../store/diagram-store';
import t0930 from '../../fixtures/diff/timeline/prod-0930.json?raw';
import t1010 from '../../fixtures/diff/timeline/prod-1010.json?raw';
import t1130 from '../../fixtures/diff/timeline/prod-1130.json?raw';
import { HistoryControls } from './history-controls';
import { webHistoryHost } from './history-host';
import { HistoryPanel } from './history-panel';
import { useHistoryStore, type HistoryHost } from './history-store';

const FOLDER = '/home/me/.config/ECS Visualizer/history';
const KEPT: Record<string, { fetchedAt: string; text: string }> = {
  'snapshot-2026-11-28T09-30-00-000Z.json': { fetchedAt: '2026-11-28T09:30:00.000Z', text: t0930 },
  'snapshot-2026-11-28T10-10-00-000Z.json': { fetchedAt: '2026-11-28T10:10:00.000Z', text: t1010 },
  'snapshot-2026-11-28T11-30-00-000Z.json': { fetchedAt: '2026-11-28T11:30:00.000Z', text: t1130 },
};
const [OLDEST, MIDDLE, NEWEST] = Object.keys(KEPT) as [string, string, string];

/** A desktop host whose main keeps `names` (oldest first); `unreadable` are refused by main on reading, with why. */
function desktopApi(names: string[], unreadable: Record<string, string> = {}) {
  const list: KeptFetchList = {
    folder: FOLDER,
    entries: names.map((name) => ({ name, fetchedAt: KEPT[name]!.fetchedAt, bytes: KEPT[name]!.text.length })),
  };
  return {
    platform: 'electron' as const,
    listKeptFetches: vi.fn(async () => list),
    readKeptFetches: vi.fn(async (asked: string[]) =>
      asked.map((name): KeptFetchText =>
        unreadable[name] ? { name, ok: false, error: unreadable[name] } : { name, ok: true, text: KEPT[name]!.text },
      ),
    ),
  } satisfies Pick<DesktopApi, 'platform' | 'listKeptFetches' | 'readKeptFetches'>;
}

let host: HistoryHost;
let timeline: ReturnType<typeof vi.fn>;

beforeAll(installFlowEnv);
beforeEach(() => {
  const real = webHistoryHost(new IngestClient(null));
  timeline = vi.fn((files: { name: string; file: Blob }[]) => real.timeline(files));
  host = { ...real, timeline: timeline as unknown as HistoryHost['timeline'] };
  useHistoryStore.setState({ host, busy: false, error: null, timeline: null, comparison: null });
  // A diagram is open (the live fetch on screen): the history panel shows under it.
  useDiagramStore.setState({ topology: emptyTopology() });
});
afterEach(() => {
  cleanup();
  useHistoryStore.getState().close();
  useDiagramStore.getState().close();
});

const menu = () => screen.queryByTestId('kept-fetches-menu');

/** Opens "Kept fetches…" from the keyboard and waits for main's list to show. */
async function openKept() {
  const button = screen.getByTestId('kept-fetches-button');
  act(() => button.focus());
  fireEvent.keyDown(button, { key: 'Enter' });
  await waitFor(() => expect(menu()).not.toBeNull());
  await waitFor(() => expect(within(menu()!).queryByText('Reading the kept fetches…')).toBeNull());
}

function renderControls(api: ReturnType<typeof desktopApi>) {
  return render(
    <>
      <HistoryControls api={api} />
      <HistoryPanel />
    </>,
  );
}

describe('Kept fetches…', () => {
  it('lists the kept fetches newest first with their UTC time and size, all chosen, and says where they are', async () => {
    renderControls(desktopApi([OLDEST, MIDDLE, NEWEST]));
    await openKept();
    const rows = within(menu()!).getAllByRole('menuitemcheckbox');
    expect(rows.map((r) => r.textContent)).toEqual([
      `✓2026-11-28 11:30:00 UTC · ${(t1130.length / 1024).toFixed(1)} KiB`,
      `✓2026-11-28 10:10:00 UTC · ${Math.round(t1010.length / 1024)} KiB`,
      `✓2026-11-28 09:30:00 UTC · ${(t0930.length / 1024).toFixed(1)} KiB`,
    ]);
    expect(rows.map((r) => r.getAttribute('aria-checked'))).toEqual(['true', 'true', 'true']);
    expect(within(menu()!).getByText('3 kept, newest first · 3 chosen')).toBeTruthy();
    expect(screen.getByTestId('kept-fetches-folder').textContent).toBe(`Kept in ${FOLDER}`);
  });

  it('says so when nothing was kept yet, and where fetches will be kept', async () => {
    renderControls(desktopApi([]));
    await openKept();
    expect(screen.getByTestId('kept-fetches-empty').textContent).toBe(
      'No fetches kept yet: each complete live fetch is kept here.',
    );
    expect(screen.getByTestId('kept-fetches-folder').textContent).toBe(`Kept in ${FOLDER}`);
    expect(screen.queryByTestId('kept-fetches-show')).toBeNull();
  });

  it('Show timeline reads the chosen fetches by name and shows their timeline, as Timeline… does', async () => {
    const api = desktopApi([OLDEST, MIDDLE, NEWEST]);
    renderControls(api);
    await openKept();
    // Untick the middle one: the timeline is of the other two.
    fireEvent.click(screen.getByTestId(`kept-fetch-${MIDDLE}`));
    expect(screen.getByTestId(`kept-fetch-${MIDDLE}`).getAttribute('aria-checked')).toBe('false');
    expect(within(menu()!).getByText('3 kept, newest first · 2 chosen')).toBeTruthy();
    fireEvent.click(screen.getByTestId('kept-fetches-show'));
    await waitFor(() => expect(screen.getByTestId('history-panel')).toBeTruthy());

    expect(api.readKeptFetches).toHaveBeenCalledExactlyOnceWith([OLDEST, NEWEST]);
    const files = timeline.mock.calls[0]![0] as { name: string; file: Blob }[];
    expect(files.map((f) => f.name)).toEqual([OLDEST, NEWEST]);
    expect(await Promise.all(files.map((f) => f.file.text()))).toEqual([t0930, t1130]);
    // What the user sees: the panel's timeline of the two, the menu closed.
    expect(screen.getByRole('heading', { name: 'Timeline · 2 loads' })).toBeTruthy();
    const steps = within(screen.getByTestId('timeline-steps')).getAllByRole('button');
    expect(steps.map((s) => s.querySelector('.timeline-name')?.textContent)).toEqual([OLDEST, NEWEST]);
    expect(menu()).toBeNull();
  });

  it('a fetch main would not read is named as left out; the others still make the timeline', async () => {
    const why = `${MIDDLE}: a named pipe (FIFO), not a regular file; it was not read`;
    renderControls(desktopApi([OLDEST, MIDDLE, NEWEST], { [MIDDLE]: why }));
    await openKept();
    fireEvent.click(screen.getByTestId('kept-fetches-show'));
    await waitFor(() => expect(screen.getByTestId('history-panel')).toBeTruthy());
    expect(screen.getByRole('heading', { name: 'Timeline · 2 loads' })).toBeTruthy();
    expect(screen.getByText(`Left out (input errors): ${MIDDLE}`)).toBeTruthy();
  });

  it('with no diagram open, Show timeline still reads the chosen fetches (the app shows the panel on its own)', async () => {
    useDiagramStore.getState().close();
    const api = desktopApi([OLDEST, NEWEST]);
    renderControls(api);
    await openKept();
    fireEvent.click(screen.getByTestId('kept-fetches-show'));
    await waitFor(() => expect(api.readKeptFetches).toHaveBeenCalledWith([OLDEST, NEWEST]));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Timeline · 2 loads' })).toBeTruthy());
  });

  it('says why when the list cannot be had', async () => {
    const api = desktopApi([]);
    api.listKeptFetches.mockRejectedValueOnce(new Error('EACCES: permission denied'));
    renderControls(api);
    await openKept();
    expect(within(menu()!).getByRole('alert').textContent).toBe(
      'Could not list the kept fetches: EACCES: permission denied',
    );
  });

  it('is offered on the desktop only: web mode keeps no fetches', () => {
    const api = desktopApi([OLDEST]);
    const { unmount } = render(<HistoryControls api={{ ...api, platform: 'web' }} />);
    expect(screen.getByText('Timeline…')).toBeTruthy();
    expect(screen.queryByText('Kept fetches…')).toBeNull();
    unmount();
    render(<HistoryControls api={api} />);
    expect(screen.getByText('Kept fetches…')).toBeTruthy();
  });
});
