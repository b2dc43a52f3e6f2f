import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { ingest, summarize } from './index';
import { pathLocator, positionAt } from './parse-json';
import { jsonPaths } from './testing/json-paths';

const DEPTH = 4000;
const arn = (kind: string, id: string): string => `arn:aws:ecs:us-east-1:123456789012:${kind}/prod/${id}`;

/** Three tasks; the middle one holds a 4,000-deep object and, after it, a field of the wrong type. */
function deepFile(): string {
  const deep = '{"a":'.repeat(DEPTH) + '"bottom"' + '}'.repeat(DEPTH);
  const task = (id: string, extra = ''): string =>
    `    {"taskArn": "${arn('task', id)}", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/prod",${extra}\n     "lastStatus": "RUNNING", "launchType": "FARGATE"}`;
  return [
    '{"tasks": [',
    task('aaa') + ',',
    `    {"taskArn": "${arn('task', 'bbb')}", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/prod",`,
    `     "overrides": ${deep},`,
    '     "lastStatus": 5, "launchType": "FARGATE"},',
    task('ccc'),
    '], "failures": []}',
  ].join('\n');
}

describe('deep nesting: one wrong-typed field next to a 4,000-deep object', () => {
  it('keeps every task of the file and names the line and column of the field', () => {
    const text = deepFile();
    const t = ingest([{ name: 'deep.json', text }]);
    expect(t.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(summarize(t).counts.tasks).toBe(3);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"lastStatus": 5'));
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'wrong-type',
        file: 'deep.json',
        path: '$.tasks[1].lastStatus',
        line: line + 1,
        column: lines[line].indexOf('"lastStatus"') + 1,
      }),
    );
  });

  it('cuts what lies below 100 levels with a warning, so the load crosses to the page (structured clone)', () => {
    const t = ingest([{ name: 'deep.json', text: deepFile() }]);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'too-deep',
        file: 'deep.json',
        line: expect.any(Number) as number,
        // 100 steps from the root: tasks, 1, overrides and 97 nested keys.
        path: expect.stringMatching(/^\$\.tasks\[1\]\.overrides(\.a){97}$/) as string,
      }),
    );
    // structuredClone (worker -> page, Electron IPC) overflowed the stack at about 2,000 levels.
    expect(summarize(structuredClone(t)).counts.tasks).toBe(3);
  });

  it('finds a value at the bottom of the nesting', () => {
    const text = '{"x": ' + '['.repeat(DEPTH) + '\n  true' + ']'.repeat(DEPTH) + '}';
    const path: (string | number)[] = ['x', ...Array<number>(DEPTH).fill(0)];
    expect(pathLocator(text)(path)).toEqual({ line: 2, column: 3 });
  });

  it('a duplicate key points at the last one, the value JSON.parse keeps', () => {
    const text = '{"cpu": "1",\n "cpu": 2}';
    expect(pathLocator(text)(['cpu'])).toEqual({ line: 2, column: 2 });
  });

  it('a path that goes past what exists stops at the deepest ancestor', () => {
    const text = '{"tasks": [\n  {"a": 1}\n]}';
    expect(pathLocator(text)(['tasks', 0, 'b', 3])).toEqual({ line: 2, column: 3 });
    expect(pathLocator(text)(['tasks', 7])).toEqual({ line: 1, column: 2 });
  });

  it('agrees with jsonc-parser for every place of arbitrary (shallow) JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const tree = parseTree(text);
        const locate = pathLocator(text);
        for (const path of jsonPaths(value)) {
          const node = tree && findNodeAtLocation(tree, path);
          if (!node) continue;
          const offset = node.parent?.type === 'property' ? node.parent.offset : node.offset;
          expect(locate(path)).toEqual(positionAt(text, offset));
        }
      }),
      { numRuns: 300 },
    );
  });
});
