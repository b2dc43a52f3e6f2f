import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { ingest } from '../../shared/ingest/index';
import { RECOVERED_STYLE } from '../../shared/theme/theme';
import { installFlowEnv, laidOutNode, renderNode } from '../testing/render-node';
import { TaskNode } from './task-node';
import { ServiceNode } from './service-node';
import tasksMissingComma from '../../fixtures/recovery/describe-tasks-missing-comma.json?raw';
import servicesMissingComma from '../../fixtures/broken/services-missing-comma.json?raw';
import tasksSample from '../../fixtures/samples/awscli-describe-tasks-2-fargate.json?raw';

// The published describe-tasks sample with one comma taken out, beside a broken services file (one missing comma).
const topology = ingest([
  { name: 'describe-tasks-missing-comma.json', text: tasksMissingComma },
  { name: 'services-missing-comma.json', text: servicesMissingComma },
]);
const whole = ingest([{ name: 'awscli-describe-tasks-2-fargate.json', text: tasksSample }]);
const root = () => screen.getByTestId('node');

beforeAll(installFlowEnv);
afterEach(cleanup);

describe('objects recovered from a broken file', () => {
  it('a recovered task: dotted outline (placeholders keep dashed) and a "recovered" badge that says why', () => {
    renderNode(
      TaskNode,
      laidOutNode(topology, 'task', (n) => n.data.shortId === '74de0355a10a4f979ac495c14EXAMPLE'),
    );
    expect(root().dataset.recovered).toBe('true');
    expect(root().style.borderStyle).toBe('dotted');
    const badge = screen.getByTestId('recovered-badge');
    expect(badge.textContent).toBe('recovered');
    expect(badge.getAttribute('title')).toBe(RECOVERED_STYLE.title);
  });

  it('the same task from a valid file: solid, no badge', () => {
    renderNode(
      TaskNode,
      laidOutNode(whole, 'task', (n) => n.data.shortId === '74de0355a10a4f979ac495c14EXAMPLE'),
    );
    expect(root().hasAttribute('data-recovered')).toBe(false);
    expect(root().style.borderStyle).toBe('solid');
    expect(screen.queryByTestId('recovered-badge')).toBeNull();
  });

  it('a recovered service card is marked the same way', () => {
    renderNode(
      ServiceNode,
      laidOutNode(topology, 'service', (n) => n.data.name === 'web'),
    );
    expect(root().style.borderStyle).toBe('dotted');
    expect(screen.getByTestId('recovered-badge')).toBeTruthy();
  });
});
