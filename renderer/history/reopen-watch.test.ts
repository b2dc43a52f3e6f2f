import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest/index';
import { IngestClient } from '../desktop/ingest-client';
import { useDiagramStore } from '../store/diagram-store';
import scaleOldServices from '../../fixtures/diff/scale-up/old/describe-services.json?raw';
import scaleOldTasks from '../../fixtures/diff/scale-up/old/describe-tasks.json?raw';
import scaleNewServices from '../../fixtures/diff/scale-up/new/describe-services.json?raw';
import scaleNewTasks from '../../fixtures/diff/scale-up/new/describe-tasks.json?raw';
import { desktopHistoryHost } from './history-host';
import { useHistoryStore } from './history-store';
import { watchReopens } from './reopen-watch';

const load = (services: string, tasks: string) =>
  ingest([
    { name: 'describe-services.json', text: services },
    { name: 'describe-tasks.json', text: tasks },
  ]);

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  useDiagramStore.setState({ topology: null, diff: null });
  useHistoryStore.getState().close();
});

describe('desktop reopen diff', () => {
  it('reopening changed files of the same cluster marks what changed, computed by the history host', async () => {
    const host = desktopHistoryHost(() => new IngestClient(null));
    useDiagramStore.setState({ topology: load(scaleOldServices, scaleOldTasks), diff: null });
    stop = watchReopens(host);
    const next = load(scaleNewServices, scaleNewTasks);
    useDiagramStore.setState({ topology: next, diff: null });
    await expect.poll(() => useDiagramStore.getState().diff?.counts).toEqual({ added: 2, removed: 0, changed: 1 });
    expect(useHistoryStore.getState().comparison?.answer.diff?.log[0].headline).toBe(
      'checkout: desired 2 → 4, 2 tasks started',
    );
  });

  it('opening older files is not a reopen: nothing is marked', async () => {
    let asked = 0;
    const host = desktopHistoryHost(() => {
      asked += 1;
      return new IngestClient(null);
    });
    useDiagramStore.setState({ topology: load(scaleNewServices, scaleNewTasks), diff: null });
    stop = watchReopens(host);
    useDiagramStore.setState({ topology: load(scaleOldServices, scaleOldTasks), diff: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(useDiagramStore.getState().diff).toBeNull();
    expect(asked).toBe(0);
  });
});
