import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countSecretValues, MASK, maskSecrets } from './mask-secrets';

const SECRETS = ['hunter2', 'sp-L1ve-T0ken', 'dd-4p1-k3y', 's3cr3t-pw', 'ghp_abcdef123', 'pa55', 'xyzzy-tok'];

const taskDefinition = {
  family: 'web',
  containerDefinitions: [
    {
      name: 'app',
      image: 'nginx:1.27',
      environment: [{ name: 'DATABASE_URL', value: 'postgres://admin:hunter2@db:5432/app' }],
      secrets: [{ name: 'API_KEY', valueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter/api-key' }],
      logConfiguration: {
        logDriver: 'splunk',
        options: { 'splunk-url': 'https://splunk.example.com:8088', 'splunk-token': 'sp-L1ve-T0ken' },
        secretOptions: [{ name: 'splunk-token', valueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter/splunk' }],
      },
      dockerLabels: { 'com.datadoghq.ad.init_configs': 'dd-4p1-k3y' },
      entryPoint: ['sh', '-c'],
      command: [
        'serve',
        '--port=8080',
        '--db-password=s3cr3t-pw',
        '--api-token',
        'xyzzy-tok',
        'https://ghp_abcdef123@github.com/o/r',
      ],
      healthCheck: {
        command: ['CMD-SHELL', 'PGPASSWORD=pa55 pg_isready -h localhost --port 5432 || exit 1'],
        interval: 30,
      },
    },
  ],
};

describe('maskSecrets', () => {
  it('hides environment values, log options, docker labels and secret-looking command arguments', () => {
    const masked = maskSecrets(taskDefinition);
    const text = JSON.stringify(masked);
    for (const s of SECRETS) expect(text).not.toContain(s);
    const c = masked.containerDefinitions[0];
    expect(c.environment).toEqual([{ name: 'DATABASE_URL', value: MASK }]);
    expect(c.logConfiguration.options).toEqual({ 'splunk-url': MASK, 'splunk-token': MASK });
    expect(c.logConfiguration.logDriver).toBe('splunk');
    expect(c.dockerLabels).toEqual({ 'com.datadoghq.ad.init_configs': MASK });
    expect(c.command).toEqual([
      'serve',
      '--port=8080',
      `--db-password=${MASK}`,
      '--api-token',
      MASK,
      `https://${MASK}@github.com/o/r`,
    ]);
    expect(c.healthCheck.command).toEqual([
      'CMD-SHELL',
      `PGPASSWORD=${MASK} pg_isready -h localhost --port 5432 || exit 1`,
    ]);
    expect(c.healthCheck.interval).toBe(30);
    expect(c.entryPoint).toEqual(['sh', '-c']);
  });

  it('keeps what is not a secret: names, secret references, image, ordinary flags, key order; input untouched', () => {
    const masked = maskSecrets(taskDefinition);
    const c = masked.containerDefinitions[0];
    expect(c.secrets).toEqual(taskDefinition.containerDefinitions[0].secrets);
    expect(c.logConfiguration.secretOptions).toEqual(
      taskDefinition.containerDefinitions[0].logConfiguration.secretOptions,
    );
    expect(Object.keys(c)).toEqual(Object.keys(taskDefinition.containerDefinitions[0]));
    expect(taskDefinition.containerDefinitions[0].command[2]).toBe('--db-password=s3cr3t-pw');
  });

  it('masks the credentials of URLs, Java properties and shell assignments inside one shell line', () => {
    const line = (s: string) => maskSecrets({ command: [s] }).command[0];
    expect(line('psql postgres://app:hunter2@db/app')).toBe(`psql postgres://app:${MASK}@db/app`);
    expect(line('java -Dspring.datasource.password=hunter2 -jar app.jar')).toBe(
      `java -Dspring.datasource.password=${MASK} -jar app.jar`,
    );
    expect(line('export API_TOKEN="hunter 2"; ./run --secret hunter2')).toBe(
      `export API_TOKEN=${MASK}; ./run --secret ${MASK}`,
    );
    expect(line('./run --verbose --port 80')).toBe('./run --verbose --port 80');
  });

  it('counts what it hides, for the Reveal button', () => {
    // env 1 + options 2 + labels 1 + command 3 + health check 1
    expect(countSecretValues(taskDefinition)).toBe(8);
    expect(countSecretValues({ overrides: { containerOverrides: [{ command: ['--token=x'] }] } })).toBe(1);
    expect(countSecretValues({ value: 'x', options: { a: 'b' } })).toBe(0);
  });

  it('survives any depth (no recursion) and copies any JSON value faithfully where nothing is secret', () => {
    let deep: unknown = { environment: [{ name: 'X', value: 'hunter2' }] };
    for (let i = 0; i < 100_000; i += 1) deep = { a: deep };
    const masked = maskSecrets([deep]);
    // Walk down without recursion (JSON.stringify itself overflows at this depth).
    let node = (masked as unknown[])[0] as { a?: unknown; environment?: unknown };
    while (node.a) node = node.a as typeof node;
    expect(node.environment).toEqual([{ name: 'X', value: MASK }]);
    // A "__proto__" key (JSON.parse makes it an own property) is copied as one, not made the copy's prototype.
    const hostile = JSON.parse('{"__proto__": {"environment": [{"name": "A", "value": "s3cret"}]}, "b": 1}') as object;
    const copy = maskSecrets(hostile);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'b']);
    expect(JSON.stringify(copy)).toBe(`{"__proto__":{"environment":[{"name":"A","value":"${MASK}"}]},"b":1}`);
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const masked = maskSecrets(v);
        if (countSecretValues(v) === 0) expect(masked).toEqual(v);
      }),
      { numRuns: 500 },
    );
  });
});
