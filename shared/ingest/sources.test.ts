import { describe, expect, it } from 'vitest';
import { ingest } from './index';

const task = (id: string, version = 1) => ({
  taskArn: `arn:aws:ecs:eu-west-1:1:task/prod/${id}`,
  clusterArn: 'arn:aws:ecs:eu-west-1:1:cluster/prod',
  lastStatus: 'RUNNING',
  version,
});

describe('sources: which files described an object', () => {
  it('lists every file that described an object, and only those, when files share objects', () => {
    const t = ingest([
      { name: 'a.json', text: JSON.stringify({ tasks: [task('aaa'), task('both')] }) },
      { name: 'b.json', text: JSON.stringify({ tasks: [task('both', 2), task('bbb')] }) },
    ]);
    const sourcesOf = (id: string) => t.tasks.find((x) => x.shortId === id)?.sources;
    expect(sourcesOf('aaa')).toEqual(['a.json']);
    expect(sourcesOf('both')).toEqual(['a.json', 'b.json']);
    expect(sourcesOf('bbb')).toEqual(['b.json']);
    // Merging the shared task gave it its own list: the others of a.json still say only a.json.
    expect(sourcesOf('aaa')).not.toBe(sourcesOf('both'));
  });
});
