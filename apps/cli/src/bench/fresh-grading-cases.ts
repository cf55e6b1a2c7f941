// First-seen grading inputs for `bench rewards`: unique strings (no repeats), so caches inside the engine
// cannot flatter the rate; verdicts known by construction.
const r = String.raw;

/** One generated grading case. */
interface FreshCase {
  readonly answer: string;
  readonly truth: string;
  readonly correct: boolean;
}

/** The original mix: fractions vs decimals, factored vs expanded quadratics, reversed tuples, radicals, separators. */
export function freshCases(count: number): FreshCase[] {
  const cases: FreshCase[] = [];
  const dens = [2, 4, 5, 8, 20, 25, 40, 50] as const;
  for (let i = 0; cases.length < count; i += 1) {
    const a = (i % 97) + 1;
    const b = (i % 89) + 2;
    const den = dens[i % dens.length] ?? 2;
    switch (i % 5) {
      case 0:
        cases.push({
          answer: String.raw`\frac{${a * 3 + i}}{${den}}`,
          truth: String((a * 3 + i) / den),
          correct: true,
        });
        break;
      case 1:
        cases.push({ answer: `(x+${a})(x+${b})`, truth: `x^2+${a + b}x+${a * b}`, correct: true });
        break;
      case 2:
        cases.push({ answer: `(${a},${a + b})`, truth: `(${a + b},${a})`, correct: false });
        break;
      case 3:
        cases.push({ answer: String.raw`\sqrt{${a * a * 3}}`, truth: String.raw`${a}\sqrt{3}`, correct: true });
        break;
      default:
        cases.push({
          answer: (1000 * a + i).toLocaleString('en-US'),
          truth: String(1000 * a + i + (i % 2)),
          correct: i % 2 === 0,
        });
        break;
    }
  }
  return cases;
}

/** The issue-15 classes: money, special angles, ratios, inequalities, assignments, scaled equations, units. */
export function freshClassCases(count: number): FreshCase[] {
  const cases: FreshCase[] = [];
  for (let i = 0; cases.length < count; i += 1) {
    const n = i + 2;
    switch (i % 7) {
      case 0:
        cases.push({ answer: r`${100 + n}\text{ cents}`, truth: r`\$${((100 + n) / 100).toFixed(2)}`, correct: true });
        break;
      case 1:
        cases.push({ answer: r`\cos ${60 + 360 * n}^\circ`, truth: r`\frac12`, correct: true });
        break;
      case 2:
        cases.push({ answer: `${3 * n}:${2 * n}`, truth: r`\frac{3}{2}`, correct: true });
        break;
      case 3:
        cases.push({
          answer: i % 2 === 0 ? r`x \le ${n}` : `x < ${n}`,
          truth: r`(-\infty, ${n}]`,
          correct: i % 2 === 0,
        });
        break;
      case 4:
        cases.push({ answer: `x=${n}, y=${n + 1}`, truth: `(${n + 1},${n})`, correct: false });
        break;
      case 5:
        cases.push({ answer: `${n}x+${2 * n}y=${3 * n}`, truth: 'x+2y-3=0', correct: true });
        break;
      default:
        cases.push({ answer: r`${n}\text{ m}`, truth: r`${n}\text{ cm}`, correct: false });
        break;
    }
  }
  return cases;
}
