/** Issue #13 point 11: inspect and export print none of the values maskSecrets hides. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliInProcess } from '../test/run-cli';
import { makeTempDir, removeTempDir } from '../test/temp-files';

const ACCOUNT = '111122223333';
const TD_ARN = `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/web:7`;
const SECRETS = ['sp-L1ve-T0ken', 'dd-4p1-k3y', 's3cr3t-pw', 'hunter2', 'ovr-t0k3n', 'env-v4lue'];

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
  const container = {
    name: 'app',
    image: 'nginx:1.27',
    environment: [{ name: 'DB_URL', value: 'env-v4lue' }],
    logConfiguration: { logDriver: 'splunk', options: { 'splunk-token': 'sp-L1ve-T0ken' } },
    dockerLabels: { auth: 'dd-4p1-k3y' },
    command: ['serve', '--db-password=s3cr3t-pw'],
    healthCheck: { command: ['CMD-SHELL', 'curl -f https://admin:hunter2@localhost/ || exit 1'] },
  };
  writeFileSync(
    path.join(dir, 'td.json'),
    JSON.stringify({ taskDefinition: { taskDefinitionArn: TD_ARN, family: 'web', containerDefinitions: [container] } }),
  );
  writeFileSync(
    path.join(dir, 'tasks.json'),
    JSON.stringify({
      tasks: [
        {
          taskArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:task/prod/abc123`,
          clusterArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/prod`,
          taskDefinitionArn: TD_ARN,
          lastStatus: 'RUNNING',
          launchType: 'FARGATE',
          overrides: { containerOverrides: [{ name: 'app', command: ['--api-token', 'ovr-t0k3n'] }] },
        },
      ],
    }),
  );
});
afterAll(() => removeTempDir(dir));

describe('secret-bearing fields stay out of CLI output and exports', () => {
  it.each([['inspect'], ['inspect', '--json']])('%s %s', async (...args) => {
    const r = await cliInProcess(...args, dir);
    expect(r.code).toBe(0);
    for (const s of SECRETS) expect(r.stdout + r.stderr).not.toContain(s);
  });

  it('export SVG, expanded', async () => {
    const out = path.join(dir, 'out.svg');
    const r = await cliInProcess('export', dir, '-o', out, '--expand-all');
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('web');
    for (const s of SECRETS) expect(svg + r.stdout + r.stderr).not.toContain(s);
  });
});
