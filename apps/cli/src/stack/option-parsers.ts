import { laneEnvShape, redisClusterEnvShape } from '@threadloom/contracts';
import { InvalidArgumentError } from 'commander';

/** Commander argument parser: a positive integer. Invalid input is a usage error (exit 2). */
export function parsePositiveInt(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError('expected a positive integer.');
  }
  return parsed;
}

/** Commander argument parser: a TCP port, 0 meaning any free port. */
export function parsePort(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65_535) throw new InvalidArgumentError('expected a port number 0-65535.');
  return parsed;
}

/** Commander argument parser: a finite number ≥ 0 (a time scale). */
export function parseNonNegative(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) {
    throw new InvalidArgumentError('expected a number ≥ 0.');
  }
  return parsed;
}

/** Commander argument parser: an absolute URL with one of the given protocols. */
export function urlParser(protocols: readonly string[]): (value: string) => string {
  return (value) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (url === undefined || !protocols.includes(url.protocol)) {
      throw new InvalidArgumentError(`expected a ${protocols.join(' or ')}// URL.`);
    }
    return value.replace(/\/+$/, '');
  };
}

/** Commander argument parser: Redis Cluster seeds (`host:port,…`), read as the API and workers read REDIS_CLUSTER_NODES. */
export function parseClusterSeeds(value: string): string[] {
  const parsed = redisClusterEnvShape.REDIS_CLUSTER_NODES.safeParse(value);
  if (!parsed.success || parsed.data.length === 0) throw new InvalidArgumentError('expected host:port[,host:port…].');
  return parsed.data;
}

/** Commander argument parser: a lane count, read as the API and workers read LANES. */
export function parseLanes(value: string): number {
  const parsed = laneEnvShape.LANES.safeParse(value);
  if (!/^\d+$/.test(value) || !parsed.success) throw new InvalidArgumentError('expected a lane count 1-1024.');
  return parsed.data;
}
