import { describe, expect, it } from 'vitest';
import { AUTO_COLLAPSE_TASKS, DEFAULT_VIEW, initialView } from './view';

describe('initialView', () => {
  const services = [{ id: 's1' }, { id: 's2' }];

  it('shows everything for a load of ordinary size', () => {
    expect(initialView({ tasks: new Array(AUTO_COLLAPSE_TASKS).fill(0), services })).toEqual(DEFAULT_VIEW);
  });

  it('starts a very large load with its services collapsed', () => {
    expect(initialView({ tasks: new Array(AUTO_COLLAPSE_TASKS + 1).fill(0), services }).collapsed).toEqual([
      's1',
      's2',
    ]);
  });
});
