/**
 * The colours an export is painted with. Light is the screen's theme as is
 * (shared/theme); dark keeps every accent (so EC2 stays orange and Fargate
 * purple) and swaps the pale card fills and text for dark ones.
 */
import type { OverlayClass } from '../model/types';
import {
  BASE_COLOURS,
  NEUTRAL_STYLE,
  OVERLAY_STYLES,
  PLACEHOLDER_STYLE,
  STATUS_STYLES,
  STOPPED_FILL,
  type OverlayStyle,
  type StatusClass,
} from '../theme/theme';

/** Colour scheme of the diagram. */
export type ExportTheme = 'light' | 'dark';

/** What is behind the diagram. */
export type ExportBackground = 'white' | 'transparent' | 'dark';

/** Every colour the SVG renderer uses. */
export interface ExportPalette {
  /** Fill of the whole image, or null for transparent. */
  background: string | null;
  /** Text and lines drawn straight on the background (title, legend, edges). */
  onBackground: { text: string; muted: string; edge: string; legendFill: string; legendBorder: string };
  text: string;
  mutedText: string;
  danger: string;
  warning: string;
  ok: string;
  cardFill: string;
  chipFill: string;
  clusterAccent: string;
  groupFill: string;
  groupBorder: string;
  stoppedFill: string;
  placeholder: { border: string; fill: string; dash: string; opacity: number };
  progressTrack: string;
  /** Stripe of greyed (stopped, placeholder) cards. */
  greyStripe: string;
  /** The "deploying" pill. */
  info: { fill: string; text: string };
  /** Marks drawn on a danger fill (the "!" of the unhealthy glyph). */
  onDanger: string;
  /** What dimmed nodes are blended towards (the paper under the diagram). */
  paper: string;
  /** Colours per overlay class (neutral when the overlay is off). */
  overlay(overlay: OverlayClass, overlayOn: boolean): OverlayStyle;
  /** Border colour of a status. */
  statusBorder(status: StatusClass): string;
}

const DARK_FILLS: Record<OverlayClass, { fill: string; hatch?: string }> = {
  EC2: { fill: '#3a2412' },
  MANAGED_INSTANCES: { fill: '#3d1f10' },
  FARGATE: { fill: '#2a1d47' },
  FARGATE_SPOT: { fill: '#2a1d47', hatch: '#3d2c68' },
  EXTERNAL: { fill: '#1f2937' },
  UNKNOWN: { fill: '#1f2937' },
};

const BACKGROUNDS: Record<ExportBackground, string | null> = { white: '#ffffff', transparent: null, dark: '#0f172a' };

/** Text drawn on the background follows the background, so a light diagram on a dark page keeps a readable title. */
function onBackground(background: ExportBackground, theme: ExportTheme): ExportPalette['onBackground'] {
  const dark = background === 'dark' || (background === 'transparent' && theme === 'dark');
  return dark
    ? { text: '#e2e8f0', muted: '#94a3b8', edge: '#64748b', legendFill: '#1e293b', legendBorder: '#334155' }
    : {
        text: BASE_COLOURS.text,
        muted: BASE_COLOURS.mutedText,
        edge: BASE_COLOURS.edge,
        legendFill: '#f8fafc',
        legendBorder: '#e2e8f0',
      };
}

/** The palette for a theme and background. */
export function exportPalette(theme: ExportTheme, background: ExportBackground): ExportPalette {
  if (theme === 'light') {
    return {
      background: BACKGROUNDS[background],
      onBackground: onBackground(background, theme),
      text: BASE_COLOURS.text,
      mutedText: BASE_COLOURS.mutedText,
      danger: BASE_COLOURS.danger,
      warning: BASE_COLOURS.warning,
      ok: '#15803d',
      cardFill: BASE_COLOURS.clusterFill,
      chipFill: '#ffffff',
      clusterAccent: BASE_COLOURS.clusterAccent,
      groupFill: '#f1f5f9',
      groupBorder: BASE_COLOURS.groupBorder,
      stoppedFill: STOPPED_FILL,
      placeholder: {
        border: PLACEHOLDER_STYLE.border,
        fill: PLACEHOLDER_STYLE.fill,
        dash: PLACEHOLDER_STYLE.dash,
        opacity: PLACEHOLDER_STYLE.opacity,
      },
      progressTrack: '#e2e8f0',
      greyStripe: '#9ca3af',
      info: { fill: '#dbeafe', text: '#1d4ed8' },
      onDanger: '#ffffff',
      paper: background === 'dark' ? BACKGROUNDS.dark! : '#ffffff',
      overlay: (o, on) => (on ? OVERLAY_STYLES[o] : NEUTRAL_STYLE),
      statusBorder: (s) => STATUS_STYLES[s].border,
    };
  }
  return {
    background: BACKGROUNDS[background],
    onBackground: onBackground(background, theme),
    text: '#e2e8f0',
    mutedText: '#94a3b8',
    danger: '#f87171',
    warning: '#fbbf24',
    ok: '#4ade80',
    cardFill: '#1e293b',
    chipFill: '#111827',
    clusterAccent: '#94a3b8',
    groupFill: '#172033',
    groupBorder: '#334155',
    stoppedFill: '#374151',
    placeholder: {
      border: '#94a3b8',
      fill: '#1e293b',
      dash: PLACEHOLDER_STYLE.dash,
      opacity: PLACEHOLDER_STYLE.opacity,
    },
    progressTrack: '#334155',
    greyStripe: '#6b7280',
    info: { fill: '#1e3a8a', text: '#dbeafe' },
    onDanger: '#ffffff',
    paper: background === 'white' ? '#ffffff' : BACKGROUNDS.dark!,
    overlay: (o, on) => (on ? { ...OVERLAY_STYLES[o], ...DARK_FILLS[o] } : { ...NEUTRAL_STYLE, fill: '#1e293b' }),
    statusBorder: (s) => (s === 'unhealthy' ? '#f87171' : '#475569'),
  };
}

/** `colour` (#rrggbb) seen at `opacity` over `paper` (#rrggbb), as an opaque #rrggbb; other notations pass through. */
export function blend(colour: string, opacity: number, paper: string): string {
  const hex = /^#([0-9a-f]{6})$/i;
  const c = hex.exec(colour);
  const b = hex.exec(paper);
  if (!c || !b || opacity >= 1) return colour;
  const out = [0, 2, 4].map((i) => {
    const v = parseInt(c[1].slice(i, i + 2), 16) * opacity + parseInt(b[1].slice(i, i + 2), 16) * (1 - opacity);
    return Math.round(v).toString(16).padStart(2, '0');
  });
  return `#${out.join('')}`;
}

/**
 * The palette with every colour pre-blended towards the paper: how a node
 * drawn at `opacity` looks. Used instead of SVG group opacity, which crashes
 * resvg 2.6 (a Rust panic that kills the process) when such a group is
 * partly off the canvas, and which costs an offscreen layer per node.
 */
export function dimmed(p: ExportPalette, opacity: number): ExportPalette {
  if (opacity >= 1) return p;
  const d = (c: string): string => blend(c, opacity, p.paper);
  return {
    ...p,
    text: d(p.text),
    mutedText: d(p.mutedText),
    danger: d(p.danger),
    warning: d(p.warning),
    ok: d(p.ok),
    cardFill: d(p.cardFill),
    chipFill: d(p.chipFill),
    clusterAccent: d(p.clusterAccent),
    groupFill: d(p.groupFill),
    groupBorder: d(p.groupBorder),
    stoppedFill: d(p.stoppedFill),
    placeholder: { ...p.placeholder, border: d(p.placeholder.border), fill: d(p.placeholder.fill) },
    progressTrack: d(p.progressTrack),
    greyStripe: d(p.greyStripe),
    info: { fill: d(p.info.fill), text: d(p.info.text) },
    onDanger: d(p.onDanger),
    overlay: (o, on) => {
      const s = p.overlay(o, on);
      return {
        ...s,
        fill: d(s.fill),
        accent: d(s.accent),
        onAccent: d(s.onAccent),
        ...(s.hatch ? { hatch: d(s.hatch) } : {}),
      };
    },
    statusBorder: (s) => d(p.statusBorder(s)),
  };
}
