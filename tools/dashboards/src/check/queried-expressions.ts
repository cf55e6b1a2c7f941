import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import type { RuleGroup } from '../alerts/alert-rule.js';

/** A PromQL expression and where it is used (for messages). */
export interface QueriedExpression {
  readonly where: string;
  readonly expr: string;
}

interface PanelLike {
  readonly title?: string;
  readonly targets?: readonly { readonly expr?: unknown }[];
  readonly panels?: readonly PanelLike[];
}

/** Every query of a dashboard (rows' nested panels included). */
export function dashboardExpressions(dashboard: Dashboard): QueriedExpression[] {
  const found: QueriedExpression[] = [];
  const visit = (panels: readonly PanelLike[]): void => {
    for (const panel of panels) {
      for (const target of panel.targets ?? [])
        if (typeof target.expr === 'string')
          found.push({ where: `${dashboard.title} › ${panel.title ?? '(untitled)'}`, expr: target.expr });
      visit(panel.panels ?? []);
    }
  };
  visit((dashboard.panels ?? []) as readonly PanelLike[]);
  return found;
}

/** Every alert's expression. */
export function ruleExpressions(groups: readonly RuleGroup[]): QueriedExpression[] {
  return groups.flatMap((group) => group.rules.map((rule) => ({ where: `alert ${rule.alert}`, expr: rule.expr })));
}
