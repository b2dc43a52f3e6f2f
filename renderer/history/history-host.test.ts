/**
 * "Show on the diagram" of a timeline step (webHistoryHost's draw) on a load big enough to arrive in parts, over
 * the ingest protocol served on the page (jsdom has no workers): the step is shown, marked with what changed
 * since the step before, and the timeline stays in the panel.
 */
import { describe, expect, it } from 'vitest';
import { generateAccountOfSize } from '../../shared/synth/generate-account';
import { IngestClient } from '../desktop/ingest-client';
import { createWebHosts } from '../desktop/pick-api';
import { useDiagramStore } from '../store/diagram-store';
import { useHistoryStore } from './history-store';

const file = (name: string, value: unknown) => ({ name, file: new Blob([JSON.stringify(value)]) });

describe('drawing a timeline step', () => {
  it('opens a big step and marks what changed since the step before, after its parts arrived; the timeline stays', async () => {
    // Two describe snapshots of one account without a fetch time (files saved from the CLI), the later with one
    // task fewer: drawing the later after the earlier is also a reopen of the same scope, which the worker diffs.
    const { fetchedAt: _, ...before } = generateAccountOfSize(3000);
    const gone = before.tasks![5] as { taskArn: string };
    const after = { ...before, tasks: before.tasks!.filter((t) => t !== gone) };
    const ingest = new IngestClient(null);
    const { api } = createWebHosts(ingest);
    // As the app does: a load that arrived in parts is shown whole.
    api.onTopology((t, reason) =>
      useDiagramStore.getState().setTopology(t, useDiagramStore.getState().sourceLabel, reason),
    );
    const history = useHistoryStore.getState();
    const files = [file('early.json', before), file('late.json', after)];
    const timeline = await history.host!.timeline(files);
    history.showTimeline(timeline, files);
    expect(timeline.steps.map((s) => s.name)).toEqual(['early.json', 'late.json']);

    /** Draws `step` of the timeline and waits until it is shown whole (big enough to come in parts). */
    const draw = async (step: number, since: number) => {
      await history.host!.draw(files[step], files[since]);
      const head = useDiagramStore.getState().topology!;
      expect(useDiagramStore.getState().sourceLabel).toBe(files[step].name);
      expect(head.arriving).toBeGreaterThan(0);
      // The parts are asked for once the page has its layout (the app's layout effect, here by hand).
      const view = ingest.startingView(head)!;
      await ingest.layOut(head, view, view.direction);
      await expect.poll(() => useDiagramStore.getState().topology?.arriving, { timeout: 20_000 }).toBeUndefined();
    };
    await draw(0, 1);
    await draw(1, 0);
    // Marked with the step's changes once the load is whole (completing a load sets the canvas's marks again).
    await expect.poll(() => useDiagramStore.getState().diff?.counts.removed ?? 0, { timeout: 20_000 }).toBe(1);
    const removed = useDiagramStore.getState().diff!.changes.filter((c) => c.change === 'removed');
    expect(removed.map((c) => c.id)).toEqual([expect.stringContaining(gone.taskArn.split('/').at(-1)!)]);
    // Still the timeline in the panel: the worker's reopen diff did not replace it with a comparison.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(useHistoryStore.getState().timeline).toBe(timeline);
    expect(useHistoryStore.getState().comparison).toBeNull();
    ingest.dispose();
  });
});
