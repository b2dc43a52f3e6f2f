/** Catches a render error so the window shows what went wrong instead of going blank, and tells the host. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { DesktopApi } from '../shared/ipc/desktop-api';

interface Props {
  api: DesktopApi;
  children: ReactNode;
}

/** Error boundary around the whole app. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    void this.props.api.reportError({
      message: error.message,
      stack: `${error.stack ?? ''}\n${info.componentStack ?? ''}`,
    });
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="welcome" role="alert">
        <div className="welcome-card">
          <h1>Something went wrong drawing this</h1>
          <p className="lead">
            The diagram hit a bug. Your files were not changed. Reloading the page (or opening the files again) usually
            gets you back.
          </p>
          <pre className="raw-json">{error.message}</pre>
          <div className="welcome-actions">
            <button type="button" className="btn btn-primary" onClick={() => this.setState({ error: null })}>
              Try again
            </button>
          </div>
        </div>
      </main>
    );
  }
}
