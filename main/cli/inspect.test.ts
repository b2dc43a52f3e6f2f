import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, truncateSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliInProcess, cliProcess } from '../test/run-cli';
import { MAX_FILE_BYTES } from '../../shared/ingest/limits';

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
    expect(r.stderr).toMatch(/huge\.json: file is 256\.0 MiB, over the 256 MiB limit; it was not read/);
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
