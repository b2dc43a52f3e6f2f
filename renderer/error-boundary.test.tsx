import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { DesktopApi } from '../shared/ipc/desktop-api';
import { ErrorBoundary } from './error-boundary';

function Boom(): never {
  throw new Error('layout exploded');
}

afterEach(cleanup);

describe('ErrorBoundary', () => {
  it('shows the error instead of a blank window and reports it to the host', () => {
    const reportError = vi.fn(async () => undefined);
    const api = { reportError } as unknown as DesktopApi;
    // React logs the caught error; keep the test output readable.
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary api={api}>
        <Boom />
      </ErrorBoundary>,
    );
    spy.mockRestore();
    expect(screen.getByRole('alert').textContent).toContain('layout exploded');
    expect(reportError).toHaveBeenCalledWith(expect.objectContaining({ message: 'layout exploded' }));
  });
});
