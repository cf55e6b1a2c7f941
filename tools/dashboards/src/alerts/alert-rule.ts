/** One Prometheus alerting rule, as it appears in a rule file. */
export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: { readonly severity: 'warning' | 'critical' };
  readonly annotations: { readonly summary: string; readonly description: string; readonly dashboard: string };
}

/** A Prometheus rule group. */
export interface RuleGroup {
  readonly name: string;
  readonly rules: readonly AlertRule[];
}

/** Grafana path of a generated dashboard, for the alert's `dashboard` annotation. */
export const dashboardPath = (uid: string): string => `/d/${uid}`;
