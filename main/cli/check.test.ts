import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, cliProcess } from '../test/run-cli';
import type { CheckFinding } from './check';
import { findAll, parseSvgStrict } from '../../shared/render/testing/parse-svg';

const require = createRequire(import.meta.url);

const json = async (...args: string[]) => {
  const r = await cliInProcess('check', ...args, '--format', 'json');
  return { ...r, out: JSON.parse(r.stdout) as { findings: CheckFinding[]; diagnostics: { severity: string }[] } };
};

describe('ecs-visualizer check on the published samples (fixtures/samples)', () => {
  it('gives exactly these findings, each defensible from the sample data, and no others', async () => {
    const { out, code } = await json('fixtures/samples');
    const got = out.findings.map((f) => [f.rule, f.objectId, f.file]).sort();
    const expected = [
      // botocore-describe-services.json: ecs-simple-service has desiredCount 1, runningCount 0 and its only event
      // is "(service ecs-simple-service) was unable to place a task…"; its task definition hello_world:6 is not
      // in the samples, so the explainer can only say what to load.
      [
        'placement-blocked',
        'service|us-east-1|012345678910|default|ecs-simple-service',
        'fixtures/samples/botocore-describe-services.json',
      ],
      // Both task definition samples (hello_world:8, accounts 012345678910 and the literal <aws_account_id>, so two
      // objects) name their images "wordpress" and "mysql": no tag, which Docker reads as :latest.
      ...['012345678910', '<aws_account_id>'].flatMap((account) => {
        const file =
          account === '012345678910'
            ? 'fixtures/samples/awscli-describe-task-definition-multicontainer.json'
            : 'fixtures/samples/botocore-describe-task-definition.json';
        const id = `taskDefinition|us-east-1|${account}|hello_world:8`;
        return [
          // wordpress and mysql: image without a tag.
          ['latest-tag', id, file],
          ['latest-tag', id, file],
          // Neither container definition has a logConfiguration key.
          ['no-log-config', id, file],
          ['no-log-config', id, file],
        ];
      }),
    ].sort();
    expect(got).toEqual(expected);
    // Why nothing else:
    // - my-http-service (awscli, us-west-2) runs 10 of 10 and its only event is a steady state;
    // - ecs-simple-service's deploymentConfiguration is min 100 / max 200 (not 100/100), it has no
    //   deploymentCircuitBreaker key (absent is not "disabled") and no load balancer;
    // - the two described container instances have old short ARNs naming no cluster, so no cluster has hosts
    //   whose agent versions could be compared (agent-drift) or be tried by the explainer;
    // - the described tasks belong to services that are only referenced (testupdate, tdsevicetag: placeholders
    //   with no desired count), or to none, so no drift or single-az/single-host rule reads them;
    // - hello_world:8's status is ACTIVE (awscli) or absent (botocore), never INACTIVE; task images like httpd:2.4
    //   are tasks', and latest-tag reads task definitions.
    expect(code).toBe(1);
    const placement = out.findings.find((f) => f.rule === 'placement-blocked');
    expect(placement?.message).toContain('aws ecs describe-task-definition --task-definition hello_world:6');
    expect(placement).toMatchObject({ severity: 'error', line: 4, column: 9 });
  }, 30_000);
});

describe('ecs-visualizer check: formats and exit statuses', () => {
  it('JSON has the issue shape: rule, severity, objectId, arn, message, file, line, column, evidence', async () => {
    const { out } = await json('fixtures/findings/placement-blocked.fires.json');
    const [f] = out.findings;
    expect(Object.keys(f)).toEqual(
      expect.arrayContaining(['rule', 'severity', 'objectId', 'arn', 'message', 'file', 'line', 'column', 'evidence']),
    );
    expect(f).toMatchObject({
      rule: 'placement-blocked',
      severity: 'error',
      arn: 'arn:aws:ecs:eu-west-1:111122223333:service/prod/web',
      file: 'fixtures/findings/placement-blocked.fires.json',
    });
    expect(f.message).toContain('service web');
    expect(f.evidence).toContainEqual({ path: '$.runningCount', value: 1 });
    expect(f.hosts?.map((h) => h.host)).toEqual(['i-0a1', 'i-0b2']);
    expect(out.diagnostics).toEqual([]);
  });

  it('exit 0 when nothing reaches --fail-on, 1 when something does (default: error)', async () => {
    // latest-tag is info: below the default error level.
    expect((await cliInProcess('check', 'fixtures/findings/latest-tag.fires.json')).code).toBe(0);
    expect((await cliInProcess('check', 'fixtures/findings/latest-tag.fires.json', '--fail-on', 'warning')).code).toBe(
      0,
    );
    expect((await cliInProcess('check', 'fixtures/findings/latest-tag.fires.json', '--fail-on', 'info')).code).toBe(1);
    // single-az is a warning.
    expect((await cliInProcess('check', 'fixtures/findings/single-az.fires.json')).code).toBe(0);
    expect((await cliInProcess('check', 'fixtures/findings/single-az.fires.json', '--fail-on', 'warning')).code).toBe(
      1,
    );
    expect((await cliInProcess('check', 'fixtures/findings/placement-blocked.fires.json')).code).toBe(1);
    expect((await cliInProcess('check', 'fixtures/findings/agent-drift.quiet.json', '--fail-on', 'info')).code).toBe(0);
  });

  it('exit 2 on bad usage, naming what was wrong', async () => {
    for (const args of [
      ['check'],
      ['check', 'fixtures/samples', '--format', 'xml'],
      ['check', 'fixtures/samples', '--fail-on', 'fatal'],
      ['check', 'fixtures/samples', '--bogus'],
    ]) {
      const r = await cliInProcess(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^ecs-visualizer check: /);
    }
  });

  it('exit 2 when an input has an error, with file:line:column on stderr and the findings of what loaded', async () => {
    const r = await cliProcess('check', 'fixtures/broken', 'fixtures/findings/placement-blocked.fires.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("fixtures/broken/services-missing-comma.json:6:13: invalid JSON: ',' expected");
    expect(r.stdout).toContain('[placement-blocked] service web');
  }, 30_000);

  it('SARIF 2.1.0: valid against the published schema, one result per finding at its file, line and column', async () => {
    const r = await cliInProcess(
      'check',
      'fixtures/findings/placement-blocked.fires.json',
      'fixtures/findings/single-host.fires.json',
      '--format',
      'sarif',
    );
    const log = JSON.parse(r.stdout);
    const schema = JSON.parse(
      readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    );
    // The rtm.5 schema's language pattern is a Java-style regex JS refuses in unicode mode: read patterns without the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.version).toBe('2.1.0');
    const results = log.runs[0].results;
    expect(results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level])).toEqual([
      ['placement-blocked', 'error'],
      ['single-az', 'warning'],
      ['single-host', 'warning'],
    ]);
    expect(results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'fixtures/findings/placement-blocked.fires.json' },
      region: { startLine: 22, startColumn: 5 },
    });
    const rules = log.runs[0].tool.driver.rules;
    expect(rules[results[0].ruleIndex].id).toBe('placement-blocked');
    // A structurally broken log is refused by the same validator: the check can fail.
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });
});

describe('ecs-visualizer check: hostile input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'check-'));
    const b = JSON.parse(readFileSync('fixtures/findings/latest-tag.fires.json', 'utf8'));
    const container = b.taskDefinitions[0].containerDefinitions[0];
    container.image = 'nginx\u001b[2J\u001b]0;owned\u0007\nfake.json error forged';
    container.environment = [{ name: 'DB_PASSWORD', value: 'hunter2' }];
    writeFileSync(join(dir, 'hostile.json'), JSON.stringify(b));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('escapes control characters from input in text and JSON, and never prints a secret', async () => {
    for (const format of ['text', 'json', 'sarif']) {
      const r = await cliInProcess('check', join(dir, 'hostile.json'), '--format', format);
      expect(r.stdout, format).not.toContain('\u001b');
      expect(r.stdout, format).not.toContain('\u0007');
      expect(r.stdout, format).not.toContain('hunter2');
      if (format === 'text') {
        expect(r.stdout).toContain('\\u001b[2J');
        // The newline in the name is escaped: no forged second line starts with "fake.json".
        expect(r.stdout.split('\n').some((l) => l.startsWith('fake.json'))).toBe(false);
      }
    }
  });
});

describe('ecs-visualizer export --findings', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'export-findings-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('marks each node with findings by a count badge in the worst severity; the SVG parses as strict XML', async () => {
    const out = join(dir, 'blocked.svg');
    const r = await cliInProcess('export', 'fixtures/findings/single-host.fires.json', '-o', out, '--findings');
    expect(r.code, r.stderr).toBe(0);
    const root = parseSvgStrict(readFileSync(out, 'utf8'));
    const badged = findAll(root, (e) => e.attributes.class === 'finding-badge');
    // single-az and single-host are both about service api: one badge, count 2, warning.
    expect(badged).toHaveLength(1);
    expect(badged[0].attributes['data-severity']).toBe('warning');
    expect(findAll(badged[0], (e) => e.name === 'text').map((t) => t.text)).toEqual(['2']);
    const node = findAll(
      root,
      (e) => e.attributes['data-kind'] === 'service' && findAll(e, (x) => x === badged[0]).length > 0,
    );
    expect(node).toHaveLength(1);

    const plain = join(dir, 'plain.svg');
    await cliInProcess('export', 'fixtures/findings/single-host.fires.json', '-o', plain);
    expect(findAll(parseSvgStrict(readFileSync(plain, 'utf8')), (e) => e.attributes.class === 'finding-badge')).toEqual(
      [],
    );
  });

  it('draws the badges into a PNG too', async () => {
    const png = join(dir, 'blocked.png');
    const r = await cliInProcess('export', 'fixtures/findings/placement-blocked.fires.json', '-o', png, '--findings');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  }, 30_000);
});
