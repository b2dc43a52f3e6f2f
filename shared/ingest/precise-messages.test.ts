/** Issue #13 point 12 (ingest): diagnostics that said something true but useless now say what is wrong. */
import { describe, expect, it } from 'vitest';
import { ingest } from './index';

const SERVICE_ARN = 'arn:aws:ecs:us-east-1:123456789012:service/prod/web';
const CLUSTER_ARN = 'arn:aws:ecs:us-east-1:123456789012:cluster/prod';

describe('precise ingest messages', () => {
  it('1e400 (read as Infinity) is not "expected number, got number"', () => {
    const text = `{"services": [{"serviceArn": "${SERVICE_ARN}", "clusterArn": "${CLUSTER_ARN}", "desiredCount": 1e400}]}`;
    const t = ingest([{ name: 's.json', text }]);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'wrong-type',
        message: '$.services[0].desiredCount dropped: expected number, got a number too large to represent (Infinity)',
        line: 1,
      }),
    );
    expect(t.services).toHaveLength(1);
  });

  it('a cluster with an unreadable clusterArn is not "cluster has no clusterArn"', () => {
    const t = ingest([{ name: 'c.json', text: '{"clusters": [{"clusterArn": "prod-cluster", "status": "ACTIVE"}]}' }]);
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'missing-id',
        message: 'cluster\'s clusterArn "prod-cluster" is not a cluster ARN, and it has no clusterName; skipped',
      }),
    );
    const none = ingest([{ name: 'c.json', text: '{"clusters": [{"status": "ACTIVE"}]}' }]);
    expect(none.diagnostics.map((d) => d.message)).toContain('cluster has no clusterArn or clusterName; skipped');
  });
});
