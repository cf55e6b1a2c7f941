import { FAULT_KINDS, TRANSIENT_FAULT_KINDS, isFaultKind, type FaultKind } from '../http/faults.js';
import { SimConfigError } from './sim-config.error.js';

/**
 * Parses `--fault-rate`: either one number (split evenly over 500, 503, reset and slow) or
 * `kind=rate` pairs separated by commas, e.g. `500=0.01,503=0.02,reset=0.005,slow=0.05,context=0.01`.
 */
export function parseFaultRates(spec: string): Partial<Record<FaultKind, number>> {
  const single = Number(spec);
  if (spec.trim() !== '' && Number.isFinite(single)) {
    return Object.fromEntries(TRANSIENT_FAULT_KINDS.map((k) => [k, single / TRANSIENT_FAULT_KINDS.length]));
  }
  const rates: Partial<Record<FaultKind, number>> = {};
  for (const pair of spec.split(',')) {
    const [kind = '', value = ''] = pair.split('=').map((s) => s.trim());
    const rate = Number(value);
    if (!isFaultKind(kind) || value === '' || !Number.isFinite(rate)) {
      throw new SimConfigError(`bad --fault-rate entry "${pair}" (expected a number or ${FAULT_KINDS.join('|')}=rate)`);
    }
    rates[kind] = rate;
  }
  return rates;
}
