/**
 * The toolbar's Export button and its options popover: format, scale,
 * background, legend and title. The choices are kept in the store so the
 * menu's Export PNG/SVG and Ctrl/Cmd+E use them too.
 */
import { useEffect, useRef, useState } from 'react';
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import { useDiagramStore, type ExportOptions } from '../store/diagram-store';
import { runExport, SLOW_PNG_BOXES, type ExportFormat } from './export-diagram';
import { pricedAnswer, useCostStore } from '../cost/cost-store';
import { useFindingsStore } from '../findings/findings-store';

const SCALES: ExportOptions['scale'][] = [1, 2, 3, 4];
const BACKGROUNDS: { value: ExportOptions['background']; label: string }[] = [
  { value: 'white', label: 'White' },
  { value: 'transparent', label: 'Transparent' },
  { value: 'dark', label: 'Dark' },
];

type OnOffOption = 'includeLegend' | 'includeTitle' | 'findingBadges' | 'costBadges';

/** One on/off choice of the popover; `unavailable` says why it cannot be had for this load (then off). */
function OptionCheck({
  option,
  label,
  unavailable = null,
}: {
  option: OnOffOption;
  label: string;
  unavailable?: string | null;
}) {
  const on = useDiagramStore((s) => s.exportOptions[option]);
  const setOptions = useDiagramStore((s) => s.setExportOptions);
  return (
    <label className="check" title={unavailable ?? undefined}>
      <input
        type="checkbox"
        disabled={unavailable !== null}
        checked={on && unavailable === null}
        onChange={(e) => setOptions({ [option]: e.target.checked })}
      />{' '}
      {label}
    </label>
  );
}

/** Export button with its popover; `api` saves the file (a download in web mode). */
export function ExportButton({ api }: { api: Pick<DesktopApi, 'saveFile'> }) {
  const options = useDiagramStore((s) => s.exportOptions);
  const setOptions = useDiagramStore((s) => s.setExportOptions);
  const ready = useDiagramStore((s) => s.layout !== null);
  const boxes = useDiagramStore((s) => s.layout?.nodes.length ?? 0);
  // What the badges need: findings of this load (they may arrive after it), and a priced load for the cost.
  useFindingsStore((s) => s.arrivals);
  const findingsShown = useDiagramStore((s) => (s.topology?.findings?.length ?? 0) > 0);
  const priced = useCostStore((s) => pricedAnswer(s) !== null);
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('png');
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    // A popover closes on Escape and on a click elsewhere, as menus do.
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onDown = (e: MouseEvent) =>
      root.current && e.target instanceof Node && !root.current.contains(e.target) && setOpen(false);
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [open]);

  const run = async () => {
    setBusy(true);
    try {
      if (await runExport(api, format, options)) setOpen(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-control" ref={root}>
      <button
        type="button"
        className="btn"
        data-testid="export-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={!ready}
        onClick={() => setOpen(!open)}
        title="Export the whole diagram as PNG or SVG (Ctrl/Cmd+E)"
      >
        Export…
      </button>
      {open && (
        <div className="export-popover" role="dialog" aria-label="Export options" data-testid="export-popover">
          <fieldset className="export-field">
            <legend>Format</legend>
            {(['png', 'svg'] as const).map((f) => (
              <label key={f} className="check">
                <input
                  type="radio"
                  name="export-format"
                  value={f}
                  checked={format === f}
                  onChange={() => setFormat(f)}
                />{' '}
                {f.toUpperCase()}
              </label>
            ))}
          </fieldset>
          <label className="export-field">
            Scale
            <select
              value={options.scale}
              disabled={format === 'svg'}
              onChange={(e) => setOptions({ scale: Number(e.target.value) as ExportOptions['scale'] })}
            >
              {SCALES.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <label className="export-field">
            Background
            <select
              value={options.background}
              onChange={(e) => setOptions({ background: e.target.value as ExportOptions['background'] })}
            >
              {BACKGROUNDS.map((b) => (
                <option key={b.value} value={b.value}>
                  {b.label}
                </option>
              ))}
            </select>
          </label>
          <OptionCheck option="includeLegend" label="Include legend" />
          <OptionCheck option="includeTitle" label="Include title" />
          <OptionCheck
            option="findingBadges"
            label="Finding badges"
            unavailable={findingsShown ? null : 'This load has no findings'}
          />
          <OptionCheck
            option="costBadges"
            label="Cost badges and table"
            unavailable={priced ? null : 'Turn on $ Cost to price this load first'}
          />
          <p className="export-hint muted">
            The whole diagram as it is viewed now (filters, collapsed boxes), not just what fits on screen.
          </p>
          {format === 'png' && boxes > SLOW_PNG_BOXES && (
            <p className="export-hint export-warning" data-testid="export-slow-png">
              {boxes.toLocaleString('en')} boxes: a PNG this big takes a while to draw (about 9 s for 2,751 boxes, 21 s
              for 13,620). The app keeps responding, and the notice says how far it is. SVG is saved at once.
            </p>
          )}
          <button
            type="button"
            className="btn btn-primary"
            data-testid="export-run"
            disabled={busy}
            onClick={() => void run()}
          >
            {busy ? 'Exporting…' : `Export ${format.toUpperCase()}`}
          </button>
        </div>
      )}
    </div>
  );
}
