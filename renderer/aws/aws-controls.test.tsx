/** Connect to AWS wired to a fake host: profiles, progress, MFA, cancel, load, refresh with its diff, auto-refresh, save. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type {
  AwsFetchOutcome,
  AwsFetchRequest,
  FetchProgress,
  MfaCodeAnswer,
  MfaCodeRequest,
} from '../../shared/ipc/aws-fetch';
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import type { Bundle } from '../../shared/ingest/bundle';
import { ingest } from '../../shared/ingest/index';
import { generateAccount } from '../../shared/synth/generate-account';
import { createBrowserApi } from '../desktop/browser-api';
import { useDiagramStore } from '../store/diagram-store';
import { AwsControls } from './aws-controls';

const first = generateAccount({
  seed: 3,
  clusters: 1,
  services: 2,
  tasksPerService: [2, 2],
  stoppedShare: 0,
  unhealthyShare: 0,
  standalonePerCluster: 0,
});
const snapshot = (b: Bundle) => ingest([{ name: 'live', text: JSON.stringify(b) }]);
function later(b: Bundle, edit: (next: Bundle & { services: Record<string, unknown>[] }) => void): Bundle {
  const next = structuredClone(b) as Bundle & { services: Record<string, unknown>[] };
  next.fetchedAt = new Date(Date.parse(b.fetchedAt ?? '') + 60_000).toISOString();
  edit(next);
  return next;
}

const PROGRESS: FetchProgress = {
  phases: {
    clusters: { done: 1, total: 1, listing: false },
    services: { done: 1, total: 2, listing: false },
    tasks: { done: 0, total: 0, listing: true },
    taskDefinitions: { done: 0, total: 0, listing: true },
    containerInstances: { done: 0, total: 0, listing: true },
    capacityProviders: { done: 0, total: 0, listing: true },
  },
  calls: 3,
  retries: 0,
  warnings: 0,
  elapsedMs: 120,
};

/** A fake desktop host whose fetches the test settles by hand. */
function fakeHost() {
  let progress: ((p: FetchProgress) => void) | undefined;
  let mfa: ((r: MfaCodeRequest) => void) | undefined;
  const pending: { request: AwsFetchRequest; settle(o: AwsFetchOutcome): void }[] = [];
  const api: DesktopApi = {
    ...createBrowserApi(),
    platform: 'electron',
    listAwsProfiles: vi.fn(async () => [{ name: 'prod', kind: 'sso' as const, region: 'eu-west-1', mfa: false }]),
    fetchAws: vi.fn(
      (request: AwsFetchRequest) => new Promise<AwsFetchOutcome>((settle) => pending.push({ request, settle })),
    ),
    cancelAwsFetch: vi.fn(async () => pending.shift()?.settle({ outcome: 'cancelled' })),
    saveAwsSnapshot: vi.fn(async () => '/home/me/prod.json'),
    onAwsProgress: (l) => ((progress = l), () => (progress = undefined)),
    onAwsMfaRequest: (l) => ((mfa = l), () => (mfa = undefined)),
    answerAwsMfa: vi.fn(async (_a: MfaCodeAnswer) => undefined),
  };
  return {
    api,
    pending,
    progress: (p: FetchProgress) => act(() => progress?.(p)),
    mfa: (r: MfaCodeRequest) => act(() => mfa?.(r)),
    settle: async (o: AwsFetchOutcome) => {
      await act(async () => pending.shift()?.settle(o));
    },
  };
}

beforeEach(() => useDiagramStore.getState().close());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function connect(host: ReturnType<typeof fakeHost>) {
  fireEvent.click(screen.getByTestId('connect-aws'));
  await screen.findByText(/prod — SSO/);
  fireEvent.change(screen.getByLabelText('Regions'), { target: { value: 'eu-west-1, us-east-1' } });
  fireEvent.click(screen.getByText('Fetch'));
  expect(host.pending[0].request).toEqual({
    profile: 'prod',
    regions: ['eu-west-1', 'us-east-1'],
    clusters: [],
    includeStopped: false,
  });
}

describe('AwsControls', () => {
  it('is not there in web mode (no AWS access)', () => {
    render(<AwsControls api={createBrowserApi()} />);
    expect(screen.queryByTestId('connect-aws')).toBeNull();
  });

  it('fetch with progress, then the result opens as the diagram, labelled with profile and regions', async () => {
    const host = fakeHost();
    render(<AwsControls api={host.api} />);
    await connect(host);
    host.progress(PROGRESS);
    expect(screen.getByText('1/2')).toBeTruthy();
    expect(screen.queryByTestId('aws-refresh')).toBeNull();
    const t = snapshot(first);
    await host.settle({ outcome: 'complete', topology: t, warnings: [], elapsedMs: 900 });
    expect(useDiagramStore.getState().topology).toBe(t);
    expect(useDiagramStore.getState().sourceLabel).toBe('AWS prod · eu-west-1, us-east-1');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('aws-refresh')).toBeTruthy();
  });

  it('Cancel aborts the fetch and loads nothing; an MFA prompt is answered with its id', async () => {
    const host = fakeHost();
    render(<AwsControls api={host.api} />);
    await connect(host);
    host.mfa({ requestId: 'm1', profile: 'prod', serial: 'arn:aws:iam::111122223333:mfa/me' });
    fireEvent.change(screen.getByLabelText(/MFA code for/), { target: { value: '654321' } });
    fireEvent.click(screen.getByText('Continue'));
    expect(host.api.answerAwsMfa).toHaveBeenCalledWith({ requestId: 'm1', code: '654321' });
    await act(async () => fireEvent.click(screen.getByText('Cancel')));
    expect(host.api.cancelAwsFetch).toHaveBeenCalled();
    expect(useDiagramStore.getState().topology).toBeNull();
    // Back to the form, ready to fetch again.
    expect(screen.getByText('Fetch')).toBeTruthy();
  });

  it('a failed fetch says why in the dialog (expired SSO says which command to run)', async () => {
    const host = fakeHost();
    render(<AwsControls api={host.api} />);
    await connect(host);
    await host.settle({
      outcome: 'failed',
      message: 'The SSO session has expired: run `aws sso login --profile prod`',
      warnings: [],
    });
    expect(screen.getByRole('alert').textContent).toContain('aws sso login --profile prod');
    expect(useDiagramStore.getState().topology).toBeNull();
  });

  it('Refresh sends the same request again, keeps the view and highlights what changed', async () => {
    const host = fakeHost();
    render(<AwsControls api={host.api} />);
    await connect(host);
    await host.settle({ outcome: 'complete', topology: snapshot(first), warnings: [], elapsedMs: 900 });
    const name = (first.services?.[0] as { serviceName?: string } | undefined)?.serviceName;
    const service = useDiagramStore.getState().topology?.services.find((x) => x.name === name);
    useDiagramStore.getState().toggleCollapsed(service?.id ?? '');
    fireEvent.click(screen.getByTestId('aws-refresh'));
    expect(host.pending[0].request).toEqual({
      profile: 'prod',
      regions: ['eu-west-1', 'us-east-1'],
      clusters: [],
      includeStopped: false,
    });
    expect(screen.getByTestId('aws-refresh').textContent).toMatch(/Refreshing/);
    await host.settle({
      outcome: 'complete',
      topology: snapshot(later(first, (n) => (n.services[0].desiredCount = 5))),
      warnings: [],
      elapsedMs: 800,
    });
    const s = useDiagramStore.getState();
    expect(s.view.collapsed).toEqual([service?.id]);
    expect(s.diff?.changes).toEqual([
      expect.objectContaining({
        id: service?.id,
        change: 'changed',
        summary: expect.stringMatching(/desired count 2 → 5/),
      }),
    ]);
  });

  it('auto-refresh is off by default; once set it refreshes on its period; opening files ends the live session', async () => {
    const host = fakeHost();
    render(<AwsControls api={host.api} />);
    await connect(host);
    await host.settle({ outcome: 'complete', topology: snapshot(first), warnings: [], elapsedMs: 900 });
    // Faked only now: the dialog's lookups above poll with real timers.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect((screen.getByLabelText('Auto-refresh') as HTMLSelectElement).value).toBe('0');
    act(() => vi.advanceTimersByTime(3_600_000));
    expect(host.pending).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Auto-refresh'), { target: { value: '60' } });
    act(() => vi.advanceTimersByTime(59_000));
    expect(host.pending).toHaveLength(0);
    act(() => vi.advanceTimersByTime(1_000));
    expect(host.pending).toHaveLength(1);
    await host.settle({ outcome: 'complete', topology: snapshot(first), warnings: [], elapsedMs: 900 });
    act(() => useDiagramStore.getState().setTopology(snapshot(first), 'files.json'));
    expect(screen.queryByTestId('aws-refresh')).toBeNull();
    act(() => vi.advanceTimersByTime(600_000));
    expect(host.pending).toHaveLength(0);
  });

  it('a refresh that ends after the user opened files does not replace them', async () => {
    const host = fakeHost();
    render(<AwsControls api={host.api} />);
    await connect(host);
    await host.settle({ outcome: 'complete', topology: snapshot(first), warnings: [], elapsedMs: 900 });
    fireEvent.click(screen.getByTestId('aws-refresh'));
    const files = snapshot(first);
    act(() => useDiagramStore.getState().setTopology(files, 'files.json'));
    await host.settle({
      outcome: 'complete',
      topology: snapshot(later(first, () => undefined)),
      warnings: [],
      elapsedMs: 800,
    });
    expect(useDiagramStore.getState().topology).toBe(files);
    expect(useDiagramStore.getState().sourceLabel).toBe('files.json');
  });

  it('Save snapshot asks the host to save the last fetch and says where it went', async () => {
    const host = fakeHost();
    render(<AwsControls api={host.api} />);
    await connect(host);
    await host.settle({ outcome: 'complete', topology: snapshot(first), warnings: [], elapsedMs: 900 });
    await act(async () => fireEvent.click(screen.getByTestId('aws-save-snapshot')));
    expect(host.api.saveAwsSnapshot).toHaveBeenCalled();
    expect(useDiagramStore.getState().notice).toContain('/home/me/prod.json');
  });
});
