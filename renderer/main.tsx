/** Renderer entry: picks the hosts (once, here) and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './styles.css';
import './explore.css';
import { App } from './app';
import { ErrorBoundary } from './error-boundary';
import { pickHosts } from './desktop/pick-api';
import { startViewPersistence } from './store/persist-view';

const { api, layoutHost, cost } = pickHosts();
// Storage can be denied (privacy settings): the app works without it.
startViewPersistence(
  (() => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  })(),
);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary api={api}>
      <App api={api} layoutHost={layoutHost} cost={cost} />
    </ErrorBoundary>
  </StrictMode>,
);
window.addEventListener(
  'error',
  (e) => void api.reportError({ message: e.message, stack: e.error instanceof Error ? e.error.stack : undefined }),
);
