import { parseChatPrompt, type Dialect } from '@threadloom/threading';
import { LRUCache } from 'lru-cache';
import type { CorpusEntry } from '@threadloom/contracts';
import { indexTrajectory, type IndexedBlock } from '../trajectory/trajectory-index.js';
import { locateContinuation } from '../trajectory/locate-continuation.js';
import { syntheticTrajectory } from '../synthetic/synthetic-trajectory.js';
import type { SyntheticOptions } from '../synthetic/synthetic-options.js';
import { hashString } from '../util/hash.js';
import { seededVariant } from './seeded-variant.js';
import type { SimToken, SimTokenizer } from '../text/sim-tokenizer.js';
import { TokenizedText } from '../text/tokenized-text.js';

/** Where a completion's text came from. */
type ContinuationOrigin = 'corpus' | 'synthetic' | 'fallback';

/** The tokens the model would produce next (before stops and limits) and their origin. */
interface Continuation {
  /** At most the requested number of tokens; the end of the list is the end of the trajectory (EOS). */
  readonly tokens: readonly SimToken[];
  readonly origin: ContinuationOrigin;
}

interface KnownTrajectory {
  readonly trajectory: string;
  readonly answer: string;
  readonly blocks: readonly IndexedBlock[];
  readonly origin: 'corpus' | 'synthetic';
  tokenized?: TokenizedText;
}

/** Synthetic trajectories kept (text + one token list each, ~0.2 MB at the Tab. 8 defaults). */
const SYNTHETIC_CACHE_SIZE = 256;

/**
 * Maps prompts to continuations: corpus replay by problem (entries sharing a problem are variants), else a
 * synthetic trajectory seeded by the problem. A sampling seed picks the variant a new answer starts from and
 * resizes thread bodies (seeded-variant.ts); without one, the first variant is replayed as recorded.
 */
export class ContinuationSource {
  private readonly corpus = new Map<string, KnownTrajectory[]>();
  private readonly synthetic = new LRUCache<string, KnownTrajectory>({ max: SYNTHETIC_CACHE_SIZE });

  constructor(
    entries: readonly CorpusEntry[],
    private readonly dialect: Dialect,
    private readonly seed: number,
    private readonly syntheticOptions: SyntheticOptions,
    private readonly tokenizer: SimTokenizer,
  ) {
    for (const e of entries) {
      const variants = this.corpus.get(e.problem) ?? [];
      variants.push({
        trajectory: e.trajectory,
        answer: e.answer,
        blocks: indexTrajectory(e.trajectory, dialect),
        origin: 'corpus',
      });
      this.corpus.set(e.problem, variants);
    }
  }

  /** Up to `limit` tokens continuing a prompt (Qwen3 chat rendering + assistant text so far), sampled with `seed`. */
  continuationOf(prompt: string, limit: number, seed?: number): Continuation {
    const chat = parseChatPrompt(prompt);
    // A prompt without the chat template is itself the problem, and the answer starts from scratch.
    const assistant = chat.problem === undefined ? '' : chat.assistant;
    const variants = this.trajectoriesFor(chat.problem ?? prompt, seed);
    const found = this.locate(variants, assistant);
    if (!found) {
      const first = variants[0] as KnownTrajectory;
      const inThread = locateContinuation(first.trajectory, first.blocks, assistant, this.dialect);
      const text = this.fallback(first.answer, !inThread.ok && inThread.threadHeader, assistant);
      return { tokens: this.tokenizer.encode(text).slice(0, limit), origin: 'fallback' };
    }
    const { known, offset } = found;
    if (seed !== undefined) {
      const text = seededVariant(known.trajectory, known.blocks, offset, seed, this.dialect);
      return { tokens: this.tokenizer.encode(text).slice(0, limit), origin: known.origin };
    }
    known.tokenized ??= new TokenizedText(known.trajectory, this.tokenizer);
    return { tokens: known.tokenized.tokensFrom(offset, limit), origin: known.origin };
  }

  /** The variant the context continues: of those that locate it, the one agreeing longest with it. */
  private locate(
    variants: readonly KnownTrajectory[],
    assistant: string,
  ): { known: KnownTrajectory; offset: number } | undefined {
    let best: { known: KnownTrajectory; offset: number; agreement: number } | undefined;
    for (const known of variants) {
      const at = locateContinuation(known.trajectory, known.blocks, assistant, this.dialect);
      if (!at.ok) continue;
      if (variants.length === 1) return { known, offset: at.offset };
      const agreement = commonPrefixLength(known.trajectory, assistant);
      if (!best || agreement > best.agreement) best = { known, offset: at.offset, agreement };
    }
    return best;
  }

  /** The variants of a problem, the seed's pick first (a new answer starts from it). */
  private trajectoriesFor(problem: string, seed: number | undefined): readonly KnownTrajectory[] {
    const recorded = this.corpus.get(problem) ?? this.corpus.get(problem.trim());
    if (!recorded) return [this.syntheticFor(problem)];
    if (seed === undefined || recorded.length === 1) return recorded;
    const first = hashString(`variant:${seed}`) % recorded.length;
    return [...recorded.slice(first), ...recorded.slice(0, first)];
  }

  private syntheticFor(problem: string): KnownTrajectory {
    const known = this.synthetic.get(problem);
    if (known) return known;
    const { trajectory, answer } = syntheticTrajectory(
      hashString(problem, hashString(`seed:${this.seed}`)),
      this.syntheticOptions,
      this.dialect,
    );
    const made: KnownTrajectory = {
      trajectory,
      answer,
      blocks: indexTrajectory(trajectory, this.dialect),
      origin: 'synthetic',
    };
    this.synthetic.set(problem, made);
    return made;
  }

  /** What the model says when the context left the recording: close the thread, or wrap up. */
  private fallback(answer: string, inThread: boolean, assistant: string): string {
    const { branch, block, reasoning } = this.dialect.tags;
    if (inThread) return ` This sub-task adds nothing new beyond the plan.\n${branch.close}`;
    const wrap = `So the final answer is \\boxed{${answer}}.\n${reasoning.close}\n\nThe answer is $\\boxed{${answer}}$.`;
    const joined = assistant.endsWith(this.dialect.threadStop + this.dialect.joinSuffix);
    return joined ? `${block.close}\n${wrap}` : wrap;
  }
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
