import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutLaterMembers, type LaterMembers } from './later-members';

const KEYS = ['tasks', 'taskDefinitions', 'containerInstances'];

/** The file's value put back together from the cut: the head with each emptied array parsed from its slice. */
function restored(text: string, cut: LaterMembers): unknown {
  const head = { ...cut.head };
  cut.keys.forEach((key, k) => {
    expect(head[key]).toEqual([]);
    head[key] = JSON.parse(text.slice(...cut.values[k]));
  });
  return head;
}

/** What Collector.seeLaterTask makes of the parsed tasks: how many, the services they name, any naming none. */
function seenTasks(tasks: unknown[]) {
  const objects = tasks.filter(
    (t): t is Record<string, unknown> => typeof t === 'object' && t !== null && !Array.isArray(t),
  );
  const serviceNames = new Set<string>();
  let standalone = false;
  for (const t of objects) {
    if (typeof t.group === 'string' && t.group.startsWith('service:')) serviceNames.add(t.group.slice(8));
    else standalone = true;
  }
  return { tasks: objects.length, serviceNames, standalone };
}

const bundle = {
  format: 'ecs-visualizer/v1',
  services: [{ serviceName: 'web', note: 'a "tasks": [ key inside a string', taskSets: [{ tasks: [1] }] }],
  tasks: [
    { taskArn: 'arn:1', group: 'service:web', containers: [{ name: 'c', reason: 'quote \\" and } ]' }] },
    { taskArn: 'arn:2', group: 'service:api' },
    { taskArn: 'arn:3', group: 'family:batch' },
  ],
  taskDefinitions: [{ family: 'web' }],
  targetGroups: [{ targetGroupName: 'tg' }],
};

describe('cutLaterMembers', () => {
  it.each([0, 2])('empties the top-level lists of a bundle (indent %i) and says what their tasks name', (indent) => {
    const text = JSON.stringify(bundle, null, indent);
    const cut = cutLaterMembers(text, KEYS);
    expect(cut).not.toBeNull();
    expect(cut!.keys).toEqual(['tasks', 'taskDefinitions']);
    expect(restored(text, cut!)).toEqual(bundle);
    // The head holds what the hierarchy draws, not the tasks (the `tasks` of a service's task set, first in the
    // text, is passed over and stays).
    expect(cut!.head.services).toEqual(bundle.services);
    expect(cut!.head.tasks).toEqual([]);
    expect(text.slice(...cut!.values[0])).toBe(
      JSON.stringify(bundle.tasks, null, indent).replace(/\n/g, `\n${' '.repeat(indent)}`),
    );
    expect(cut!.records).toBe(4);
    expect(cut!.tasks).toBe(3);
    expect([...cut!.serviceNames]).toEqual(['web', 'api']);
    expect(cut!.standalone).toBe(true);
  });

  it('reads groups written with escapes as JSON.parse does, and a task’s last group', () => {
    const text =
      '{"tasks":[{"gr\\u006fup":"service:w\\u0065b"},{"group":"service:x","group":"service:y"},' +
      '{"group":7},{}],"services":[]}';
    const cut = cutLaterMembers(text, KEYS)!;
    expect(cut.keys).toEqual(['tasks']);
    expect([...cut.serviceNames]).toEqual(['web', 'y']);
    expect(cut.tasks).toBe(4);
    expect(cut.standalone).toBe(true);
    expect(restored(text, cut)).toEqual(JSON.parse(text));
  });

  it.each([
    ['nothing to cut', '{"services":[{"tasks":[{"taskArn":"a"}]}]}'],
    ['a key written with escapes (JSON.parse reads it as `tasks`)', '{"t\\u0061sks":[{"a":1}]}'],
    ['the same list again, its key written with escapes', '{"tasks":[{"a":1}],"t\\u0061sks":[]}'],
    ['a list that is not an array', '{"tasks":{"taskArn":"a"}}'],
    ['an array of no objects (not a list of tasks to detect)', '{"tasks":["arn:1","arn:2"]}'],
    ['a top-level array', '[{"tasks":[{"a":1}]}]'],
    ['text after the object', '{"tasks":[{"a":1}]} {}'],
    ['a string left open', '{"tasks":[{"a":"b}]}'],
    ['an array left open', '{"tasks":[{"a":1}'],
  ])('leaves a file to be read whole: %s', (_why, text) => {
    expect(cutLaterMembers(text, KEYS)).toBeNull();
  });

  it('a list given twice at the top: what is cut is the one JSON.parse keeps (the last), or nothing is', () => {
    const twice = '{"tasks":[{"group":"service:a"}],"tasks":[{"group":"service:b"}]}';
    const cut = cutLaterMembers(twice, KEYS)!;
    expect(restored(twice, cut)).toEqual(JSON.parse(twice));
    expect([...cut.serviceNames]).toEqual(['b']);
    // Apart, the first list's key keeps its place in JSON.parse's object: that file is read whole.
    expect(cutLaterMembers('{"tasks":[{"a":1}],"services":[],"tasks":[{"b":2}]}', KEYS)).toBeNull();
  });

  it('an empty list is cut (detect says its shape) and counts nothing', () => {
    const cut = cutLaterMembers('{"tasks":[],"failures":[]}', KEYS)!;
    expect(cut.keys).toEqual(['tasks']);
    expect(cut.records).toBe(0);
    expect(cut.head).toEqual({ tasks: [], failures: [] });
  });

  it('whatever it cuts puts back together to the parsed file, with the tasks counted as seeLaterTask counts them', () => {
    const task = fc.oneof(
      fc.record(
        { group: fc.oneof(fc.string(), fc.constant('service:web'), fc.integer()), x: fc.jsonValue() },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('tasks', 'services')), fc.jsonValue({ maxDepth: 3 })),
        fc.option(fc.array(task, { maxLength: 6 })),
        fc.option(fc.array(fc.object(), { maxLength: 3 })),
        fc.constantFrom(0, 1, 2),
        (rest, tasks, definitions, indent) => {
          const value: Record<string, unknown> = { ...rest };
          if (tasks) value.tasks = tasks;
          if (definitions) value.taskDefinitions = definitions;
          const text = JSON.stringify(value, null, indent);
          const cut = cutLaterMembers(text, KEYS);
          if (!cut) return;
          expect(restored(text, cut)).toEqual(JSON.parse(text));
          const parsed = JSON.parse(text) as Record<string, unknown[] | undefined>;
          const seen = seenTasks(cut.keys.includes('tasks') ? (parsed.tasks ?? []) : []);
          expect(cut.tasks).toBe(seen.tasks);
          expect(cut.serviceNames).toEqual(seen.serviceNames);
          expect(cut.standalone).toBe(seen.standalone);
        },
      ),
      { numRuns: 400 },
    );
  });
});
