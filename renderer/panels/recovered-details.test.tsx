import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { ingest } from '../../shared/ingest/index';
import tasksMissingComma from '../../fixtures/recovery/describe-tasks-missing-comma.json?raw';
import runTask from '../../fixtures/ingest/aws-cli-examples/run-task-1.json?raw';
import { useDiagramStore } from '../store/diagram-store';
import { fakeDesktopApi } from '../testing/fake-desktop-api';
import { DetailsPanel } from './details-panel';

beforeEach(() => useDiagramStore.getState().close());
afterEach(cleanup);

describe('DetailsPanel: an object recovered from a broken file', () => {
  it('says so in a line naming the file, and a task names its capacity provider, not its id', () => {
    const t = ingest([
      { name: 'describe-tasks-missing-comma.json', text: tasksMissingComma },
      { name: 'run-task-1.json', text: runTask },
    ]);
    act(() => useDiagramStore.getState().setTopology(t, 'test'));
    render(<DetailsPanel api={fakeDesktopApi()} />);
    const recovered = t.tasks.find((x) => x.recoveredFrom)!;
    act(() => useDiagramStore.getState().select(recovered.id));
    expect(screen.getByTestId('recovered-note').textContent).toContain(
      'Recovered from a broken file: describe-tasks-missing-comma.json is not valid JSON',
    );
    const clean = t.tasks.find((x) => !x.placeholder && !x.recoveredFrom)!;
    act(() => useDiagramStore.getState().select(clean.id));
    expect(screen.queryByTestId('recovered-note')).toBeNull();
    // run-task's EC2 task names a provider nobody described: the panel reads its name, marked as referenced only.
    expect(screen.getByTestId('details-panel').textContent).toContain('example-capacity-provider (referenced only)');
  });
});
