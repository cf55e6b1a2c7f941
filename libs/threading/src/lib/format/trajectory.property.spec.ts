import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THREADWEAVER_DIALECT } from '../dialect/index.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
import { createCharsTokenizer } from '../tokenizer/chars-tokenizer.js';
import { parseTrajectory } from './parse-trajectory.js';
import { serializeTrajectory } from './serialize-trajectory.js';
import { validateFormat } from './validate-format.js';

interface GenBlock {
  items: string[];
  threads: string[];
}
interface GenTrajectory {
  texts: string[];
  blocks: GenBlock[];
} // texts.length === blocks.length + 1

const chars = createCharsTokenizer();
// No alphabet letter set can spell a dialect tag. Bodies never hold `<a`, `</b`: that would start a foreign tag,
// which strict validation rejects inside a block (its own property below).
const ALPHABET = ['a', 'b', ' ', '\n', '1', ':', '<', '>', '/', 'Δ', '😀', '\t'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 30 }).map((cs) => cs.join(''));
const body = text.map((t) => t.trim()).filter((t) => t.length > 0 && !/<\/?[ab]/.test(t));
const block: fc.Arbitrary<GenBlock> = fc
  .array(fc.tuple(body, body), { minLength: 1, maxLength: 5 })
  .map((pairs) => ({ items: pairs.map(([item]) => item), threads: pairs.map(([, thread]) => thread) }));
const trajectory: fc.Arbitrary<GenTrajectory> = fc
  .array(block, { maxLength: 4 })
  .chain((blocks) =>
    fc.array(text, { minLength: blocks.length + 1, maxLength: blocks.length + 1 }).map((texts) => ({ texts, blocks })),
  );

/** Independent canonical rendering (spec §1.3), written without the serializer. */
function render(t: GenTrajectory): string {
  let out = t.texts[0] ?? '';
  t.blocks.forEach((b, i) => {
    out +=
      '<Parallel>\n<Outlines>\n' +
      b.items.map((item, n) => `<Outline>${n + 1}: ${item}</Outline>\n`).join('') +
      '</Outlines>\n';
    out += b.threads.map((thread, n) => `<Thread>\n${n + 1}: ${thread}\n</Thread>`).join('') + '\n</Parallel>';
    out += t.texts[i + 1] ?? '';
  });
  return out;
}

const cp = (s: string): number => [...s].length;

/** Naive count over the generated structure with the chars rules (tag = 1, code point = 1). */
function naiveMetrics(t: GenTrajectory): { total: number; critical: number } {
  let total = t.texts.reduce((sum, s) => sum + cp(s), 0) + 2 * t.blocks.length;
  let critical = total;
  for (const b of t.blocks) {
    const items = b.items.reduce((sum, item, n) => sum + 3 + cp(`${n + 1}: ${item}`), 0);
    const sequential = 3 + items + 2 + 2 * b.threads.length + 1;
    const lengths = b.threads.map((thread, n) => cp(`\n${n + 1}: ${thread}\n`));
    total += sequential + lengths.reduce((a, x) => a + x, 0);
    critical += sequential + Math.max(...lengths);
  }
  return { total, critical };
}

const TAGS = [...THREADWEAVER_DIALECT.specialTokens, '<', '<<<<', '>', '\n'];
type Corruption =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'delete'; at: number; length: number };
const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    piece: fc.oneof(fc.constantFrom(...TAGS), fc.string({ maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
);

function corrupt(input: string, steps: readonly Corruption[]): string {
  return steps.reduce((s, step) => {
    const at = s.length === 0 ? 0 : step.at % (s.length + 1);
    if (step.kind === 'truncate') return s.slice(0, at);
    if (step.kind === 'insert') return s.slice(0, at) + step.piece + s.slice(at);
    return s.slice(0, at) + s.slice(at + step.length);
  }, input);
}

describe('trajectory properties', () => {
  it('generated canonical trajectories parse cleanly, validate strictly and round-trip byte for byte', () => {
    fc.assert(
      fc.property(trajectory, (t) => {
        const canonical = render(t);
        const parsed = parseTrajectory(canonical);
        expect(parsed.issues).toEqual([]);
        expect(validateFormat(parsed).issues).toEqual([]);
        expect(serializeTrajectory(parsed.value)).toBe(canonical);
      }),
      { numRuns: 300 },
    );
  });

  it('metrics of generated trajectories match an independent count', () => {
    fc.assert(
      fc.property(trajectory, (t) => {
        const metrics = computeMetrics(render(t), { tokenizer: chars });
        const naive = naiveMetrics(t);
        expect([metrics.totalTokens, metrics.criticalPathTokens, metrics.blocks]).toEqual([
          naive.total,
          naive.critical,
          t.blocks.length,
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('corrupted trajectories never throw and keep the accounting invariants', () => {
    fc.assert(
      fc.property(trajectory, fc.array(corruption, { minLength: 1, maxLength: 6 }), (t, steps) => {
        const input = corrupt(render(t), steps);
        const parsed = parseTrajectory(input);
        const strict = validateFormat(parsed);
        const lenient = validateFormat(parsed, { mode: 'lenient' });
        expect(strict.ok).toBe(strict.issues.length === 0);
        expect(lenient.issues.length).toBeLessThanOrEqual(strict.issues.length);
        const metrics = computeMetrics(input, { tokenizer: chars });
        // Spec §3.1: the reference asserts total == number of tokens.
        expect(metrics.totalTokens).toBe(chars.countTokens(input));
        expect(metrics.criticalPathTokens).toBeLessThanOrEqual(metrics.totalTokens);
        let previousEnd = 0;
        for (const segment of parsed.value.segments) {
          const start = segment.kind === 'text' ? segment.start : segment.offsets.start;
          const end = segment.kind === 'text' ? segment.end : segment.offsets.end;
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeLessThanOrEqual(input.length);
          previousEnd = end;
        }
        expect(() => parseTrajectory(serializeTrajectory(parsed.value))).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('a valid trajectory cut at any point passes lenient validation (the truncation relaxation)', () => {
    fc.assert(
      fc.property(trajectory, fc.nat(), (t, cut) => {
        const canonical = render(t);
        const truncated = canonical.slice(0, cut % (canonical.length + 1));
        expect(validateFormat(truncated, { mode: 'lenient' }).issues).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('a foreign tag put into any plan item or thread fails strict validation at its offset, not lenient', () => {
    const foreign = fc.constantFrom('<b>', '</i>', '<br/>', '<span class="x">', '<td nowrap>');
    fc.assert(
      fc.property(trajectory, fc.nat(), fc.nat(), foreign, (t, pick, at, tag) => {
        const canonical = render(t);
        const bodies = parseTrajectory(canonical).value.segments.flatMap((segment) =>
          segment.kind === 'block' ? [...(segment.plan?.items ?? []), ...segment.threads] : [],
        );
        const target = bodies[pick % Math.max(1, bodies.length)];
        if (target === undefined) return;
        const { contentStart, contentEnd } = target.offsets;
        const offset = contentStart + (at % (contentEnd - contentStart + 1));
        const input = canonical.slice(0, offset) + tag + canonical.slice(offset);
        const strict = validateFormat(input).issues.map((issue) => [issue.code, issue.offset, issue.tag]);
        expect(strict).toContainEqual(['foreign_tag', offset, tag]);
        expect(validateFormat(input, { mode: 'lenient' }).issues.filter((i) => i.code === 'foreign_tag')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('canonicalization is idempotent on any input', () => {
    fc.assert(
      fc.property(trajectory, fc.array(corruption, { minLength: 1, maxLength: 6 }), (t, steps) => {
        const once = serializeTrajectory(parseTrajectory(corrupt(render(t), steps)).value);
        expect(serializeTrajectory(parseTrajectory(once).value)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
