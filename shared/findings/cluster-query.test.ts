import { describe, expect, it } from 'vitest';
import { evaluateClusterQuery, parseClusterQuery, type QueryTarget } from './cluster-query';

const target: QueryTarget = {
  attributes: new Map<string, string | undefined>([
    ['ecs.instance-type', 't3.medium'],
    ['ecs.availability-zone', 'eu-west-1a'],
    ['ecs.capability.efsAuth', undefined],
  ]),
  agentConnected: true,
  agentVersion: '1.89.2',
  ec2InstanceId: 'i-0a1',
  registeredAt: '2026-11-30T08:00:00Z',
  runningTasksCount: 3,
  taskGroups: ['service:web', 'family:batch'],
};

const holds = (q: string) => {
  const p = parseClusterQuery(q);
  if (!p.ok) throw new Error(p.message);
  return evaluateClusterQuery(p.node, target);
};

describe('cluster query language', () => {
  it.each([
    ['attribute:ecs.instance-type =~ t3.*', true],
    ['attribute:ecs.instance-type matches m5.*', false],
    // Java's matches is a whole-value match: t3 alone is not t3.medium.
    ['attribute:ecs.instance-type =~ t3', false],
    ['attribute:ecs.instance-type == t3.medium', true],
    ['attribute:ecs.availability-zone in [eu-west-1a, eu-west-1b]', true],
    ['attribute:ecs.availability-zone not_in [eu-west-1a]', false],
    ['attribute:ecs.capability.efsAuth exists', true],
    ['attribute:ecs.gpu !exists', true],
    ['task:group == service:web', true],
    ['not task:group == service:api', true],
    ['task:group != service:web', false],
    ['agentVersion >= 1.10.0', true],
    ['agentConnected == true && runningTasksCount < 4', true],
    ['ec2InstanceId in [i-0b2] or (attribute:ecs.instance-type =~ t3.* and registeredAt > 2026-01-01)', true],
    ['!(attribute:ecs.instance-type =~ t3.*)', false],
    ['attribute:ecs.os-type == "linux"', false],
    // A comparison on an attribute the host does not have is false, negated or not.
    ['attribute:missing != x', false],
  ])('%s → %s', (q, expected) => {
    expect(holds(q)).toBe(expected);
  });

  it.each(['attribute:ecs.instance-type ==', 'attribute:a == b and', '(attribute:a == b', 'attribute:a in b', ''])(
    'refuses %j with a message instead of guessing',
    (q) => {
      const p = parseClusterQuery(q);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.message).toMatch(/col|expected/i);
    },
  );
});
