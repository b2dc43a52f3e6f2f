/**
 * The desktop's history host: main ingested the load (its topology carries raw JSON), so "Compare with…" sends
 * it to an ingest worker of its own with the older files. Driven here through a client served in the page (the
 * same handlers the worker runs); the Electron binary cannot run in this environment.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest/index';
import { IngestClient } from '../desktop/ingest-client';
import digestNewServices from '../../fixtures/diff/image-digest/new/describe-services.json?raw';
import digestNewTasks from '../../fixtures/diff/image-digest/new/describe-tasks.json?raw';
import digestOldServices from '../../fixtures/diff/image-digest/old/describe-services.json?raw';
import digestOldTasks from '../../fixtures/diff/image-digest/old/describe-tasks.json?raw';
import t0930 from '../../fixtures/diff/timeline/prod-0930.json?raw';
import t1010 from '../../fixtures/diff/timeline/prod-1010.json?raw';
import { desktopHistoryHost } from './history-host';

const blob = (name: string, text: string) => ({ name, file: new Blob([text]) });

describe('desktop history host', () => {
  it('starts its worker on first use only, then compares the load on screen (raw JSON carried) with older files', async () => {
    let started = 0;
    const host = desktopHistoryHost(() => {
      started += 1;
      return new IngestClient(null);
    });
    expect(started).toBe(0);
    // As main sends it: ingested there, raw JSON on the objects.
    const onScreen = ingest([
      { name: 'describe-services.json', text: digestNewServices },
      { name: 'describe-tasks.json', text: digestNewTasks },
    ]);
    const answer = await host.compare(onScreen, [
      blob('describe-services.json', digestOldServices),
      blob('describe-tasks.json', digestOldTasks),
    ]);
    expect(answer.diff?.changed.find((c) => c.field === 'images')?.to).toBe(
      'web registry.example.com/checkout:1.25@sha256:bbbbbbbbbbbb',
    );
    const timeline = await host.timeline([blob('prod-1010.json', t1010), blob('prod-0930.json', t0930)]);
    expect(timeline.steps.map((s) => s.name)).toEqual(['prod-0930.json', 'prod-1010.json']);
    expect(started).toBe(1);
  });
});
