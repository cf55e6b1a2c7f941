export { computeMetrics } from './compute-metrics.js';
export type { TrajectoryMetrics } from './trajectory-metrics.js';
