import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_CASES } from '../../fixtures/findings/cases';
import { task, taskDefinitionArn } from '../../fixtures/findings/shapes';
import { fixtureText } from '../../fixtures/findings/generate';
import { ingest } from '../ingest/index';
import { computeFindings, findingsByObject, RULES } from './index';

const dir = new URL('../../fixtures/findings/', import.meta.url);
const load = (name: string) => {
  const text = readFileSync(new URL(name, dir), 'utf8');
  return { text, findings: computeFindings(ingest([{ name, text }])) };
};

describe('one fixture per rule that fires and one that does not', () => {
  it('covers every rule of the table', () => {
    expect(RULE_CASES.map((c) => c.rule).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  for (const c of RULE_CASES) {
    it(`${c.rule} fires on ${c.rule}.fires.json, with the object named and evidence`, () => {
      const { findings } = load(`${c.rule}.fires.json`);
      const hits = findings.filter((f) => f.rule === c.rule);
      expect(hits.length).toBeGreaterThan(0);
      for (const f of hits) {
        expect(f.severity).toBe(RULES.find((r) => r.id === c.rule)?.severity);
        expect(f.evidence.length).toBeGreaterThan(0);
        // The message names the object: the object's id ends with its name (`service|…|api`, `…|web:7`).
        const name = f.objectId.split('|').pop() ?? '';
        expect(f.message).toContain(name);
      }
    });
    it(`${c.rule} stays quiet on ${c.rule}.quiet.json`, () => {
      expect(load(`${c.rule}.quiet.json`).findings.filter((f) => f.rule === c.rule)).toEqual([]);
    });
    it(`${c.rule} fixture files are what cases.ts makes (regenerate with npx tsx fixtures/findings/generate.ts)`, () => {
      expect(load(`${c.rule}.fires.json`).text).toBe(fixtureText(c.fires));
      expect(load(`${c.rule}.quiet.json`).text).toBe(fixtureText(c.quiet));
    });
  }
});

/** The tasks-failing fixture's bundle (its service wants 3 and runs 1), to put other stopped tasks in. */
const tasksFailingBundle = () =>
  JSON.parse(readFileSync(new URL('tasks-failing.fires.json', dir), 'utf8')) as Record<string, unknown>;

describe('what the rules say', () => {
  it('placement-blocked gives the nearest miss with the hosts in order of how close they came', () => {
    const [f] = load('placement-blocked.fires.json').findings.filter((x) => x.rule === 'placement-blocked');
    expect(f.message).toContain('needs 1,024 CPU units: i-0b2 has 512 free (short 512), i-0a1 has 256');
    expect(f.placement?.hosts.map((h) => [h.hostName, h.code])).toEqual([
      ['i-0a1', 'cpu'],
      ['i-0b2', 'cpu'],
    ]);
    expect(f.evidence).toContainEqual({ path: '$.runningCount', value: 1 });
  });

  it('tasks-failing counts the causes of the stopped tasks that failed, newest first, the way the task card says them', () => {
    const [f] = load('tasks-failing.fires.json').findings.filter((x) => x.rule === 'tasks-failing');
    expect(f.message).toBe(
      'service api: 2 of 3 desired tasks not running; 2 stopped tasks failed: 1 × CannotPullContainerError (container app), 1 × OutOfMemoryError (container app, exit 137)',
    );
    // The newest failed task's container reason in full, where it sits in the task's JSON.
    expect(f.evidence).toContainEqual({
      objectId: expect.stringContaining('02c0ffee') as string,
      path: '$.containers[0].reason',
      value: expect.stringMatching(/^CannotPullContainerError: pull image manifest/) as string,
    });
    expect(f.evidence).toContainEqual({ path: '$.runningCount', value: 1 });
  });

  it('tasks-failing cuts a long stop reason short (the whole text is evidence) and says a health-check stop failed', () => {
    // A task ECS stopped for failing its load balancer's health checks: a failure, though a scheduler stop.
    const reason =
      'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/api/0123456789abcdef)';
    const bundle = {
      ...tasksFailingBundle(),
      tasks: [
        task({
          id: '09c0ffee000000000000000000000000',
          service: 'api',
          taskDefinition: taskDefinitionArn('api', 4),
          launchType: 'FARGATE',
          lastStatus: 'STOPPED',
          containers: [{ name: 'app', image: 'ghcr.io/example/api:1.5.0', exitCode: 143 }],
          stopped: {
            stopCode: 'ServiceSchedulerInitiated',
            stoppedReason: reason,
            stoppedAt: '2026-12-01T11:40:00.000Z',
          },
        }),
      ],
    };
    const findings = computeFindings(ingest([{ name: 'hc.json', text: JSON.stringify(bundle) }]));
    const [f] = findings.filter((x) => x.rule === 'tasks-failing');
    expect(f.message).toBe(
      'service api: 2 of 3 desired tasks not running; 1 stopped task failed: ServiceSchedulerInitiated (Task failed ELB health checks in (target-group arn:aws:elas…, container app exit 143)',
    );
    expect(f.evidence).toContainEqual(expect.objectContaining({ path: '$.stoppedReason', value: reason }));
  });

  it('image-drift ignores the Service Connect agent, whose digest ECS picks', () => {
    const { findings } = load('image-drift.fires.json');
    const drift = findings.filter((f) => f.rule === 'image-drift');
    expect(drift).toHaveLength(1);
    expect(drift[0].message).toContain('container app of api:4');
  });

  it('latest-tag names both the :latest image and the untagged one, and not digest or port-and-tag images', () => {
    const msgs = load('latest-tag.fires.json').findings.map((f) => f.message);
    expect(msgs.some((m) => m.includes('nginx:latest'))).toBe(true);
    expect(msgs.some((m) => m.includes('public.ecr.aws/nginx/nginx (no tag: latest)'))).toBe(true);
  });

  it('orders findings worst first and counts them per object for the badges', () => {
    const { findings } = load('single-host.fires.json');
    expect(findings.map((f) => f.rule)).toEqual(['single-az', 'single-host']);
    const byObject = findingsByObject(findings);
    expect([...byObject.values()]).toEqual([{ count: 2, worst: 'warning' }]);
  });
});

describe('evidence masking', () => {
  it('an evidence value at a secret-bearing path is masked by maskSecrets; others are left as they are', async () => {
    const { maskEvidence } = await import('./engine');
    const { MASK } = await import('../redact/mask-secrets');
    expect(maskEvidence({ path: '$.containerDefinitions[1].environment[0].value', value: 'hunter2' }).value).toBe(MASK);
    expect(
      maskEvidence({ path: '$.containerDefinitions[0].logConfiguration.options.splunk-token', value: 'tok' }).value,
    ).toBe(MASK);
    expect(maskEvidence({ path: '$.containerDefinitions[0].image', value: 'nginx:latest' }).value).toBe('nginx:latest');
    expect(maskEvidence({ path: '$.desiredCount', value: 3 }).value).toBe(3);
  });
});
