import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import {
  DashboardBuilder,
  DashboardCursorSync,
  DashboardLinkBuilder,
  DashboardLinkType,
  DatasourceVariableBuilder,
  RowBuilder,
  type Dashboard,
  type Panel,
} from '@grafana/grafana-foundation-sdk/dashboard';

/** A titled group of panels. */
interface Section {
  readonly title: string;
  readonly panels: readonly cog.Builder<Panel>[];
}

/** What one generated dashboard is: its file name under infra/dashboards, identity and sections. */
export interface DashboardSpec {
  readonly file: string;
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly sections: readonly Section[];
}

function withId(panel: cog.Builder<Panel>, id: number): cog.Builder<Panel> {
  return { build: () => ({ ...panel.build(), id }) };
}

/** Builds a dashboard: a Prometheus data source variable, shared crosshair, links to its siblings (tag `threadloom`). */
export function buildDashboard(spec: DashboardSpec): Dashboard {
  const builder = new DashboardBuilder(spec.title)
    .uid(spec.uid)
    .description(spec.description)
    .tags(['threadloom'])
    .editable()
    .tooltip(DashboardCursorSync.Crosshair)
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .timezone('browser')
    .withVariable(new DatasourceVariableBuilder('datasource').label('Prometheus').type('prometheus'))
    .link(
      new DashboardLinkBuilder('threadloom')
        .type(DashboardLinkType.Dashboards)
        .tags(['threadloom'])
        .asDropdown(true)
        .includeVars(true)
        .keepTime(true),
    );
  // Grafana keys panel state by id: number rows and panels in order, so every id is unique and stable.
  let id = 0;
  for (const section of spec.sections) {
    builder.withRow(new RowBuilder(section.title).id((id += 1)));
    for (const panel of section.panels) builder.withPanel(withId(panel, (id += 1)));
  }
  return builder.build();
}
