/**
 * Issue #13 points 5 and 11 in the web build, as a user meets them: a task definition whose log options,
 * Docker labels and command carry secrets shows them masked until Reveal; a service named with a lone
 * surrogate (valid JSON) opens in the details panel instead of crashing it.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './inspect';

const A = 'arn:aws:ecs:eu-west-1:111122223333';
const TD_ARN = `${A}:task-definition/web:7`;
const SECRETS = ['sp-L1ve-T0ken', 'dd-4p1-k3y', 's3cr3t-pw', 'hunter2', 'ovr-t0k3n'];

const taskDefinition = {
  taskDefinition: {
    taskDefinitionArn: TD_ARN,
    family: 'web',
    revision: 7,
    containerDefinitions: [
      {
        name: 'app',
        image: 'nginx:1.27',
        logConfiguration: {
          logDriver: 'splunk',
          options: { 'splunk-url': 'https://splunk:8088', 'splunk-token': 'sp-L1ve-T0ken' },
        },
        dockerLabels: { 'traefik.http.middlewares.auth.basicauth.users': 'dd-4p1-k3y' },
        command: ['serve', '--port=8080', '--db-password=s3cr3t-pw'],
        healthCheck: { command: ['CMD-SHELL', 'curl -f https://admin:hunter2@localhost/ || exit 1'] },
      },
    ],
  },
};
// `\ud800` written as a JSON escape: valid JSON, a lone surrogate once parsed.
const services = `{"services": [{"serviceArn": "${A}:service/prod/web\\ud800x", "serviceName": "web\\ud800x", "clusterArn": "${A}:cluster/prod", "launchType": "FARGATE", "desiredCount": 1, "runningCount": 1, "taskDefinition": "${TD_ARN}"}]}`;
const tasks = {
  tasks: [
    {
      taskArn: `${A}:task/prod/0123456789abcdef0123456789abcdef`,
      clusterArn: `${A}:cluster/prod`,
      taskDefinitionArn: TD_ARN,
      group: 'service:web\ud800x',
      lastStatus: 'RUNNING',
      launchType: 'FARGATE',
      overrides: { containerOverrides: [{ name: 'app', command: ['--api-token', 'ovr-t0k3n'] }] },
    },
  ],
};

test('secret-bearing fields are masked until Reveal, and a lone-surrogate service name opens', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles([
    { name: 'td.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(taskDefinition)) },
    { name: 'services.json', mimeType: 'application/json', buffer: Buffer.from(services) },
    { name: 'tasks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tasks)) },
  ]);
  const service = page.locator('[data-testid="node"][data-kind="service"]').first();
  await expect(service).toBeVisible();
  await service.click();
  const panel = page.getByTestId('details-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('web');
  for (const s of SECRETS) await expect(panel).not.toContainText(s);

  await page.getByTestId('fit-view').click();
  const task = page.locator('[data-testid="node"][data-kind="task"]').first();
  // Fit glides; a click that lands while the drawing still moves can hit the pane (which clears the selection).
  await expect(async () => {
    await task.click();
    await expect(panel.getByTestId('raw-json').first()).toContainText('"taskArn"', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  for (const s of SECRETS) await expect(panel).not.toContainText(s);
  await expect(panel).toContainText('--db-password=••••');
  await expect(panel).toContainText('"splunk-token": "••••"');
  // The task definition's raw JSON, where the log options, labels and command sit.
  await panel
    .getByTestId('raw-json')
    .last()
    .evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-masked-secrets.png') });
  await panel.getByTestId('reveal-secrets').first().click();
  for (const s of SECRETS) await expect(panel).toContainText(s);
});

test('a file PowerShell saved (UTF-16 with a byte order mark) opens in the browser as it does on the desktop', async ({
  page,
}) => {
  // `aws ecs describe-services > services.json` in Windows PowerShell 5 writes UTF-16LE with a BOM.
  const file = path.join(ROOT, 'fixtures/samples/awscli-describe-services.json');
  const utf8 = fs.readFileSync(file);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.toString('utf8'), 'utf16le')]);
  const nodes = page.locator('[data-testid="node"][data-kind="service"]');

  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(file);
  await expect(nodes.first()).toBeVisible();
  const services = await nodes.count();
  expect(services).toBeGreaterThan(0);

  await page.goto('/');
  await page
    .getByTestId('open-files')
    .setInputFiles({ name: 'services-powershell.json', mimeType: 'application/json', buffer: utf16 });
  await expect(nodes.first()).toBeVisible();
  expect(await nodes.count()).toBe(services);
  await expect(page.getByText('invalid JSON')).toHaveCount(0);
});
