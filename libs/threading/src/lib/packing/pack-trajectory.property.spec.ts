import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCharsEncoder } from './chars-encoder.js';
import { extractUnits } from './extract-units.js';
import { packTrajectory } from './pack-trajectory.js';

const encoder = createCharsEncoder();
const id = (special: string): number => encoder.specialId(special) ?? -1;
const TAGS = {
  blockOpen: id('<Parallel>'),
  blockClose: id('</Parallel>'),
  branchOpen: id('<Thread>'),
  branchClose: id('</Thread>'),
};

const words = fc.stringMatching(/^[a-z ]{1,12}$/);
const block = fc.tuple(fc.array(words, { minLength: 1, maxLength: 4 }), words).map(([threads, after]) => {
  const outlines = threads.map((_, i) => `<Outline>${i + 1}: plan</Outline>\n`).join('');
  const bodies = threads.map((body, i) => `<Thread>\n${i + 1}: ${body}\n</Thread>`).join('');
  return `<Parallel>\n<Outlines>\n${outlines}</Outlines>\n${bodies}\n</Parallel>\n${after}`;
});
/** Canonical trajectories with 0..3 blocks of 1..4 threads. */
const trajectory = fc
  .tuple(words, fc.array(block, { maxLength: 3 }))
  .map(([start, blocks]) => `<think>\n${start}\n${blocks.join('')}\\boxed{1}\n</think>\n\nDone.<|im_end|>\n`);
const PROMPT = '<|im_start|>user\nq<|im_end|>\n<|im_start|>assistant\n';

function packed(response: string) {
  const result = packTrajectory({ prompt: PROMPT, response }, { encoder });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** Token ids visible from node i: every j with tin[j] ≤ tin[i] ≤ tout[j], in index order. */
function visibleIds(p: ReturnType<typeof packed>, i: number): number[] {
  const ids: number[] = [];
  for (let j = 0; j <= i; j += 1) {
    if ((p.tin[j] ?? 0) <= (p.tin[i] ?? 0) && (p.tin[i] ?? 0) <= (p.tout[j] ?? 0)) ids.push(p.inputIds[j] ?? -1);
  }
  return ids;
}

/** The token ids from the first node down to node i, following `parent`. */
function rootPath(p: ReturnType<typeof packed>, i: number): number[] {
  const ids: number[] = [];
  for (let at = i; at >= 0; at = p.parent[at] ?? -1) ids.push(p.inputIds[at] ?? -1);
  return ids.reverse();
}

describe('packTrajectory properties', () => {
  it('every unit is a root path of the packed row: some node whose parent chain spells it', () => {
    fc.assert(
      fc.property(trajectory, (response) => {
        const units = extractUnits(encoder.encode(PROMPT + response), TAGS);
        if (!units.ok) return false;
        const p = packed(response);
        const paths = new Set(Array.from(p.inputIds, (_, i) => rootPath(p, i).join(',')));
        return units.units.every((unit) => paths.has(unit.join(',')));
      }),
      { numRuns: 60 },
    );
  });

  it('a thread copy sees only its own thread of its block, and its context is the request it came from', () => {
    fc.assert(
      fc.property(trajectory, (response) => {
        const p = packed(response);
        const main = encoder.encode(PROMPT + response).length;
        for (let i = main; i < p.inputIds.length; i += 1) {
          const visible = visibleIds(p, i);
          const lastBlock = visible.lastIndexOf(TAGS.blockOpen);
          const threadsOpen = visible.slice(lastBlock).filter((token) => token === TAGS.branchOpen).length;
          if (lastBlock < 0 || threadsOpen !== 1) return false;
          if (visible.length !== (p.positionIds[i] ?? 0) + 1) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('the whole trajectory comes first, unchanged, and packing is deterministic', () => {
    fc.assert(
      fc.property(trajectory, (response) => {
        const first = packed(response);
        const again = packed(response);
        const whole = encoder.encode(PROMPT + response);
        expect(Array.from(first.inputIds.subarray(0, whole.length))).toEqual(whole);
        expect(Array.from(first.positionIds.subarray(0, whole.length))).toEqual(whole.map((_, i) => i));
        expect(again).toEqual(first);
      }),
      { numRuns: 60 },
    );
  });

  it('packs in memory linear in its length: one entry per node in each array', () => {
    const p = packed('<think>\n<Parallel>\n<Outlines>\n</Outlines>\n<Thread>\n1: a\n</Thread>\n</Parallel>\n</think>');
    const lengths = [p.inputIds, p.positionIds, p.parent, p.tin, p.tout, p.labels, p.lossMask].map((a) => a.length);
    expect(new Set(lengths)).toEqual(new Set([p.inputIds.length]));
  });
});
