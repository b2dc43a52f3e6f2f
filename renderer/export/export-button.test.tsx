/** The Export popover as a user drives it: pick SVG or PNG and options, click Export, get a file. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { buildGraph } from '../../shared/graph/build-graph';
import { layoutGraph } from '../../shared/layout/layout';
import { useDiagramStore } from '../store/diagram-store';
import { ExportButton } from './export-button';
import { SLOW_PNG_BOXES } from './export-diagram';
import { rasteriseSvg } from './rasterise';
import { prodTopology } from '../testing/prod-fixture';
import { useCostStore } from '../cost/cost-store';
import { costAnswer } from '../../shared/cost/cost-request';
import { ingestWithFindings } from '../../shared/findings/with-findings';
import placementBlocked from '../../fixtures/findings/placement-blocked.fires.json?raw';

vi.mock('./rasterise', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./rasterise')>()),
  rasteriseSvg: vi.fn(),
}));

const prod = prodTopology();

function load(): void {
  const s = useDiagramStore.getState();
  s.setTopology(prod, 'prod');
  const { view } = useDiagramStore.getState();
  s.setLayout(layoutGraph(buildGraph(prod, view), view.direction));
}

const saved: { name: string; data: Uint8Array | string }[] = [];
const api = { saveFile: async (name: string, data: Uint8Array | string) => (saved.push({ name, data }), name) };

beforeEach(() => {
  saved.length = 0;
  useDiagramStore.getState().close();
});
afterEach(cleanup);

describe('ExportButton', () => {
  it('is disabled until there is a diagram', () => {
    render(<ExportButton api={api} />);
    expect((screen.getByTestId('export-button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('SVG without the legend: one file saved, popover closed, the user told where it went', async () => {
    load();
    render(<ExportButton api={api} />);
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.click(screen.getByLabelText('SVG'));
    // Scale means nothing for SVG.
    expect((screen.getByLabelText('Scale') as HTMLSelectElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Include legend'));
    fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toMatch(/\.svg$/);
    expect(String(saved[0].data)).toContain('class="title"');
    expect(String(saved[0].data)).not.toMatch(/class="legend/);
    await waitFor(() => expect(screen.queryByTestId('export-popover')).toBeNull());
    expect(useDiagramStore.getState().notice).toContain(saved[0].name);
    // The choice sticks for the menu and Ctrl/Cmd+E.
    expect(useDiagramStore.getState().exportOptions.includeLegend).toBe(false);
  });

  it('offers the finding and cost badges only when the load has findings and the lens has priced it', async () => {
    load();
    useDiagramStore.setState((s) => ({ topology: { ...s.topology!, findings: [] } }));
    render(<ExportButton api={api} />);
    fireEvent.click(screen.getByTestId('export-button'));
    const findings = () => screen.getByLabelText('Finding badges') as HTMLInputElement;
    const cost = () => screen.getByLabelText('Cost badges and table') as HTMLInputElement;
    expect(findings().disabled).toBe(true);
    expect(cost().disabled).toBe(true);
    act(() => {
      useDiagramStore.setState((s) => ({
        topology: {
          ...s.topology!,
          findings: ingestWithFindings([{ name: 'p.json', text: placementBlocked }]).findings,
        },
      }));
      useCostStore.setState({ on: true, computing: false, answer: costAnswer(prod, null) });
    });
    expect(findings().disabled).toBe(false);
    expect(cost().disabled).toBe(false);
    fireEvent.click(findings());
    fireEvent.click(cost());
    expect(useDiagramStore.getState().exportOptions).toMatchObject({ findingBadges: true, costBadges: true });
    act(() => useCostStore.setState({ on: false, answer: null }));
    expect(cost().disabled).toBe(true);
    act(() => useDiagramStore.getState().setExportOptions({ findingBadges: false, costBadges: false }));
  });

  it('PNG at the chosen scale on a dark background', async () => {
    load();
    vi.mocked(rasteriseSvg).mockImplementation(async ({ width: w, height: h }, scale) => ({
      blob: new Blob([]),
      bytes: new Uint8Array([1]),
      width: w * scale,
      height: h * scale,
      size: {
        width: w * scale,
        height: h * scale,
        scale,
        reduced: false,
        requested: { width: w * scale, height: h * scale, scale },
      },
    }));
    render(<ExportButton api={api} />);
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.change(screen.getByLabelText('Scale'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Background'), { target: { value: 'dark' } });
    fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(saved).toHaveLength(1));
    const [parts, scale] = vi.mocked(rasteriseSvg).mock.calls[0];
    expect(scale).toBe(4);
    expect(parts.fill).toBe('#0f172a');
    expect(saved[0].name).toMatch(/\.png$/);
  });

  it('Escape closes the popover without exporting', () => {
    load();
    render(<ExportButton api={api} />);
    fireEvent.click(screen.getByTestId('export-button'));
    expect(screen.getByTestId('export-popover')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('export-popover')).toBeNull();
    expect(saved).toHaveLength(0);
  });

  it('says a PNG of a big diagram takes a while, and not for SVG or a small one', () => {
    load();
    render(<ExportButton api={api} />);
    fireEvent.click(screen.getByTestId('export-button'));
    // The prod fixture is a few dozen boxes: no word.
    expect(screen.queryByTestId('export-slow-png')).toBeNull();
    const { layout } = useDiagramStore.getState();
    const many = Array.from({ length: SLOW_PNG_BOXES + 1 }, (_, i) => ({ ...layout!.nodes[0], id: `box-${i}` }));
    act(() => useDiagramStore.getState().setLayout({ ...layout!, nodes: many }));
    expect(screen.getByTestId('export-slow-png').textContent).toContain(
      `${(SLOW_PNG_BOXES + 1).toLocaleString('en')} boxes: a PNG this big takes a while to draw`,
    );
    fireEvent.click(screen.getByLabelText('SVG'));
    expect(screen.queryByTestId('export-slow-png')).toBeNull();
  });
});
