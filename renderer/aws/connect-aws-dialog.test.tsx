import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { FetchProgress } from '../../shared/ipc/aws-fetch';
import { ConnectAwsDialog, type ConnectAwsDialogProps } from './connect-aws-dialog';

afterEach(cleanup);

const PROFILES: ConnectAwsDialogProps['profiles'] = [
  { name: 'prod', kind: 'sso', region: 'eu-west-1', mfa: false },
  { name: 'admin', kind: 'assume-role', mfa: true, sourceProfile: 'base' },
];

function props(extra: Partial<ConnectAwsDialogProps> = {}): ConnectAwsDialogProps {
  return {
    profiles: PROFILES,
    busy: false,
    onFetch: vi.fn(),
    onCancel: vi.fn(),
    onMfaAnswer: vi.fn(),
    onClose: vi.fn(),
    ...extra,
  };
}

const progress: FetchProgress = {
  phases: {
    clusters: { done: 2, total: 2, listing: false },
    services: { done: 40, total: 120, listing: true },
    tasks: { done: 0, total: 0, listing: true },
    taskDefinitions: { done: 0, total: 0, listing: true },
    containerInstances: { done: 0, total: 0, listing: true },
    capacityProviders: { done: 4, total: 4, listing: false },
  },
  calls: 17,
  retries: 3,
  warnings: 0,
  elapsedMs: 2400,
};

describe('ConnectAwsDialog', () => {
  it('fetches with the chosen profile, regions and clusters (empty regions = the profile’s)', () => {
    const p = props();
    render(<ConnectAwsDialog {...p} />);
    expect(screen.getByPlaceholderText('eu-west-1')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Clusters'), { target: { value: 'production, staging' } });
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByText('Fetch'));
    expect(p.onFetch).toHaveBeenCalledWith({
      profile: 'prod',
      regions: [],
      clusters: ['production', 'staging'],
      includeStopped: true,
    });
  });

  it('while busy: a bar per phase with counts, and Cancel', () => {
    const p = props({ busy: true, progress });
    render(<ConnectAwsDialog {...p} />);
    expect(screen.getByText('40/120+')).toBeTruthy();
    expect(screen.getByText(/17 calls, 3 retried/)).toBeTruthy();
    expect(screen.queryByText('Fetch')).toBeNull();
    fireEvent.click(screen.getByText('Cancel'));
    expect(p.onCancel).toHaveBeenCalled();
  });

  it('asks for the MFA code main is waiting for and sends it back with the prompt id', () => {
    const p = props({
      busy: true,
      mfaPrompt: { requestId: 'r1', profile: 'admin', serial: 'arn:aws:iam::1:mfa/alice' },
    });
    render(<ConnectAwsDialog {...p} />);
    fireEvent.change(screen.getByLabelText(/MFA code for arn:aws:iam::1:mfa\/alice/), { target: { value: '123456' } });
    fireEvent.click(screen.getByText('Continue'));
    expect(p.onMfaAnswer).toHaveBeenCalledWith({ requestId: 'r1', code: '123456' });
  });

  it('shows why a fetch failed', () => {
    render(<ConnectAwsDialog {...props({ error: 'run `aws sso login --profile prod`' })} />);
    expect(screen.getByRole('alert').textContent).toContain('aws sso login --profile prod');
  });
});
