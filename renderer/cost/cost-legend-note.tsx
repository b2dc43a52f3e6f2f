/** The legend's line about prices while the lens is on: which prices, of when, and that no discount is applied. */
import { pricesCaveat } from '../../shared/cost/cost-json';
import { useCostStore } from './cost-store';

/** Nothing while the lens is off or before its first answer. */
export function CostLegendNote() {
  const on = useCostStore((s) => s.on);
  const answer = useCostStore((s) => s.answer);
  const prices = useCostStore((s) => s.prices);
  if (!on || !answer) return null;
  const sources = answer.report.prices.sources.map((s) => s.region).join(', ');
  return (
    <div className="legend-note" data-testid="legend-prices">
      $ = {prices ? `${prices.name} over the bundled prices` : 'bundled prices'} ({sources || 'no region'}):{' '}
      {pricesCaveat(answer.report)}
    </div>
  );
}
