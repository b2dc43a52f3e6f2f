import { describe, expect, it } from 'vitest';
import { countEnvironmentValues, MASK, maskEnvironment } from './mask-environment';

describe('maskEnvironment', () => {
  const taskDefinition = {
    family: 'web',
    containerDefinitions: [
      {
        name: 'app',
        environment: [
          { name: 'DATABASE_URL', value: 'postgres://admin:hunter2@db:5432/app' },
          { name: 'LOG_LEVEL', value: 'info' },
        ],
        secrets: [{ name: 'API_KEY', valueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter/api-key' }],
      },
    ],
  };
  const task = { overrides: { containerOverrides: [{ name: 'app', environment: [{ name: 'RUN_ID', value: '42' }] }] } };

  it('hides every environment value in task definitions and task overrides, keeping names', () => {
    const masked = maskEnvironment(taskDefinition);
    expect(JSON.stringify(masked)).not.toContain('hunter2');
    expect(masked.containerDefinitions[0].environment).toEqual([
      { name: 'DATABASE_URL', value: MASK },
      { name: 'LOG_LEVEL', value: MASK },
    ]);
    expect(maskEnvironment(task).overrides.containerOverrides[0].environment[0]).toEqual({
      name: 'RUN_ID',
      value: MASK,
    });
  });

  it('leaves secrets references and the input object untouched', () => {
    const masked = maskEnvironment(taskDefinition);
    expect(masked.containerDefinitions[0].secrets).toEqual(taskDefinition.containerDefinitions[0].secrets);
    expect(taskDefinition.containerDefinitions[0].environment[0].value).toContain('hunter2');
  });

  it('counts the values it would hide', () => {
    expect(countEnvironmentValues(taskDefinition)).toBe(2);
    expect(countEnvironmentValues(task)).toBe(1);
    expect(countEnvironmentValues({ value: 'x' })).toBe(0);
  });
});
