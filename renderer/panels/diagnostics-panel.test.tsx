import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { emptyTopology } from '../../shared/graph/testing/make-topology';
import type { Diagnostic } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';
import { installFlowEnv } from '../testing/render-node';
import { DiagnosticsPanel } from './diagnostics-panel';

beforeAll(installFlowEnv);
beforeEach(() => useDiagramStore.getState().close());
afterEach(cleanup);

describe('DiagnosticsPanel with thousands of diagnostics', () => {
  it('draws only the rows in view, errors first', () => {
    const t = emptyTopology();
    const many: Diagnostic[] = Array.from({ length: 5000 }, (_, i) => ({
      severity: 'warning',
      code: 'wrong-type',
      message: `field ${i} dropped`,
      file: `f${i}.json`,
      line: i + 1,
    }));
    t.diagnostics = [...many, { severity: 'error', code: 'json-syntax', message: 'broken', file: 'bad.json', line: 3 }];
    act(() => {
      useDiagramStore.getState().setTopology(t, 'many');
      useDiagramStore.getState().setDiagnosticsOpen(true);
    });
    render(<DiagnosticsPanel />);
    const rows = screen.getAllByTestId('diagnostic');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0].dataset.severity).toBe('error');
    expect(rows[0].textContent).toContain('bad.json:3');
    expect(rows[1].textContent).toContain('f0.json:1');
    // The list is as tall as all 5,001 rows would be, so the scroll bar tells how many there are.
    const list = screen.getByTestId('diagnostics-list').firstElementChild as HTMLElement;
    expect(parseInt(list.style.height, 10)).toBeGreaterThan(5000 * 20);
    expect(screen.getByTestId('diagnostics-panel').textContent).toContain('5000 warnings');
  });
});
