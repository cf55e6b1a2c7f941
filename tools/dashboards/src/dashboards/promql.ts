// Small PromQL builders, so every panel and alert writes rates and quantiles the same way.

/** Grafana's rate window: at least four scrape intervals, whatever the zoom. */
const RATE_WINDOW = '$__rate_interval';

/** `sum by (labels) (rate(selector[window]))`. */
export function sumRate(selector: string, by: readonly string[] = [], window = RATE_WINDOW): string {
  const grouping = by.length === 0 ? '' : ` by (${by.join(', ')})`;
  return `sum${grouping} (rate(${selector}[${window}]))`;
}

/** The `q` quantile of a histogram family over the window, kept apart per `by` label. */
export function quantile(q: number, histogram: string, by: readonly string[] = [], window = RATE_WINDOW): string {
  return `histogram_quantile(${q}, ${sumRate(`${histogram}_bucket`, ['le', ...by], window)})`;
}

/** Mean of a histogram family over the window: rate(sum) / rate(count). */
export function mean(histogram: string, by: readonly string[] = [], window = RATE_WINDOW): string {
  return `${sumRate(`${histogram}_sum`, by, window)} / ${sumRate(`${histogram}_count`, by, window)}`;
}
