import { describe, expect, it } from 'vitest';
import { ingest, summarize } from './index';
import { recoverJson } from './parse-json';
import { loadFixture } from '../../fixtures/load-fixtures';

const recovery = (file: string) => loadFixture('recovery', file);
const sample = loadFixture('samples', 'awscli-describe-tasks-2-fargate.json');

describe('a broken file gives back what it can', () => {
  it('describe-tasks with one missing comma: both tasks load, marked recovered; the error keeps its line and column', () => {
    const t = ingest([recovery('describe-tasks-missing-comma.json')]);
    expect(t.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      {
        severity: 'error',
        code: 'json-syntax',
        message: "invalid JSON: ',' expected",
        file: 'describe-tasks-missing-comma.json',
        line: 70,
        column: 13,
      },
    ]);
    const tasks = t.tasks.filter((x) => !x.placeholder);
    expect(tasks).toHaveLength(2);
    for (const task of tasks) expect(task.recoveredFrom).toEqual(['describe-tasks-missing-comma.json']);
    // Read whole: the same tasks as the valid sample gives, but for the mark.
    const whole = ingest([{ ...sample, name: 'describe-tasks-missing-comma.json' }]).tasks.filter(
      (x) => !x.placeholder,
    );
    expect(tasks.map(({ recoveredFrom: _r, ...rest }) => rest)).toEqual(
      whole.map(({ recoveredFrom: _r, ...rest }) => rest),
    );
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'recovered',
        message: expect.stringContaining('2 objects'),
      }),
    );
  });

  it.each([
    ['describe-tasks-ellipsis.json', 161, 13, 'unexpected character'],
    ['describe-tasks-truncated.json', 160, 27, 'unterminated string'],
  ])(
    '%s: the damaged task is dropped with a warning at its position, never half-read; the whole one loads',
    (file, line, column, words) => {
      const t = ingest([recovery(file)]);
      expect(t.diagnostics.filter((d) => d.severity === 'error')).toEqual([
        expect.objectContaining({ code: 'json-syntax', line, column, message: `invalid JSON: ${words}` }),
      ]);
      const tasks = t.tasks.filter((x) => !x.placeholder);
      expect(tasks.map((x) => x.shortId)).toEqual(['74de0355a10a4f979ac495c14EXAMPLE']);
      expect(tasks[0].recoveredFrom).toEqual([file]);
      expect(t.tasks.some((x) => x.shortId === 'd789e94343414c25b9f6bd59eEXAMPLE')).toBe(false);
      expect(t.diagnostics).toContainEqual({
        severity: 'warning',
        code: 'damaged-object',
        message:
          'task at $.tasks[1] not loaded: the broken file cuts it short or leaves a gap in it, and none of its fields is guessed',
        file,
        path: '$.tasks[1]',
        line: 94,
        column: 9,
      });
    },
  );

  it('published CLI reference examples: what each gives back', () => {
    const names = (file: string) => {
      const t = ingest([recovery(file)]);
      const described = [...t.clusters, ...t.services, ...t.capacityProviders, ...t.containerInstances].filter(
        (x) => !x.placeholder,
      );
      expect(described.every((x) => x.recoveredFrom?.[0] === file)).toBe(true);
      expect(t.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
      return described.map((x) => x.name);
    };
    expect(names('delete-cluster-1.json')).toEqual(['MyCluster']); // a missing comma
    expect(names('update-service-1.json')).toEqual(['my-http-service']); // a trailing comma
    expect(names('create-capacity-provider-1.json')).toEqual(['MyCapacityProvider']); // its wrapper unclosed, it whole
    expect(names('put-cluster-capacity-providers-2.json')).toEqual([]); // key-value pairs inside an array: a guess
    expect(names('update-container-agent-1.json')).toEqual([]); // "..." for elided fields
    expect(names('update-cluster-1.json')).toEqual([]); // no opening brace: nothing to read
  });

  it('a file of valid JSON is never marked; an object also in a whole file keeps the mark of the broken one', () => {
    const t = ingest([sample]);
    expect(t.tasks.every((x) => x.recoveredFrom === undefined)).toBe(true);
    const both = ingest([sample, recovery('describe-tasks-missing-comma.json')]);
    const tasks = both.tasks.filter((x) => !x.placeholder);
    expect(tasks).toHaveLength(2);
    expect(tasks.every((x) => x.recoveredFrom?.[0] === 'describe-tasks-missing-comma.json')).toBe(true);
    expect(summarize(both).counts.tasks).toBe(2);
  });

  it('recoverJson: a __proto__ key is data, not a prototype; deep nesting gives up without throwing', () => {
    const r = recoverJson('{"tasks": [{"__proto__": {"polluted": 1} "taskArn": "x"}]}')!;
    const task = (r.value as { tasks: Record<string, unknown>[] }).tasks[0];
    expect(Object.getPrototypeOf(task)).toBe(Object.prototype);
    expect(Object.keys(task)).toEqual(['__proto__', 'taskArn']);
    expect(r.damaged(['tasks', 0])).toBe(false);
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(() => recoverJson(deep)).not.toThrow();
    // The file's error is still a syntax error with its position, not an internal error.
    expect(ingest([{ name: 'deep.json', text: '{"tasks":' + deep }]).diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'json-syntax', line: 1, column: 400_009 }),
    ]);
  });
});
