import { describe, expect, it } from 'vitest';
import { jsonSource, loadFixtureDir } from '../../fixtures/load-fixtures';
import { ingest } from '../ingest/index';
import type { Topology } from '../model/types';
import { mergeHistory } from './merge-history';

/** A fixture load as a fetched bundle at `fetchedAt`, as the live mode keeps it. */
function snapshot(dir: string, fetchedAt: string, edit: (b: Record<string, unknown[]>) => void = () => {}): Topology {
  const bundle: Record<string, unknown[]> = {};
  for (const s of loadFixtureDir(dir)) Object.assign(bundle, JSON.parse(s.text) as Record<string, unknown[]>);
  edit(bundle);
  return ingest([jsonSource('snap.json', { format: 'ecs-visualizer/v1', fetchedAt, ...bundle })]);
}

describe('mergeHistory: the evidence ECS drops', () => {
  const first = snapshot('diff/rolling-deploy/old', '2026-11-28T09:30:00Z');
  const second = snapshot('diff/rolling-deploy/new', '2026-11-28T10:10:00Z');
  // An hour later ECS has forgotten the stopped tasks and the older events.
  const third = snapshot('diff/rolling-deploy/new', '2026-11-28T11:30:00Z', (b) => {
    b.tasks = (b.tasks as { lastStatus: string }[]).filter((t) => t.lastStatus !== 'STOPPED');
    (b.services[0] as { events: unknown[] }).events = [
      { id: 'e3', createdAt: '2026-11-28T11:00:00+00:00', message: '(service checkout) has reached a steady state.' },
    ];
  });

  it('stopped tasks seen in any snapshot stay, marked "last seen" with their state then', () => {
    const merged = mergeHistory([first, second, third]);
    const failed = merged.tasks.find((t) => t.task.shortId === 'cccc0009');
    expect(failed?.label).toBe('last seen 2026-11-28T10:10:00.000Z (STOPPED)');
    expect(failed?.task.stoppedReason).toMatch(/^CannotPullContainerError/);
    expect(merged.tasks.map((t) => t.task.shortId).sort()).toEqual(['bbbb0001', 'bbbb0002', 'bbbb0003', 'cccc0009']);
    expect(merged.tasks.every((t) => t.label.startsWith('last seen '))).toBe(true);
  });

  it('never pretends to be current: the current topology is the newest snapshot, untouched', () => {
    const merged = mergeHistory([first, second, third]);
    expect(merged.current).toBe(third);
    expect(merged.current.tasks.map((t) => t.shortId).sort()).toEqual(['cccc0001', 'cccc0002', 'cccc0003']);
    expect(merged.current.services[0].events).toHaveLength(1);
  });

  it('service events the newest snapshot dropped stay, marked "last seen"', () => {
    const merged = mergeHistory([first, second, third]);
    expect(merged.events.map((e) => [e.event.id, e.serviceName, e.label])).toEqual([
      ['e2', 'checkout', 'last seen 2026-11-28T10:10:00.000Z'],
      ['e1', 'checkout', 'last seen 2026-11-28T09:30:00.000Z'],
    ]);
  });

  it('a task still in the newest snapshot is not evidence; one snapshot alone has none', () => {
    expect(mergeHistory([third]).tasks).toEqual([]);
    expect(mergeHistory([second, third]).tasks.some((t) => t.task.shortId === 'cccc0001')).toBe(false);
  });
});
