import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, truncateSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliInProcess, cliProcess } from '../test/run-cli';
import { MAX_FILE_BYTES } from '../../shared/ingest/limits';
import { independentCounts } from '../../fixtures/ingest/independent-counts';

const ROOT = join(__dirname, '..', '..');

describe('ecs-visualizer inspect (real process)', () => {
  it('--json on the samples folder prints the DESIGN.md object and exits 0', async () => {
    const r = await cliProcess('inspect', 'fixtures/samples', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.counts).toEqual({
      clusters: 3,
      services: 2,
      tasks: 4,
      containers: 4,
      taskDefinitions: 2,
      containerInstances: 2,
      capacityProviders: 3,
      targetGroups: 1,
    });
    expect(out.tasksByLaunchType).toEqual({ EC2: 2, FARGATE: 2 });
    expect(out.tasksOnFargateSpot).toBe(0);
    expect(out.placeholders).toBeGreaterThan(0);
    // SOURCES.md sits beside the samples: skipped with an info, not an error.
    expect(out.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'skipped', file: join('fixtures/samples', 'SOURCES.md') }),
    );
    expect(r.stderr).toBe('');
  }, 30_000);

  it('broken input exits 1, prints file:line:column: message to stderr, and still prints the summary of what loaded', async () => {
    const r = await cliProcess('inspect', 'fixtures/broken');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').sort()).toEqual([
      'fixtures/broken/ec2-instances.json: not an ECS describe output: top-level keys "Reservations", "NextToken"',
      'fixtures/broken/empty.json: file is empty',
      "fixtures/broken/services-missing-comma.json:6:13: invalid JSON: ',' expected",
    ]);
    expect(r.stdout).toMatch(/Tasks\s+2/);
    expect(r.stdout).toMatch(/Clusters\s+1/);
    const json = await cliProcess('inspect', 'fixtures/broken', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).diagnostics).toContainEqual({
      severity: 'error',
      code: 'json-syntax',
      message: "invalid JSON: ',' expected",
      file: 'fixtures/broken/services-missing-comma.json',
      line: 6,
      column: 13,
    });
  }, 30_000);

  it('usage errors exit 2', async () => {
    expect((await cliProcess('inspect')).code).toBe(2);
    expect((await cliProcess('inspect', '--bogus', 'x')).code).toBe(2);
    const unknown = await cliProcess('explode');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "explode"');
  }, 30_000);
});

describe('ecs-visualizer inspect', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecsv-inspect-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('environment variable values (task definitions and task overrides) never appear in its output', async () => {
    const secrets = ['td-secret-value-4242', 'override-secret-value-7731'];
    const fixtures = ['describe-task-definition-web.json', 'describe-tasks.json'].map((f) =>
      readFileSync(join(ROOT, 'fixtures/ingest/prod', f), 'utf8'),
    );
    for (const s of secrets) expect(fixtures.join('')).toContain(s); // the fixtures do hold them
    // A wrong-typed environment value is reported without its value.
    const typed = JSON.parse(fixtures[0]);
    typed.taskDefinition.containerDefinitions[0].environment.push({ name: 'PIN', value: 98765 });
    writeFileSync(join(dir, 'typed-env.json'), JSON.stringify(typed));
    for (const flags of [[], ['--json']]) {
      const r = await cliInProcess('inspect', 'fixtures/ingest/prod', join(dir, 'typed-env.json'), ...flags);
      const all = r.stdout + r.stderr;
      for (const s of [...secrets, '98765']) expect(all).not.toContain(s);
      expect(all).toContain('environment');
    }
  });

  it('a missing path is an error for that path; the others still load', async () => {
    const r = await cliInProcess(
      'inspect',
      join(dir, 'nope.json'),
      'fixtures/samples/awscli-describe-services.json',
      '--json',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${join(dir, 'nope.json')}: cannot read: no such file or folder\n`);
    expect(JSON.parse(r.stdout).counts.services).toBe(1);
  });

  it('a file over 256 MiB is refused from its size without being read', async () => {
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_FILE_BYTES + 1); // sparse: no disk used, and reading it would take seconds
    const start = performance.now();
    const r = await cliInProcess('inspect', huge, '--json');
    expect(performance.now() - start).toBeLessThan(1000);
    expect(r.code).toBe(1);
    // One byte over: not "256.0 MiB, over the 256 MiB limit" (issue #13 point 12) but the byte counts.
    expect(r.stderr).toMatch(
      /huge\.json: file is 268,435,457 bytes \(the limit is 268,435,456 bytes\), over the 256 MiB limit; it was not read/,
    );
    truncateSync(huge, 300 * 1024 * 1024);
    expect((await cliInProcess('inspect', huge)).stderr).toMatch(/huge\.json: file is 300\.0 MiB, over the 256 MiB/);
  });

  it('the readable table lists counts, launch types and problems', async () => {
    const r = await cliInProcess('inspect', 'fixtures/ingest/prod');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Services\s+4/);
    expect(r.stdout).toContain('Tasks by launch type: FARGATE 4 · EC2 2 · EXTERNAL 1 (Fargate Spot 1)');
    expect(r.stdout).toMatch(
      /warning\s+fixtures\/ingest\/prod\/describe-services\.json:\d+:\d+: AWS reported a failure: MISSING/,
    );
  });
});

describe('ecs-visualizer inspect: every AWS output that carries an ECS object', () => {
  const folderDocs = (folder: string) =>
    readdirSync(join(ROOT, folder))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(ROOT, folder, f), 'utf8')));

  it('a folder mixing describe, list and single-object outputs: exit 0, nothing on stderr, counts as counted independently', async () => {
    const folder = 'fixtures/ingest/aws-cli-examples';
    const r = await cliProcess('inspect', folder, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const expected = independentCounts(folderDocs(folder));
    expect(out.counts).toMatchObject(expected);
    expect(out.counts).toMatchObject({
      clusters: 4,
      services: 7,
      tasks: 5,
      containerInstances: 2,
      capacityProviders: 2,
    });
    expect(out.diagnostics.filter((d: { severity: string }) => d.severity !== 'info')).toEqual([]);
  }, 30_000);

  it.each([
    ['stop-task', 'fixtures/ingest/aws-cli-examples/stop-task-1.json', 'tasks'],
    ['create-service', 'fixtures/ingest/aws-cli-examples/create-service-1.json', 'services'],
    [
      'deregister-container-instance',
      'fixtures/ingest/aws-cli-examples/deregister-container-instance-1.json',
      'containerInstances',
    ],
    [
      'put-cluster-capacity-providers',
      'fixtures/ingest/aws-cli-examples/put-cluster-capacity-providers-1.json',
      'clusters',
    ],
    [
      'update-capacity-provider',
      'fixtures/ingest/aws-cli-examples/capacity-provider-update-1.json',
      'capacityProviders',
    ],
    ['run-task', 'fixtures/ingest/aws-cli-examples/run-task-1.json', 'tasks'],
    ['start-task', 'fixtures/ingest/aws-cli-examples/start-task-1.json', 'tasks'],
    [
      'update-container-instances-state',
      'fixtures/ingest/aws-cli-examples/update-container-instances-state-1.json',
      'containerInstances',
    ],
  ])('%s output: exit 0, empty stderr, one object counted', async (_cmd, file, key) => {
    const r = await cliInProcess('inspect', file, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).counts[key]).toBe(1);
  });

  it('a task set alone: exit 0, its service drawn as a placeholder', async () => {
    const r = await cliInProcess('inspect', 'fixtures/ingest/aws-cli-examples/create-task-set-1.json', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.counts.services).toBe(0);
    expect(out.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'placeholder',
        message: expect.stringContaining('service MyService (cluster MyCluster)'),
      }),
    );
  });

  it('.NET and Java SDK dumps: exit 0, empty stderr, launch types read, one info per file', async () => {
    const r = await cliInProcess('inspect', 'fixtures/ingest/sdk-dumps', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.tasksByLaunchType).toEqual({ EC2: 1, FARGATE: 1 });
    expect(out.diagnostics.filter((d: { code: string }) => d.code === 'sdk-enum-unwrapped')).toHaveLength(2);
    expect(out.diagnostics.filter((d: { severity: string }) => d.severity !== 'info')).toEqual([]);
  });

  it('a default .NET dump (PascalCase keys): exit 0, empty stderr, the service counted', async () => {
    const r = await cliInProcess('inspect', 'fixtures/ingest/sdk-dumps-pascal', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.counts.services).toBe(1);
    expect(out.diagnostics.map((d: { code: string }) => d.code)).toContain('sdk-pascal-case');
  });

  it('null optional fields: exit 0, no diagnostic at all, and the table shows no problem', async () => {
    const r = await cliInProcess('inspect', 'fixtures/ingest/console-json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Task definitions\s+1/);
    expect(r.stdout).toContain('Diagnostics: 0 error(s), 0 warning(s), 0 info');
  });

  it('capacity providers named only by tasks and strategies: exit 0, placeholders listed as info', async () => {
    const r = await cliInProcess('inspect', 'fixtures/ingest/capacity-provider-refs', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const messages = JSON.parse(r.stdout).diagnostics.map((d: { message: string }) => d.message);
    expect(messages).toContain(
      'capacity provider cp-ecs-dev (eu-central-1 444455556666) is referenced but not described; drawn as a placeholder',
    );
    expect(messages.join('\n')).not.toMatch(/capacity provider FARGATE/);
  });

  it('an ARN that disagrees with its fields: exit 0, the warnings in the table, the task definition counted once', async () => {
    const r = await cliInProcess('inspect', 'fixtures/ingest/arn-disagrees');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Task definitions\s+1/);
    expect(r.stdout).toMatch(
      /warning\s+fixtures\/ingest\/arn-disagrees\/describe-task-definition\.json:2:5: taskDefinitionArn names revision 0 but revision is 4; using the ARN/,
    );
  });

  it('files captured apart say so once (info, exit 0); a consistent capture says nothing', async () => {
    const apart = await cliInProcess('inspect', 'fixtures/ingest/mixed-times', '--json');
    expect(apart.code).toBe(0);
    expect(apart.stderr).toBe('');
    const notes = JSON.parse(apart.stdout).diagnostics.filter(
      (d: { code: string }) => d.code === 'mixed-capture-times',
    );
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain('mixed-times/describe-tasks-2023.json (2023-03-02)');
    expect(notes[0].message).toContain('mixed-times/describe-services-2024.json (2024-05-14)');
    const together = await cliInProcess('inspect', 'fixtures/ingest/consistent-capture', '--json');
    expect(together.code).toBe(0);
    expect(
      JSON.parse(together.stdout).diagnostics.some((d: { code: string }) => d.code === 'mixed-capture-times'),
    ).toBe(false);
  });
});

describe('ecs-visualizer inspect: a broken file gives back what it can', () => {
  it('describe-tasks with one missing comma: exit 1, the error names line and column, both tasks counted and marked', async () => {
    const file = 'fixtures/recovery/describe-tasks-missing-comma.json';
    const r = await cliProcess('inspect', file, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${file}:70:13: invalid JSON: ',' expected\n`);
    const out = JSON.parse(r.stdout);
    expect(out.counts.tasks).toBe(2);
    // How many objects a script should check against AWS, without reading the messages.
    expect(out.recovered).toBe(2);
    expect(out.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'recovered',
        file,
        message: expect.stringContaining('marked "recovered"'),
      }),
    );
  }, 30_000);

  it('a truncated describe-tasks: exit 1, the whole task counted, the cut one named in a warning, not loaded', async () => {
    const file = 'fixtures/recovery/describe-tasks-truncated.json';
    const r = await cliInProcess('inspect', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${file}:160:27: invalid JSON: unterminated string\n`);
    expect(r.stdout).toMatch(/Tasks\s+1\n/);
    expect(r.stdout).toContain('Recovered from broken files (only commas missing or extra; check them): 1\n');
    expect(r.stdout).toContain(`warning ${file}:94:9: task at $.tasks[1] not loaded`);
  });
});
