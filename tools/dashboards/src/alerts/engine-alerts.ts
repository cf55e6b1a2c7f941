import { quantile } from '../dashboards/promql.js';
import { dashboardPath, type RuleGroup } from './alert-rule.js';

const ENGINES = dashboardPath('threadloom-engines');

/** Alerts on the vLLM engines (simulator and real vLLM export the same names). */
export const engineAlerts: RuleGroup = {
  name: 'threadloom-engines',
  rules: [
    {
      alert: 'ThreadloomKvCacheNearlyFull',
      expr: 'max by (instance) (vllm:kv_cache_usage_perc) > 0.95',
      for: '5m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'KV cache of {{ $labels.instance }} above 95%',
        description:
          'The engine is about to preempt sequences or leave them waiting; threads of one block will finish far apart. Add engines or lower --max-num-seqs.',
        dashboard: ENGINES,
      },
    },
    {
      alert: 'ThreadloomTimeToFirstTokenHigh',
      expr: `${quantile(0.99, 'vllm:time_to_first_token_seconds', ['instance'], '5m')} > 10`,
      for: '10m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'p99 time to first token of {{ $labels.instance }} above 10 s',
        description:
          'Engine requests wait long before their first token: the engine is saturated (see running/waiting) or prefills very long contexts.',
        dashboard: ENGINES,
      },
    },
  ],
};
