/**
 * The Launch-type lens panel: per service (and standalone task group) what it costs now, on Fargate, on
 * Fargate Spot, on Graviton and packed on EC2, what blocks a move, and the verdict; cluster totals below.
 * Sortable by any column; clicking a row selects the service on the diagram, and a service selected there is
 * scrolled to. Every row is there to scroll to, and only those in view are drawn. The figures come from the
 * ingest worker (web) or main (desktop); the page only shows them.
 */
import { compareText } from '../../shared/model/compare-text';
import { clusterLabeller, ec2PackedText, money } from '../../shared/cost/cost-text';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CostRow } from '../../shared/cost/compute-cost';
import { pricesCaveat } from '../../shared/cost/cost-json';
import { useDiagramStore } from '../store/diagram-store';
import { useCostStore } from './cost-store';
import './cost.css';

type Key =
  | 'service'
  | 'cluster'
  | 'launchType'
  | 'tasks'
  | 'now'
  | 'fargateMonthly'
  | 'fargateSpotMonthly'
  | 'fargateSpotStrategyMonthly'
  | 'gravitonMonthly'
  | 'ec2Monthly'
  | 'blockers';

const COLUMNS: { key: Key; label: string; title: string; value: (r: CostRow) => number | string | null }[] = [
  { key: 'service', label: 'Service', title: 'Service, or a standalone task group', value: (r) => r.service },
  { key: 'cluster', label: 'Cluster', title: 'Cluster', value: (r) => r.cluster },
  { key: 'launchType', label: 'Runs on', title: 'Launch type of its tasks now', value: (r) => r.launchType },
  { key: 'tasks', label: 'Tasks', title: 'Running and pending tasks priced', value: (r) => r.tasks },
  {
    key: 'now',
    label: 'Now /mo',
    title: 'What its tasks cost now, plus its share of its EC2 hosts’ idle capacity',
    value: (r) =>
      r.nowMonthly === null || r.idleAllocatedMonthly === null ? null : r.nowMonthly + r.idleAllocatedMonthly,
  },
  {
    key: 'fargateMonthly',
    label: 'Fargate',
    title: 'Each task on Fargate, rounded up to a valid size',
    value: (r) => r.fargateMonthly,
  },
  { key: 'fargateSpotMonthly', label: 'Spot', title: 'All of it on Fargate Spot', value: (r) => r.fargateSpotMonthly },
  {
    key: 'fargateSpotStrategyMonthly',
    label: 'Spot (strategy)',
    title: 'On Fargate, following its capacity provider strategy (base, weights)',
    value: (r) => r.fargateSpotStrategyMonthly,
  },
  {
    key: 'gravitonMonthly',
    label: 'Graviton',
    title: 'On Fargate arm64, if its images support arm64 (not checked)',
    value: (r) => r.gravitonMonthly,
  },
  {
    key: 'ec2Monthly',
    label: 'EC2 packed',
    title: 'Its tasks packed first-fit decreasing on hosts of their own, cheapest type',
    value: (r) => r.ec2Monthly,
  },
  {
    key: 'blockers',
    label: 'Blockers',
    title: 'What stops a move to Fargate, and what must change',
    value: (r) => r.blockers.length,
  },
];

/**
 * The columns' widths in px (then the verdict's), fitted to what they hold: fixed, so they stay put as rows
 * scroll in and out of view (a table laid out from its rows would resize its columns on every scroll). A wider
 * panel shares the rest out among them; a narrower one scrolls sideways.
 */
const COLUMN_WIDTHS = [130, 100, 105, 50, 75, 75, 60, 110, 75, 165, 150, 300];

function compare(a: number | string | null, b: number | string | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : compareText(String(a), String(b));
}

/**
 * A row's height before it is measured (one line; a verdict or chips that wrap make it taller). A browser lays a
 * table out whole: the 9,091 rows of the 100,000-node account (109,000 cells) froze the page for 3.8-5 s when the
 * lens opened, and even 200 of them were a 103-109 ms task of style and layout. Only the rows in view (and
 * OVERSCAN_ROWS either side) are drawn, between two spacer rows that keep the scroll height.
 */
const ROW_ESTIMATE = 23;
const OVERSCAN_ROWS = 10;

/** Room for the rows not drawn, above or below those in view (a cell: a row without one takes no height). */
function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="cost-spacer">
      <td colSpan={COLUMN_WIDTHS.length} style={{ height }} />
    </tr>
  );
}

/** The lens panel; nothing while the lens is off. */
export function CostLensPanel() {
  const { on, answer, computing, error, prices, refusal } = useCostStore();
  const selectedId = useDiagramStore((s) => s.selectedId);
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'now', desc: true });
  const rows = useMemo(() => {
    if (!answer) return [];
    const column = COLUMNS.find((c) => c.key === sort.key)!;
    const all = [...answer.report.services, ...answer.report.standalone];
    all.sort((a, b) => {
      const va = column.value(a);
      const vb = column.value(b);
      // A missing price sorts last whichever way the column is sorted.
      if ((va === null) !== (vb === null)) return va === null ? 1 : -1;
      const d = compare(va, vb);
      return (sort.desc ? -d : d) || compareText(a.service, b.service);
    });
    return all;
  }, [answer, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: on ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN_ROWS,
    // jsdom and a panel not yet measured: a first screenful rather than nothing.
    initialRect: { width: 1200, height: 12 * ROW_ESTIMATE },
    measureElement: (element) => element.getBoundingClientRect().height || ROW_ESTIMATE,
  });
  // A service selected on the diagram (or by a row) is scrolled into view.
  const chosen = useMemo(() => rows.findIndex((r) => r.id === selectedId), [rows, selectedId]);
  useEffect(() => {
    if (chosen >= 0) virtual.scrollToIndex(chosen, { align: 'auto' });
  }, [chosen, virtual]);
  // Cluster names two accounts or regions share (each has its `default`) are told apart by their scope.
  const clusterLabel = useMemo(() => clusterLabeller(answer?.report.clusters ?? []), [answer]);
  if (!on) return null;
  const report = answer?.report;
  const items = virtual.getVirtualItems();
  const below = items.length > 0 ? virtual.getTotalSize() - items[items.length - 1].end : 0;
  return (
    <section className="cost-panel" data-testid="cost-panel" aria-label="Launch-type lens">
      <header className="panel-head cost-head">
        <h2>Launch-type lens</h2>
        {report && (
          <span className="cost-caveat" data-testid="cost-caveat">
            {pricesCaveat(report)} · {prices ? `prices: ${prices.name} over the bundled table` : 'bundled prices'} ·{' '}
            {report.hoursPerMonth} h a month
          </span>
        )}
        {computing && <span className="hint">Pricing…</span>}
      </header>
      {error && (
        <p className="callout callout-stopped cost-error" role="alert">
          {error}
        </p>
      )}
      {refusal && (
        <p className="callout callout-stopped cost-error" role="alert" data-testid="cost-prices-refused">
          {refusal}
        </p>
      )}
      {answer && answer.pricesDiagnostics.length > 0 && (
        <p className="callout callout-stopped cost-error" role="alert" data-testid="cost-prices-error">
          Prices file refused (the bundled table is used):{' '}
          {answer.pricesDiagnostics
            .map((d) => `${d.file ?? ''}${d.line ? `:${d.line}:${d.column}` : ''}: ${d.message}`)
            .join('; ')}
        </p>
      )}
      {report && (
        <div className="cost-scroll" ref={scroller} data-testid="cost-scroll">
          <table
            className="cost-table"
            data-testid="cost-table"
            data-rows={rows.length}
            style={{ minWidth: COLUMN_WIDTHS.reduce((a, b) => a + b, 0) }}
          >
            <colgroup>
              {COLUMN_WIDTHS.map((width, i) => (
                <col key={i} style={{ width }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    title={c.title}
                    aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                  >
                    <button
                      type="button"
                      className="cost-sort"
                      data-testid={`cost-sort-${c.key}`}
                      onClick={() =>
                        setSort((s) => ({
                          key: c.key,
                          desc: s.key === c.key ? !s.desc : c.key !== 'service' && c.key !== 'cluster',
                        }))
                      }
                    >
                      {c.label}
                      {sort.key === c.key ? (sort.desc ? ' ▾' : ' ▴') : ''}
                    </button>
                  </th>
                ))}
                <th>Verdict</th>
              </tr>
            </thead>
            <tbody>
              {items.length > 0 && items[0].start > 0 && <Spacer height={items[0].start} />}
              {items.map((item) => {
                const r = rows[item.index];
                return (
                  <tr
                    key={r.id}
                    ref={virtual.measureElement}
                    data-index={item.index}
                    className={`cost-row${r.id === selectedId ? ' selected' : ''}`}
                    data-testid="cost-row"
                    data-service={r.service}
                    onClick={() =>
                      useDiagramStore.getState().select(r.kind === 'service' ? r.id : null, { focus: true })
                    }
                  >
                    <td className="cost-name">{r.service}</td>
                    <td>{clusterLabel(r.cluster, r.clusterId)}</td>
                    <td className="mono">{r.launchType}</td>
                    <td className="num">{r.tasks}</td>
                    <td
                      className="num"
                      title={
                        r.idleAllocatedMonthly
                          ? `tasks ${money(r.nowMonthly)} + idle share ${money(r.idleAllocatedMonthly)}`
                          : undefined
                      }
                    >
                      {money(COLUMNS[4].value(r) as number | null)}
                    </td>
                    <td className="num">{money(r.fargateMonthly)}</td>
                    <td className="num">{money(r.fargateSpotMonthly)}</td>
                    <td className="num">{money(r.fargateSpotStrategyMonthly)}</td>
                    <td className="num" title="if its images support arm64 (not checked)">
                      {money(r.gravitonMonthly)}
                    </td>
                    <td className="num">{ec2PackedText(r, ' · ')}</td>
                    <td
                      className="cost-blockers"
                      title={[...r.blockers, ...r.changesNeeded].map((b) => `${b.path}: ${b.message}`).join('\n')}
                    >
                      {r.blockers.map((b) => (
                        <span key={`${b.code}${b.path}`} className="cost-chip cost-chip-blocker">
                          {b.code}
                        </span>
                      ))}
                      {r.changesNeeded.map((b) => (
                        <span key={`${b.code}${b.path}`} className="cost-chip">
                          {b.code}
                        </span>
                      ))}
                    </td>
                    <td className="cost-verdict" data-testid="cost-verdict">
                      {r.verdict}
                    </td>
                  </tr>
                );
              })}
              {below > 0 && <Spacer height={below} />}
            </tbody>
            <tfoot>
              {report.clusters.map((c) => (
                <tr key={c.clusterId} className="cost-total" data-testid="cost-cluster-total">
                  <td>Σ cluster</td>
                  <td>{clusterLabel(c.cluster, c.clusterId)}</td>
                  <td />
                  <td />
                  <td className="num" title={`includes ${money(c.idleMonthly)} of idle EC2 capacity`}>
                    {money(c.nowMonthly)}
                  </td>
                  <td className="num">{money(c.fargateMonthly)}</td>
                  <td className="num">{money(c.fargateSpotMonthly)}</td>
                  <td />
                  <td />
                  <td className="num">{money(c.ec2Monthly)}</td>
                  <td />
                  <td>idle EC2 {money(c.idleMonthly)}</td>
                </tr>
              ))}
            </tfoot>
          </table>
          {report.missingPrices.length > 0 && (
            <p className="hint cost-missing" data-testid="cost-missing">
              Missing prices ({report.missingPrices.length}):{' '}
              {report.missingPrices.map((m) => `${m.item} in ${m.region}`).join('; ')} — load a prices file to add them.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
