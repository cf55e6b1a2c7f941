import type { SyntheticOptions } from '../synthetic/synthetic-options.js';
import { SimConfigError } from './sim-config.error.js';

/** `--synthetic` keys and the option each sets. */
const KEYS = {
  blocks: 'blocksPerTrajectory',
  threads: 'threadsPerBlock',
  'thread-tokens': 'tokensPerThread',
  'parallel-ratio': 'parallelRatio',
} as const satisfies Record<string, keyof SyntheticOptions>;

/**
 * Parses `--synthetic`: `key=value` pairs separated by commas, keys `blocks`, `threads`,
 * `thread-tokens`, `parallel-ratio` (e.g. `blocks=3,threads=4,thread-tokens=250`); unset keys keep
 * their defaults. Throws SimConfigError naming the bad entry.
 */
export function parseSynthetic(spec: string): Partial<SyntheticOptions> {
  const options: Partial<Record<keyof SyntheticOptions, number>> = {};
  for (const pair of spec.split(',')) {
    const [key = '', raw = ''] = pair.split('=').map((s) => s.trim());
    const value = Number(raw);
    if (!(key in KEYS) || raw === '' || !Number.isFinite(value) || value <= 0) {
      throw new SimConfigError(
        `bad --synthetic entry "${pair}" (expected ${Object.keys(KEYS).join('|')}=<positive number>)`,
      );
    }
    options[KEYS[key as keyof typeof KEYS]] = value;
  }
  if ((options.parallelRatio ?? 0.5) >= 1) throw new SimConfigError('--synthetic parallel-ratio must be below 1');
  return options;
}
