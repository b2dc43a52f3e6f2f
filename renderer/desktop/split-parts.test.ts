/** How the ingest worker cuts a big load into messages, and how the page puts it back together. */
import { describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest/index';
import { generateAccount, generateAccountOfSize } from '../../shared/synth/generate-account';
import { PART_LISTS } from './ingest-worker-protocol';
import { fillContainers, PART_WEIGHT, sendSlim, sendsInParts, splitIntoParts } from './split-parts';
import type { IngestPart } from './ingest-worker-protocol';
import type { Task } from '../../shared/model/types';

const big = ingest([{ name: 'big.json', text: JSON.stringify(generateAccountOfSize(5000)) }]);

describe('splitIntoParts', () => {
  it('sends every object of the big lists exactly once, in order, the last part marked', () => {
    expect(sendsInParts(big)).toBe(true);
    const parts = splitIntoParts(big, 3);
    expect(parts.length).toBeGreaterThan(5);
    for (const list of PART_LISTS) {
      const received = parts.filter((p) => p.part === list).flatMap((p) => p.items);
      expect(received).toEqual(big[list]);
    }
    expect(parts.every((p) => p.load === 3)).toBe(true);
    expect(parts.filter((p) => p.last)).toEqual([parts[parts.length - 1]]);
  });

  it('keeps each part within the weight a page receives in one short task (objects and what they hold)', () => {
    const weight = (item: object) =>
      1 +
      ['containers', 'events', 'deployments', 'containerDefinitions'].reduce(
        (n, k) => n + ((item as Record<string, unknown[]>)[k]?.length ?? 0),
        0,
      );
    for (const p of splitIntoParts(big, 1)) {
      const w = p.items.reduce((n: number, i) => n + weight(i as object), 0);
      // A single object heavier than the budget travels alone.
      expect(w <= PART_WEIGHT || p.items.length === 1).toBe(true);
    }
  });

  it('sends a small load in one message (no parts)', () => {
    const small = ingest([
      {
        name: 'small.json',
        text: JSON.stringify(generateAccount({ seed: 2, clusters: 1, services: 3, tasksPerService: [2, 3] })),
      },
    ]);
    expect(sendsInParts(small)).toBe(false);
    expect(splitIntoParts(small, 1)).toEqual([]);
  });

  it('sends tasks without what their containers repeat, and the page gets them back whole', () => {
    const parts = splitIntoParts(big, 1).filter((p) => p.part === 'tasks');
    // Two containers of one name in a task: the second's id keeps its index, so it is sent as it is.
    const twin = ingest([
      {
        name: 'twin.json',
        text: JSON.stringify({
          tasks: [
            {
              taskArn: 'arn:aws:ecs:eu-west-1:111122223333:task/prod/0123456789abcdef0123456789abcdef',
              containers: [{ name: 'web' }, { name: 'web' }],
            },
          ],
        }),
      },
    ]);
    parts.push({ part: 'tasks', load: 1, items: twin.tasks, last: true });
    const before = structuredClone(parts);
    const wire: IngestPart[] = [];
    for (const p of parts) sendSlim(p, (slim) => wire.push(structuredClone(slim)));
    const sent = wire.flatMap((p) => p.items as Task[]).flatMap((t) => t.containers);
    expect(sent.filter((c) => c.id === undefined).length).toBe(sent.length - 1);
    expect(sent.find((c) => c.id !== undefined)?.id).toMatch(/\|container\|web#1$/);
    // The worker's own objects are as they were, and the page's are the same after filling in.
    expect(parts).toEqual(before);
    for (const p of wire) fillContainers(p);
    expect(wire).toEqual(before);
  });
});
