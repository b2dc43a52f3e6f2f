import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filterPredicates, problemContext } from '../graph/filters';
import { ingestWithFindings } from './with-findings';

const fixture = (name: string) => {
  const text = readFileSync(new URL(`../../fixtures/findings/${name}`, import.meta.url), 'utf8');
  return ingestWithFindings([{ name, text }]);
};

describe('findings ride along on the topology the loaders make', () => {
  it('ingestWithFindings attaches the findings of the load', () => {
    const t = fixture('deploy-stall-config.fires.json');
    expect(t.findings?.map((f) => f.rule)).toEqual(['deploy-stall-config']);
  });

  it('"Problems only" keeps a service whose only problem is a finding of warning or worse, and not one with only info', () => {
    // deploy-stall-config is a warning; the service runs 2 of 2 with a completed deployment: no other problem.
    const stalled = fixture('deploy-stall-config.fires.json');
    const keep = filterPredicates({ problemsOnly: true }, problemContext(stalled));
    expect(keep.serviceAlone(stalled.services[0])).toBe(true);
    // circuit-breaker-off is info: Problems only leaves it out.
    const breaker = fixture('circuit-breaker-off.fires.json');
    const keep2 = filterPredicates({ problemsOnly: true }, problemContext(breaker));
    expect(breaker.findings?.map((f) => f.severity)).toEqual(['info']);
    expect(keep2.serviceAlone(breaker.services[0])).toBe(false);
  });
});
