import { dashboardPath, type RuleGroup } from './alert-rule.js';

/** Alerts on the Redis that holds queues and request state, from redis_exporter's standard metrics. */
export const redisAlerts: RuleGroup = {
  name: 'threadloom-redis',
  rules: [
    {
      alert: 'ThreadloomRedisMemoryHigh',
      expr: 'redis_memory_used_bytes / (redis_memory_max_bytes > 0) > 0.85',
      for: '5m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Redis {{ $labels.instance }} uses more than 85% of maxmemory',
        description:
          'threadloom requires maxmemory-policy noeviction: at maxmemory every write fails, so submissions and job results start failing. Raise maxmemory, shorten RETENTION_SECONDS or add a lane.',
        dashboard: dashboardPath('threadloom-queues'),
      },
    },
  ],
};
