/**
 * The legend: launch-type colours with task counts (click one to show only
 * that type), status styles with counts, the placeholder style, and what sits
 * beside the services (target groups, namespaces) when the load has any.
 */
import { CostLegendNote } from '../cost/cost-legend-note';
import type { OverlayClass } from '../../shared/model/types';
import type { AroundServicesCounts } from '../../shared/graph/types';
import {
  DISCOVERY_STYLE,
  NEUTRAL_STYLE,
  OVERLAY_ORDER,
  OVERLAY_STYLES,
  PLACEHOLDER_STYLE,
  STATUS_ORDER,
  STATUS_STYLES,
} from '../../shared/theme/theme';
import { StatusGlyph } from '../nodes/node-parts';
import { hatch } from '../nodes/node-style';
import { useDiagramStore } from '../store/diagram-store';

/** The legend panel body. */
export function Legend() {
  // A big load's legend comes before its layout (the same counts), and shows while it is laid out.
  const legend = useDiagramStore((s) => s.layout?.legend ?? s.previewLegend);
  const overlayOn = useDiagramStore((s) => s.view.overlay);
  const filters = useDiagramStore((s) => s.view.filters);
  const setFilters = useDiagramStore((s) => s.setFilters);
  const open = useDiagramStore((s) => s.legendOpen);
  const setOpen = useDiagramStore((s) => s.setLegendOpen);
  if (!legend) return null;
  if (!open) {
    return (
      <button type="button" className="btn legend-closed" data-testid="legend-open" onClick={() => setOpen(true)}>
        Legend
      </button>
    );
  }
  const present = OVERLAY_ORDER.filter((o) => (legend.tasksByOverlay[o] ?? 0) + (legend.servicesByOverlay[o] ?? 0) > 0);
  const rows = present.length > 0 ? present : OVERLAY_ORDER.slice(0, 4);
  const only = filters.overlays;
  const toggle = (o: OverlayClass) => {
    const next = only?.length === 1 && only[0] === o ? undefined : [o];
    setFilters({ ...filters, overlays: next });
  };
  return (
    <div className="legend" data-testid="legend">
      <div className="legend-head">
        <strong>Launch type</strong>
        <span className="muted">tasks</span>
        <button type="button" className="btn btn-icon" aria-label="Hide legend" onClick={() => setOpen(false)}>
          ×
        </button>
      </div>
      {!overlayOn && <div className="legend-note">Overlay off: neutral colours</div>}
      <CostLegendNote />
      <ul>
        {rows.map((o) => {
          const s = overlayOn ? OVERLAY_STYLES[o] : NEUTRAL_STYLE;
          const active = !only || only.includes(o);
          return (
            <li key={o}>
              <button
                type="button"
                className={`legend-row${active ? '' : ' inactive'}`}
                data-testid={`legend-${o}`}
                aria-pressed={only?.includes(o) ?? false}
                title="Show only this launch type (click again for all)"
                onClick={() => toggle(o)}
              >
                <span
                  className="swatch"
                  style={{
                    background: s.fill,
                    borderLeftColor: s.accent,
                    backgroundImage: overlayOn && s.hatch ? hatch(s.hatch) : undefined,
                  }}
                />
                <span className="legend-label">{OVERLAY_STYLES[o].label}</span>
                <span className="legend-count" data-testid={`legend-count-${o}`}>
                  {legend.tasksByOverlay[o] ?? 0}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="legend-head">
        <strong>Status</strong>
      </div>
      <ul>
        {STATUS_ORDER.map((st) => (
          <li key={st} className="legend-row static">
            <span
              className={`swatch swatch-status status-${st}`}
              style={{
                borderColor: STATUS_STYLES[st].border,
                borderWidth: STATUS_STYLES[st].borderWidth,
                opacity: STATUS_STYLES[st].opacity,
              }}
            >
              <StatusGlyph status={st} size={11} />
            </span>
            <span className="legend-label">{STATUS_STYLES[st].label}</span>
            <span className="legend-count">{legend.tasksByStatus[st] ?? 0}</span>
          </li>
        ))}
        <li className="legend-row static">
          <span
            className="swatch"
            style={{ borderStyle: 'dashed', borderColor: PLACEHOLDER_STYLE.border, background: PLACEHOLDER_STYLE.fill }}
          />
          <span className="legend-label">{PLACEHOLDER_STYLE.label}</span>
          <span className="legend-count">{legend.placeholders}</span>
        </li>
      </ul>
      {legend.aroundServices && <AroundServices counts={legend.aroundServices} />}
    </div>
  );
}

/** Target groups, namespaces and Cloud Map services, with counts, and the dashed link a service is discovered through; only what the load has. */
function AroundServices({ counts }: { counts: AroundServicesCounts }) {
  const rows = [
    { key: 'targetGroups', label: 'Target group', count: counts.targetGroups, border: '#93c5fd', accent: '#1d4ed8' },
    {
      key: 'namespaces',
      label: 'Service Connect namespace',
      count: counts.namespaces,
      border: DISCOVERY_STYLE.border,
      accent: DISCOVERY_STYLE.accent,
    },
    {
      key: 'cloudMapServices',
      label: 'Cloud Map service',
      count: counts.cloudMapServices,
      border: DISCOVERY_STYLE.border,
      accent: DISCOVERY_STYLE.accent,
    },
  ].filter((r) => r.count > 0);
  if (rows.length === 0) return null;
  return (
    <>
      <div className="legend-head">
        <strong>Beside services</strong>
      </div>
      <ul data-testid="legend-around">
        {rows.map((r) => (
          <li key={r.key} className="legend-row static">
            <span className="swatch" style={{ borderColor: r.border, borderLeftColor: r.accent }} />
            <span className="legend-label">{r.label}</span>
            <span className="legend-count" data-testid={`legend-count-${r.key}`}>
              {r.count}
            </span>
          </li>
        ))}
        {counts.namespaces + counts.cloudMapServices > 0 && (
          <li className="legend-row static">
            <span className="swatch swatch-link" style={{ borderTopColor: DISCOVERY_STYLE.edge }} />
            <span className="legend-label">Discovered through</span>
            <span className="legend-count" />
          </li>
        )}
      </ul>
    </>
  );
}
