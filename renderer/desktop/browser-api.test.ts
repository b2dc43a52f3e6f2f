import { describe, expect, it } from 'vitest';
import { createBrowserApi, isConsoleUrl, readAndIngest } from './browser-api';

const tasksJson = JSON.stringify({
  tasks: [
    {
      taskArn: 'arn:aws:ecs:eu-west-1:111122223333:task/prod/abc123',
      clusterArn: 'arn:aws:ecs:eu-west-1:111122223333:cluster/prod',
      launchType: 'FARGATE',
      lastStatus: 'RUNNING',
      containers: [{ name: 'app', lastStatus: 'RUNNING' }],
    },
  ],
  failures: [],
});

function inFolder(file: File, relative: string): File {
  Object.defineProperty(file, 'webkitRelativePath', { value: relative });
  return file;
}

describe('browser DesktopApi', () => {
  it('reads picked files and ingests them', async () => {
    const t = await readAndIngest([new File([tasksJson], 'tasks.json')]);
    expect(t.tasks.map((x) => x.shortId)).toEqual(['abc123']);
  });

  it('reports a broken file and still loads the good one', async () => {
    const t = await readAndIngest([
      new File([tasksJson], 'tasks.json'),
      new File(['{"services": [ {"a": 1 "b": 2} ]}'], 'broken.json'),
    ]);
    expect(t.tasks).toHaveLength(1);
    const error = t.diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({ file: 'broken.json', code: 'json-syntax', line: 1 });
  });

  it('skips non-JSON files of a picked folder, naming them by their path in it', async () => {
    const t = await readAndIngest([
      inFolder(new File([tasksJson], 'tasks.json'), 'snap/tasks.json'),
      inFolder(new File(['notes'], 'README.md'), 'snap/README.md'),
    ]);
    expect(t.tasks).toHaveLength(1);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'skipped', file: 'snap/README.md' }),
    );
    expect(t.files.map((f) => f.name)).toContain('snap/tasks.json');
  });

  it('says so when a picked folder has no JSON file at all', async () => {
    const t = await readAndIngest([inFolder(new File(['notes'], 'README.md'), 'snap/README.md')]);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'empty',
        message: 'no *.json files in this folder',
        file: 'snap',
      }),
    );
    const withJson = await readAndIngest([inFolder(new File([tasksJson], 'tasks.json'), 'snap/tasks.json')]);
    expect(withJson.diagnostics.filter((d) => d.code === 'empty')).toEqual([]);
  });

  it('ships a demo snapshot of three clusters (the third, cost-lab, in us-east-1 for the launch-type lens), 8+ services and 40+ tasks with an unhealthy and a stopped one', async () => {
    const t = await createBrowserApi().loadDemo();
    expect(t.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(t.clusters).toHaveLength(3);
    expect(t.services.length).toBeGreaterThanOrEqual(8);
    expect(t.tasks.length).toBeGreaterThanOrEqual(40);
    expect(t.tasks.some((x) => x.healthStatus === 'UNHEALTHY')).toBe(true);
    expect(t.tasks.some((x) => x.lastStatus === 'STOPPED')).toBe(true);
    expect(new Set(t.tasks.map((x) => (x.spot ? 'FARGATE_SPOT' : x.launchType)))).toEqual(
      new Set(['EC2', 'FARGATE', 'FARGATE_SPOT', 'MANAGED_INSTANCES', 'EXTERNAL']),
    );
  });

  it('opens only AWS console URLs', () => {
    expect(isConsoleUrl('https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters')).toBe(true);
    expect(isConsoleUrl('https://console.aws.amazon.com.evil.example/')).toBe(false);
    expect(isConsoleUrl('http://eu-west-1.console.aws.amazon.com/')).toBe(false);
    expect(isConsoleUrl('javascript:alert(1)')).toBe(false);
  });
});
