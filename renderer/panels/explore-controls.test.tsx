import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { emptyTopology, makeCluster, makeService, makeTask } from '../../shared/graph/testing/make-topology';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { useDiagramStore } from '../store/diagram-store';
import { installFlowEnv } from '../testing/render-node';
import { FilterMenu } from './explore-controls';
import { ExploreBar } from './explore-bar';

function load() {
  const prod = makeCluster('prod');
  const web = makeService(prod, 'web');
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [web];
  t.tasks = [
    makeTask('a', { cluster: prod, service: web, launchType: 'EC2' }),
    makeTask('b', { cluster: prod, service: web }),
  ];
  useDiagramStore.setState({ topology: t, view: DEFAULT_VIEW });
}

const menu = () => screen.queryByTestId('filter-menu');
const button = () => screen.getByTestId('filters-button');

/** Opens the menu from the keyboard, as a user tabbing to the button would; resolves once the menu has focus. */
async function openWithKeyboard() {
  act(() => button().focus());
  fireEvent.keyDown(button(), { key: 'Enter' });
  await waitFor(() => expect(menu()?.contains(document.activeElement)).toBe(true));
  // Radix listens for outside clicks from the next tick on.
  await act(() => new Promise((r) => setTimeout(r, 0)));
}

beforeAll(installFlowEnv);
beforeEach(load);
afterEach(() => {
  cleanup();
  useDiagramStore.getState().close();
});

describe('Filters menu', () => {
  it('opens from the keyboard, moves with the arrow keys and toggles with Space, staying open', async () => {
    render(<FilterMenu />);
    expect(menu()).toBeNull();
    await openWithKeyboard();
    expect(menu()).not.toBeNull();
    expect(button().getAttribute('aria-expanded')).toBe('true');
    const items = screen.getAllByRole('menuitemcheckbox');
    expect(items.map((i) => i.textContent)).toEqual(
      expect.arrayContaining(['EC2', 'Fargate', 'running', 'pending', 'stopped', 'unhealthy', 'web']),
    );
    // ArrowDown moves from item to item.
    fireEvent.keyDown(menu()!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    fireEvent.keyDown(items[0], { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(items[1]));
    fireEvent.keyDown(items[1], { key: ' ' });
    expect(useDiagramStore.getState().view.filters.overlays).toEqual([
      items[1].getAttribute('data-testid')?.replace('filter-launch-', ''),
    ]);
    expect(items[1].getAttribute('aria-checked')).toBe('true');
    expect(menu()).not.toBeNull();
  });

  it('closes on Esc and gives focus back to its button', async () => {
    render(<FilterMenu />);
    await openWithKeyboard();
    fireEvent.keyDown(screen.getAllByRole('menuitemcheckbox')[0], { key: 'Escape' });
    await waitFor(() => expect(menu()).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(button()));
  });

  it('closes on a click outside it', async () => {
    render(
      <>
        <FilterMenu />
        <p data-testid="outside">canvas</p>
      </>,
    );
    await openWithKeyboard();
    expect(menu()).not.toBeNull();
    fireEvent.pointerDown(screen.getByTestId('outside'));
    await waitFor(() => expect(menu()).toBeNull());
  });

  it('ticking a filter shows its chip, and the chip can be clicked off with the menu still open', async () => {
    render(
      <>
        <FilterMenu />
        <ExploreBar />
      </>,
    );
    await openWithKeyboard();
    fireEvent.click(screen.getByTestId('filter-status-stopped'));
    const chip = screen.getByTestId('filter-chip');
    expect(chip.textContent).toContain('stopped');
    fireEvent.click(chip);
    expect(useDiagramStore.getState().view.filters.statuses).toBeUndefined();
  });

  it('names the cluster and service of a chip, and the id of one the load does not hold', () => {
    const { clusters, services } = useDiagramStore.getState().topology!;
    render(<ExploreBar />);
    expect(screen.queryByTestId('filter-chip')).toBeNull();
    act(() =>
      useDiagramStore.getState().setFilters({ clusterIds: [clusters[0].id], serviceIds: [services[0].id, 'gone'] }),
    );
    const labels = screen.getAllByTestId('filter-chip').map((chip) => chip.textContent);
    expect(labels).toEqual([
      expect.stringContaining('cluster prod'),
      expect.stringContaining('service web'),
      expect.stringContaining('service gone'),
    ]);
  });
});
