/** Saved views as the ingest worker receives them: every view saved under the input's label, by the key the store uses. */
// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { enableViewPersistence, savedView, savedViewsFor, saveView, viewKey } from './view-persistence';

const clusters = (...ids: string[]) => ({ clusters: ids.map((id) => ({ id })) }) as Parameters<typeof viewKey>[0];

beforeEach(() => {
  localStorage.clear();
  enableViewPersistence(localStorage);
});
afterEach(() => enableViewPersistence(null));

describe('savedViewsFor', () => {
  it('gives every view saved for a label under the key the store looks it up by', () => {
    const prod = clusters('cluster|eu-west-1|1|prod');
    const staging = clusters('cluster|eu-west-1|1|staging');
    saveView(prod, 'account.json', { ...DEFAULT_VIEW, direction: 'TB' });
    saveView(staging, 'account.json', { ...DEFAULT_VIEW, collapsed: ['x'] });
    saveView(prod, 'account.json.bak', { ...DEFAULT_VIEW, mode: 'placement' });
    const found = savedViewsFor('account.json');
    expect(found.map((f) => f.key).sort()).toEqual(
      [viewKey(prod, 'account.json'), viewKey(staging, 'account.json')].sort(),
    );
    // The worker picks by key exactly what the store would.
    expect(found.find((f) => f.key === viewKey(prod, 'account.json'))?.view).toEqual(savedView(prod, 'account.json'));
  });

  it('is empty with persistence off or nothing saved, and skips entries that are not views', () => {
    expect(savedViewsFor('account.json')).toEqual([]);
    localStorage.setItem(`${viewKey(clusters('c'), 'account.json')}`, '{"not":"a view"}');
    expect(savedViewsFor('account.json')).toEqual([]);
    enableViewPersistence(null);
    expect(savedViewsFor('account.json')).toEqual([]);
  });
});
