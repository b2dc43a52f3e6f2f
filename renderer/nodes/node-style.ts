/**
 * Card styles from the shared theme: overlay class gives fill and accent,
 * status gives border and opacity, placeholders get a dashed outline.
 */
import type { CSSProperties } from 'react';
import type { OverlayClass } from '../../shared/model/types';
import {
  overlayStyle,
  PLACEHOLDER_STYLE,
  RECOVERED_STYLE,
  STATUS_STYLES,
  STOPPED_FILL,
  BASE_COLOURS,
  type StatusClass,
} from '../../shared/theme/theme';

/** Inputs of a card style. */
export interface CardStyleInput {
  overlay: OverlayClass;
  status: StatusClass;
  placeholder: boolean;
  overlayOn: boolean;
  selected: boolean;
  /** Recovered from a broken file: a dotted outline (dashed stays for placeholders). */
  recovered?: boolean;
}

/** The hatch drawn over Fargate Spot cards. */
export function hatch(colour: string): string {
  return `repeating-linear-gradient(135deg, ${colour} 0 5px, transparent 5px 11px)`;
}

/** The inline style of a card (task, service) for its overlay, status and placeholder state. */
export function cardStyle({
  overlay,
  status,
  placeholder,
  overlayOn,
  selected,
  recovered,
}: CardStyleInput): CSSProperties {
  const o = overlayStyle(overlay, overlayOn);
  const s = STATUS_STYLES[status];
  const fill = placeholder ? PLACEHOLDER_STYLE.fill : s.greyed ? STOPPED_FILL : o.fill;
  const style: CSSProperties = {
    background: fill,
    borderColor: placeholder ? PLACEHOLDER_STYLE.border : s.border,
    borderWidth: recovered && !placeholder ? Math.max(s.borderWidth, RECOVERED_STYLE.borderWidth) : s.borderWidth,
    borderStyle: placeholder ? 'dashed' : recovered ? 'dotted' : 'solid',
    opacity: placeholder ? PLACEHOLDER_STYLE.opacity : s.opacity,
    ['--accent' as string]: s.greyed || placeholder ? '#9ca3af' : o.accent,
    ['--on-accent' as string]: o.onAccent,
  };
  if (o.hatch && !s.greyed && !placeholder) style.backgroundImage = hatch(o.hatch);
  if (selected) style.boxShadow = `0 0 0 3px ${BASE_COLOURS.selected}`;
  return style;
}

/** "0.5 vCPU" from CPU units ("512"), or the value as given when it is not a number. */
export function formatCpu(cpu: string | undefined): string | undefined {
  if (!cpu) return undefined;
  const n = Number(cpu);
  if (!Number.isFinite(n)) return cpu;
  return `${Number((n / 1024).toFixed(2))} vCPU`;
}

/** "2 GB" / "512 MB" from MiB ("2048"). */
export function formatMemory(memory: string | undefined): string | undefined {
  if (!memory) return undefined;
  const n = Number(memory);
  if (!Number.isFinite(n)) return memory;
  return n >= 1024 ? `${Number((n / 1024).toFixed(1))} GB` : `${n} MB`;
}

/** What a card's state and size are read from: the graph node it draws. */
export interface CardNode {
  placeholder: boolean;
  recovered?: boolean;
  statusClass: StatusClass;
  width: number;
  height: number;
}

/** The data attributes every card carries for its state (tests and styles select on them). */
export function cardStateAttributes(n: CardNode): Record<string, string> {
  return {
    ...(n.placeholder ? { 'data-placeholder': 'true' } : {}),
    ...(n.recovered ? { 'data-recovered': 'true' } : {}),
  };
}

/** A card's inline style: `cardStyle` from the node's status, placeholder and recovered state, at the node's size. */
export function nodeCardStyle(
  n: CardNode,
  overlay: OverlayClass,
  overlayOn: boolean,
  selected: boolean,
): CSSProperties {
  return {
    ...cardStyle({
      overlay,
      status: n.statusClass,
      placeholder: n.placeholder,
      overlayOn,
      selected,
      recovered: n.recovered,
    }),
    width: n.width,
    height: n.height,
  };
}
