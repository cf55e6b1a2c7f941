import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import { LegendDisplayMode, LegendPlacement, VizLegendOptionsBuilder } from '@grafana/grafana-foundation-sdk/common';
import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

/** Every panel reads the Prometheus data source chosen in the dashboard's `datasource` variable. */
const PROMETHEUS = { type: 'prometheus', uid: '${datasource}' } as const;

/** One PromQL query of a panel and its series name. */
interface Query {
  readonly expr: string;
  readonly legend?: string;
}

/** What a panel shows; `width` is in Grafana's 24-column grid. */
interface PanelSpec {
  readonly title: string;
  readonly description: string;
  readonly unit: string;
  readonly queries: readonly Query[];
  readonly width?: number;
  readonly max?: number;
}

const HEIGHT = 8;
const REF_IDS = 'ABCDEFGHIJ';

function targets(queries: readonly Query[]): cog.Builder<cog.Dataquery>[] {
  return queries.map((query, index) => {
    const target = new DataqueryBuilder().expr(query.expr).refId(REF_IDS[index] ?? `Q${index}`);
    return query.legend === undefined ? target : target.legendFormat(query.legend);
  });
}

/** A time series panel with its legend as a table below (so every series can be found by name). */
export function timeseries(spec: PanelSpec): cog.Builder<dashboard.Panel> {
  const panel = new TimeseriesPanelBuilder()
    .title(spec.title)
    .description(spec.description)
    .datasource(PROMETHEUS)
    .unit(spec.unit)
    .min(0)
    .span(spec.width ?? 12)
    .height(HEIGHT)
    .lineWidth(1)
    .fillOpacity(10)
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.Table)
        .placement(LegendPlacement.Bottom)
        .calcs(['lastNotNull', 'max']),
    );
  for (const target of targets(spec.queries)) panel.withTarget(target);
  return spec.max === undefined ? panel : panel.max(spec.max);
}

/** A single-number panel (the last value of each query). */
export function stat(spec: PanelSpec): cog.Builder<dashboard.Panel> {
  const panel = new StatPanelBuilder()
    .title(spec.title)
    .description(spec.description)
    .datasource(PROMETHEUS)
    .unit(spec.unit)
    .span(spec.width ?? 6)
    .height(HEIGHT / 2);
  for (const target of targets(spec.queries)) panel.withTarget(target);
  return panel;
}
