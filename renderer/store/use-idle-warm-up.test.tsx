/**
 * The idle warm-up of a load's indexes: nothing while its objects are still arriving, every step once it is
 * complete (one per idle period, in order), and nothing more for a load replaced before its steps ran.
 */
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDiagramStore } from './diagram-store';
import { useIdleWarmUp } from './use-idle-warm-up';
import { prodTopology } from '../testing/prod-fixture';

const ran: string[] = [];
vi.mock('../../shared/graph/search', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../shared/graph/search')>()),
  searchWarmUp: (t: { files: { name: string }[] }) =>
    [1, 2].map((k) => () => ran.push(`search ${k} ${t.files[0]?.name}`)),
}));
vi.mock('../panels/definitions', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../panels/definitions')>()),
  definitionsWarmUp: () => [() => ran.push('definitions')],
}));

function Host() {
  useIdleWarmUp();
  return null;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  ran.length = 0;
});

describe('useIdleWarmUp', () => {
  it('waits for every object, then runs each step in its own idle period', async () => {
    vi.useFakeTimers();
    const prod = prodTopology();
    render(<Host />);
    act(() => useDiagramStore.getState().setTopology({ ...prod, arriving: 10 }, 'prod'));
    await act(() => vi.runAllTimersAsync());
    expect(ran).toEqual([]);
    act(() => useDiagramStore.getState().setTopology(prod, 'prod'));
    await act(() => vi.advanceTimersByTimeAsync(60));
    expect(ran).toHaveLength(1);
    await act(() => vi.runAllTimersAsync());
    const name = prod.files[0]?.name;
    expect(ran).toEqual([`search 1 ${name}`, `search 2 ${name}`, 'definitions']);
  });

  it('drops the steps of a load closed before they ran', async () => {
    vi.useFakeTimers();
    render(<Host />);
    act(() => useDiagramStore.getState().setTopology(prodTopology(), 'prod'));
    act(() => useDiagramStore.getState().close());
    await act(() => vi.runAllTimersAsync());
    expect(ran).toEqual([]);
  });
});
