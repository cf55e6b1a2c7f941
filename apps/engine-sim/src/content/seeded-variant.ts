import type { Dialect } from '@threadloom/threading';
import { mathProse } from '../synthetic/synthetic-text.js';
import type { IndexedBlock } from '../trajectory/trajectory-index.js';
import { hashString } from '../util/hash.js';
import { createPrng, type Prng } from '../util/prng.js';

/** Shortest and longest resized thread body, as a fraction of the recorded one. */
const MIN_SCALE = 0.5;
const MAX_SCALE = 1.5;
/** Characters per token of math prose, to size added text. */
const CHARS_PER_TOKEN = 4;

/**
 * What a sampled model would write instead of the recording from `offset` on: every closed thread body
 * after `offset` is cut or extended by a factor in [0.5, 1.5) drawn from (seed, block, thread), so sibling
 * threads vary independently, and the final segment (after the last block, which no later call has to
 * locate) gets 1–4 seeded sentences of checking before the reasoning closes, so a trajectory without
 * blocks varies too. The rest of the sequential text (which later calls locate) stays the recording.
 * Equal seeds give equal text.
 */
export function seededVariant(
  trajectory: string,
  blocks: readonly IndexedBlock[],
  offset: number,
  seed: number,
  dialect: Dialect,
): string {
  const closeLength = dialect.tags.branch.close.length;
  const seedHash = hashString(`seed:${seed}`);
  let out = '';
  let at = offset;
  blocks.forEach((block, b) => {
    for (const thread of block.threads) {
      if (thread.closeEnd === undefined) continue;
      const bodyEnd = thread.closeEnd - closeLength;
      const bodyStart = Math.max(thread.bodyStart, at);
      if (bodyEnd <= bodyStart) continue;
      const prng = createPrng(hashString(`${b}:${thread.number}`, seedHash));
      out += trajectory.slice(at, bodyStart) + resize(trajectory.slice(bodyStart, bodyEnd), prng);
      at = bodyEnd;
    }
  });
  return varyFinalSegment(out + trajectory.slice(at), seedHash, dialect);
}

/** Adds seeded sentences before the reasoning close of the last segment (none when it is not in the text). */
function varyFinalSegment(text: string, seedHash: number, dialect: Dialect): string {
  const lastBlockClose = text.lastIndexOf(dialect.tags.block.close);
  const from = lastBlockClose < 0 ? 0 : lastBlockClose + dialect.tags.block.close.length;
  const close = text.indexOf(dialect.tags.reasoning.close, from);
  if (close < 0) return text;
  const core = text.slice(0, close).trimEnd();
  if (core.length <= from) return text;
  const prng = createPrng(hashString('final', seedHash));
  const sentences = prng.int(1, 4);
  return `${core} ${mathProse(prng, sentences * 14 - 13)}${text.slice(core.length)}`;
}

/** Scales a thread body, keeping its trailing whitespace (the newline before the close tag). */
function resize(body: string, prng: Prng): string {
  const scale = MIN_SCALE + prng.next() * (MAX_SCALE - MIN_SCALE);
  const core = body.trimEnd();
  const trailing = body.slice(core.length);
  if (scale < 1) {
    const target = Math.floor(core.length * scale);
    const cut = core.lastIndexOf(' ', target);
    return (cut > 0 ? core.slice(0, cut) : core.slice(0, target)) + trailing;
  }
  const extraTokens = Math.round(((scale - 1) * core.length) / CHARS_PER_TOKEN);
  return extraTokens < 1 ? body : `${core} ${mathProse(prng, extraTokens)}${trailing}`;
}
