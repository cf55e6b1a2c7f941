import type { Deadline } from './deadline.js';
import { parseMath } from './math-engine.js';

// Units. Decision (docs/grading.md): money converts (cents ↔ dollars); any other two different units make
// the answers unequal, even when they measure the same dimension (`500 m` is not an answer in km). A unit on
// one side only is ignored, as the truth usually carries none. Spellings are unified by the Compute Engine's
// unit registry (`meters` = `m`, `hours` = `h`); words it does not know compare as singular, lower-case text.

/** What two answers' units mean for their comparison. */
type UnitComparison =
  | { readonly kind: 'same' }
  | { readonly kind: 'different' }
  | { readonly kind: 'rescale'; readonly answerFactor: number; readonly truthFactor: number };

type Unit = { readonly kind: 'money'; readonly cents: number } | { readonly kind: 'other'; readonly key: string };

const SAME: UnitComparison = { kind: 'same' };
const WRAPPERS = /\\(?:text(?:rm|normal)?|mbox|mathrm)\s*\{([^{}]*)\}/g;
// Area/volume "units" are labels, not units: `12 units` and `12 square units` answer the same question.
const GENERIC = /^(?:(?:square|sq\.?|cubic)\s+)?units?$/i;
const DOLLARS = /^(?:\$|dollars?|usd)$/i;
const CENTS = /^(?:cents?|\u00a2)$/i;
// Abbreviations the engine's registry does not read, spelled out first.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  hr: 'hour',
  hrs: 'hours',
  min: 'minute',
  mins: 'minutes',
  sec: 'second',
  secs: 'seconds',
  lbs: 'pounds',
  yr: 'year',
  yrs: 'years',
};

function readUnit(text: string, deadline: Deadline): Unit | undefined {
  const plain = text.replace(WRAPPERS, '$1').replace(/\s+/g, ' ').trim();
  const [, written = '', power = ''] = /^(.*?)\s*(\^\s*\{?\s*\d\s*\}?)?$/s.exec(plain) ?? [];
  const word = ABBREVIATIONS[written.replace(/\.$/, '').toLowerCase()] ?? written;
  if (word === '' || GENERIC.test(word)) return undefined;
  if (power === '' && DOLLARS.test(word)) return { kind: 'money', cents: 100 };
  if (power === '' && CENTS.test(word)) return { kind: 'money', cents: 1 };
  const exponent = power.replace(/\D/g, '');
  const parsed = parseMath(String.raw`1\text{ ${word}}${exponent === '' ? '' : `^{${exponent}}`}`, deadline);
  const json = parsed?.json;
  if (Array.isArray(json) && json[0] === 'Quantity') return { kind: 'other', key: JSON.stringify(json[2]) };
  return { kind: 'other', key: `${word.toLowerCase().replace(/(?<=\w{3})s$/, '')}^${exponent}` };
}

/** Compares the units stripped from an answer and a truth (`undefined` when a side had none). */
export function compareUnits(
  answerUnit: string | undefined,
  truthUnit: string | undefined,
  deadline: Deadline,
): UnitComparison {
  if (answerUnit === undefined || truthUnit === undefined) return SAME;
  const a = readUnit(answerUnit, deadline);
  const t = readUnit(truthUnit, deadline);
  if (a === undefined || t === undefined) return SAME;
  if (a.kind === 'money' && t.kind === 'money')
    return a.cents === t.cents ? SAME : { kind: 'rescale', answerFactor: a.cents, truthFactor: t.cents };
  return a.kind === 'other' && t.kind === 'other' && a.key === t.key ? SAME : { kind: 'different' };
}

/** The magnitude in the smaller unit: `0.50` dollars becomes `100\cdot(0.50)` cents. */
export function rescaled(magnitude: string, factor: number): string {
  return factor === 1 ? magnitude : `${factor}\\cdot(${magnitude})`;
}
