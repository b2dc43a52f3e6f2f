/** The first screen: open files or a folder, drop them, or open the demo. */

/** Props: the same actions as the toolbar. */
export interface WelcomeProps {
  onOpenFiles(): void;
  onOpenFolder(): void;
  onOpenDemo(): void;
  loading: boolean;
  error: string | null;
}

/** The welcome screen. */
export function WelcomeScreen({ onOpenFiles, onOpenFolder, onOpenDemo, loading, error }: WelcomeProps) {
  return (
    <main className="welcome" data-testid="welcome">
      <div className="welcome-card">
        <h1>See your ECS clusters</h1>
        <p className="lead">
          Cluster → Service → Task → Container, with EC2, Fargate and Fargate Spot told apart at a glance. Load what{' '}
          <code>aws ecs describe-*</code> printed, a folder of it, or a snapshot.
        </p>
        <div className="welcome-actions">
          <button type="button" className="btn btn-primary" onClick={onOpenFiles} disabled={loading}>
            Open files…
          </button>
          <button type="button" className="btn" onClick={onOpenFolder} disabled={loading}>
            Open folder…
          </button>
          <button type="button" className="btn" data-testid="open-demo" onClick={onOpenDemo} disabled={loading}>
            Open demo
          </button>
        </div>
        <div className="drop-hint" data-testid="drop-zone">
          or drop <code>.json</code> files or a folder anywhere in this window
        </div>
        {loading && <p className="hint">Loading…</p>}
        {error && (
          <p className="callout callout-stopped" role="alert">
            {error}
          </p>
        )}
        <details className="howto">
          <summary>What to load</summary>
          <pre className="mono">{`aws ecs describe-clusters --clusters prod > clusters.json
aws ecs list-services --cluster prod > services-list.json
aws ecs describe-services --cluster prod --services web api > services.json
aws ecs describe-tasks --cluster prod --tasks $(aws ecs list-tasks \\
    --cluster prod --query 'taskArns[]' --output text) > tasks.json
aws ecs describe-task-definition --task-definition web:42 > td-web.json
aws ecs describe-container-instances --cluster prod --container-instances … > hosts.json
aws ecs describe-capacity-providers > capacity-providers.json`}</pre>
          <p className="hint">
            Anything only listed (list-*) is drawn as a dashed placeholder. Task definitions and capacity providers are
            listed under Definitions. Environment values are masked in the details panel.
          </p>
        </details>
      </div>
    </main>
  );
}
