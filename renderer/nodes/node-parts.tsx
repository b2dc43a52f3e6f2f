/**
 * Small pieces shared by the node components: launch-type badge, status
 * glyphs, collapse toggle, connection handles, the body of a card beside a
 * service.
 */
import { memo, type MouseEvent } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { OverlayClass } from '../../shared/model/types';
import { OVERLAY_STYLES, RECOVERED_STYLE, STATUS_STYLES, type StatusClass } from '../../shared/theme/theme';
import { useDiagramStore } from '../store/diagram-store';

/** Launch type badge ("EC2", "Fargate", "Spot", "Managed"), neutral when the overlay is off. */
export function OverlayBadge({ overlay, overlayOn }: { overlay: OverlayClass; overlayOn: boolean }) {
  const s = OVERLAY_STYLES[overlay];
  const style = overlayOn ? { background: s.accent, color: s.onAccent, borderColor: s.accent } : undefined;
  return (
    <span className="badge badge-overlay" style={style} title={s.label}>
      {s.badge}
    </span>
  );
}

/** The glyph of a status badge: clock for pending, square for stopped, triangle for unhealthy. */
export function StatusGlyph({ status, size = 14 }: { status: StatusClass; size?: number }) {
  const badge = STATUS_STYLES[status].badge;
  if (!badge) return null;
  const label = STATUS_STYLES[status].label;
  return (
    <svg
      className={`status-glyph status-glyph-${badge}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {badge === 'clock' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.8">
          <circle cx="8" cy="8" r="6.2" />
          <path d="M8 4.5V8l2.5 1.8" strokeLinecap="round" />
        </g>
      )}
      {badge === 'stop' && <rect x="3" y="3" width="10" height="10" rx="1.5" fill="currentColor" />}
      {badge === 'alert' && (
        <g>
          <path d="M8 1.5 15 14H1z" fill="currentColor" />
          <path d="M8 6v4M8 11.6v.4" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        </g>
      )}
    </svg>
  );
}

/** The "−" / "+N" button that collapses or expands a node's children. */
export function CollapseToggle({
  id,
  collapsed,
  hiddenCount,
}: {
  id: string;
  collapsed: boolean;
  hiddenCount: number;
}) {
  const toggle = useDiagramStore((s) => s.toggleCollapsed);
  const onClick = (e: MouseEvent) => {
    // Collapsing is not selecting: keep the click away from the canvas.
    e.stopPropagation();
    toggle(id);
  };
  return (
    <button
      type="button"
      className="collapse-toggle nodrag"
      data-testid="collapse-toggle"
      aria-expanded={!collapsed}
      title={collapsed ? 'Expand' : 'Collapse'}
      onClick={onClick}
    >
      {collapsed ? `+${hiddenCount}` : '−'}
    </button>
  );
}

/** What a card beside a service says (target group, namespace): its lines, and the test ids they carry (`<kind>-route`, …). */
export interface SideCardText {
  kind: string;
  kicker: string;
  /** A pill at the right of the kicker (listener, ns- id), when there is one. */
  pill?: { text: string; className: string; testId: string };
  name: string;
  /** Where traffic or lookups go, in monospace. */
  route: string;
  detail: string;
}

/** The body of a card beside a service: stripe, kicker with its pill, name, route line and a muted detail line. */
export function SideCardBody({ kind, kicker, pill, name, route, detail }: SideCardText) {
  return (
    <>
      <div className="card-stripe" />
      <div className="card-kicker">
        <span>{kicker}</span>
        {pill && (
          <span className={`pill ${pill.className}`} data-testid={pill.testId}>
            {pill.text}
          </span>
        )}
      </div>
      <div className="card-head">
        <span className="card-title" title={name}>
          {name}
        </span>
      </div>
      <div className="card-line mono" data-testid={`${kind}-route`} title={route}>
        {route}
      </div>
      <div className="card-line muted" data-testid={`${kind}-detail`}>
        {detail}
      </div>
    </>
  );
}

/** Invisible connection points: edges leave the right side and enter the left (bottom/top when ranks run down). */
export const NodeHandles = memo(function NodeHandles({
  horizontal,
  source,
  target,
}: {
  horizontal: boolean;
  source: boolean;
  target: boolean;
}) {
  return (
    <>
      {target && (
        <Handle
          type="target"
          position={horizontal ? Position.Left : Position.Top}
          isConnectable={false}
          className="node-handle"
        />
      )}
      {source && (
        <Handle
          type="source"
          position={horizontal ? Position.Right : Position.Bottom}
          isConnectable={false}
          className="node-handle"
        />
      )}
    </>
  );
});

/** The "recovered" pill of a card whose object was read from a broken file (see RECOVERED_STYLE). */
export function RecoveredBadge({ recovered }: { recovered?: boolean }) {
  if (!recovered) return null;
  return (
    <span
      className="pill pill-recovered"
      data-testid="recovered-badge"
      title={RECOVERED_STYLE.title}
      style={{ border: '1px dotted #9a3412', background: '#fff7ed', color: '#9a3412' }}
    >
      {RECOVERED_STYLE.label}
    </span>
  );
}
