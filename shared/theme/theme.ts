/**
 * The visual language of DESIGN.md as plain data: colours, sizes and labels
 * for every overlay class and status. The React nodes and the SVG export both
 * read this module, so the screen and the export cannot drift apart.
 */
import type { OverlayClass } from '../model/types';

/** Colours a node is painted with for one overlay class. */
export interface OverlayStyle {
  /** Label for legends and badges. */
  label: string;
  /** Short badge text shown on task and service cards. */
  badge: string;
  /** Card background. */
  fill: string;
  /** Accent stripe and badge background. */
  accent: string;
  /** Text colour on the accent. */
  onAccent: string;
  /** Hatch colour drawn over the fill (Fargate Spot only). */
  hatch?: string;
}

/** Overlay classes in legend order. */
export const OVERLAY_ORDER: readonly OverlayClass[] = [
  'EC2',
  'MANAGED_INSTANCES',
  'FARGATE',
  'FARGATE_SPOT',
  'EXTERNAL',
  'UNKNOWN',
];

/**
 * Colours per overlay class: EC2 orange family (Managed Instances a deeper
 * orange with its own badge), Fargate purple, Fargate Spot purple hatched,
 * External and unknown grey. Accents keep white text above 4.5:1 contrast.
 */
export const OVERLAY_STYLES: Readonly<Record<OverlayClass, OverlayStyle>> = {
  EC2: { label: 'EC2', badge: 'EC2', fill: '#fff4e8', accent: '#c2570c', onAccent: '#ffffff' },
  MANAGED_INSTANCES: {
    label: 'ECS Managed Instances',
    badge: 'Managed',
    fill: '#fdecdf',
    accent: '#9a3412',
    onAccent: '#ffffff',
  },
  FARGATE: { label: 'Fargate', badge: 'Fargate', fill: '#f4efff', accent: '#6d28d9', onAccent: '#ffffff' },
  FARGATE_SPOT: {
    label: 'Fargate Spot',
    badge: 'Spot',
    fill: '#f4efff',
    accent: '#7e22ce',
    onAccent: '#ffffff',
    hatch: '#ddd0fb',
  },
  EXTERNAL: {
    label: 'External (ECS Anywhere)',
    badge: 'External',
    fill: '#f1f3f5',
    accent: '#4b5563',
    onAccent: '#ffffff',
  },
  UNKNOWN: { label: 'Unknown', badge: 'Unknown', fill: '#f1f3f5', accent: '#6b7280', onAccent: '#ffffff' },
};

/** The neutral style used for every class when the overlay is turned off. */
export const NEUTRAL_STYLE: OverlayStyle = {
  label: 'Overlay off',
  badge: '',
  fill: '#ffffff',
  accent: '#475569',
  onAccent: '#ffffff',
};

/** The status a node is drawn with, reduced from lastStatus/desiredStatus/health. */
export type StatusClass = 'running' | 'pending' | 'stopped' | 'unhealthy' | 'unknown';

/** How one status class changes a node: border, opacity, badge. */
export interface StatusStyle {
  label: string;
  /** Border colour; status owns the border (DESIGN.md: "Borders are left to status"). */
  border: string;
  borderWidth: number;
  /** Whole-card opacity (dimmed while pending). */
  opacity: number;
  /** Fill replaced by grey when stopped. */
  greyed: boolean;
  /** Badge glyph shown beside the status text, if any. */
  badge?: 'clock' | 'stop' | 'alert';
}

/** Status styles: RUNNING solid; PENDING dimmed with a clock; STOPPED greyed; UNHEALTHY red outline. */
export const STATUS_STYLES: Readonly<Record<StatusClass, StatusStyle>> = {
  running: { label: 'Running', border: '#94a3b8', borderWidth: 1, opacity: 1, greyed: false },
  pending: {
    label: 'Pending / provisioning',
    border: '#94a3b8',
    borderWidth: 1,
    opacity: 0.62,
    greyed: false,
    badge: 'clock',
  },
  stopped: { label: 'Stopped', border: '#9ca3af', borderWidth: 1, opacity: 0.85, greyed: true, badge: 'stop' },
  unhealthy: { label: 'Unhealthy', border: '#dc2626', borderWidth: 3, opacity: 1, greyed: false, badge: 'alert' },
  unknown: { label: 'Unknown status', border: '#94a3b8', borderWidth: 1, opacity: 1, greyed: false },
};

/** Legend order of statuses. */
export const STATUS_ORDER: readonly StatusClass[] = ['running', 'pending', 'stopped', 'unhealthy'];

/** Fill used for stopped objects in place of the overlay fill. */
export const STOPPED_FILL = '#e5e7eb';

/** How placeholders (objects only referenced, never described) are told apart. */
export const PLACEHOLDER_STYLE = {
  border: '#64748b',
  dash: '6 4',
  fill: '#f8fafc',
  opacity: 0.8,
  label: 'Referenced only (not described)',
} as const;

/** Objects recovered from a broken file (only commas missing or extra there): dotted, as placeholders are dashed. */
export const RECOVERED_STYLE = {
  dash: '1.5 3',
  /** At least this wide: a 1 px dotted line reads as a plain one at fit-to-screen. */
  borderWidth: 2,
  label: 'recovered',
  title:
    'Recovered from a broken file: it was read although the file is not valid JSON (only commas were missing or extra around it)',
} as const;

/** Base colours of the canvas and text. */
export const BASE_COLOURS = {
  canvas: '#f6f7f9',
  grid: '#dde1e7',
  text: '#0f172a',
  mutedText: '#475569',
  edge: '#94a3b8',
  selected: '#2563eb',
  clusterFill: '#ffffff',
  clusterAccent: '#0f172a',
  groupFill: 'rgba(148, 163, 184, 0.10)',
  groupBorder: '#cbd5e1',
  danger: '#dc2626',
  warning: '#b45309',
} as const;

/** Fixed box sizes (px) so the layout knows every node before anything is drawn. */
export const SIZES = {
  cluster: { width: 260, height: 132 },
  service: { width: 280, height: 142 },
  /** Task card without containers; each container adds `containerRow`. */
  task: { width: 264, height: 104 },
  /** A container chip nested inside its task card. */
  container: { width: 244, height: 38 },
  /** Vertical space one container chip takes, gap included. */
  containerRow: 42,
  /** Padding inside a task card around its container chips. */
  taskPadding: 10,
  /** Header strip of a group box (tasks of a service, a family, an unknown cluster). */
  groupHeader: 34,
  /** Padding inside a group box. */
  groupPadding: 14,
  /** Gap between task cards inside a group box. */
  groupGap: 12,
  /** Task cards a box holds in one row (left-to-right layout) before it adds rows. */
  groupRowColumns: 6,
  /** Size of the synthetic "unknown cluster" node. */
  unknownCluster: { width: 260, height: 100 },
  /** Size of a collapsed group box. */
  collapsedGroup: { width: 220, height: 56 },
  /** A host card of the placement view (container instance, Fargate AZ, unplaced), with its reserved CPU/memory bars. */
  host: { width: 300, height: 172 },
  /** A collapsed box drawn as a stack of cards with its one-line summary. */
  stack: { width: 312, height: 84 },
  /** A load balancer target group beside its service, with container name and port. */
  targetGroup: { width: 264, height: 92 },
  /** The card of one account and region above its clusters (only when a load spans several). */
  account: { width: 260, height: 76 },
  /** A Service Connect namespace or Cloud Map service beside the services that use it. */
  namespace: { width: 300, height: 92 },
} as const;

/**
 * Service discovery cards (Service Connect namespaces, Cloud Map services): teal, so they read apart
 * from target groups (blue) and from every launch-type colour.
 */
export const DISCOVERY_STYLE = { accent: '#0f766e', border: '#5eead4', edge: '#2dd4bf', dash: '6 4' } as const;

/** Spacing between dagre ranks and nodes. */
export const LAYOUT_SPACING = { rankSep: 90, nodeSep: 28, marginX: 24, marginY: 24 } as const;

/** Font stack that needs no remote fonts (CSP: no remote content). */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';

/** Monospace stack for ids, ARNs and image tags. */
export const MONO_FONT_FAMILY = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace';

/** The style of an overlay class, or the neutral style when the overlay is off. */
export function overlayStyle(overlay: OverlayClass, overlayOn: boolean): OverlayStyle {
  return overlayOn ? OVERLAY_STYLES[overlay] : NEUTRAL_STYLE;
}
