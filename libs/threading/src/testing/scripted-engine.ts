import type { CompletionRequest, CompletionResult, Engine } from '../lib/orchestration/engine.js';
import { UnscriptedRequestError } from './unscripted-request.error.js';

/** One canned answer: given to the first request whose prompt ends with `promptSuffix`. */
export interface ScriptedAnswer {
  readonly promptSuffix: string;
  readonly result: CompletionResult;
}

/**
 * An Engine that replays canned answers, matched by prompt suffix (each answer used once), and
 * records every request: for tests of either runtime against recorded trajectories.
 */
export class ScriptedEngine implements Engine {
  readonly requests: CompletionRequest[] = [];
  readonly #answers: readonly ScriptedAnswer[];
  readonly #used = new Set<number>();

  constructor(answers: readonly ScriptedAnswer[]) {
    this.#answers = answers;
  }

  /** Answers with the first unused matching answer, or rejects with UnscriptedRequestError. */
  complete(request: CompletionRequest): Promise<CompletionResult> {
    this.requests.push(request);
    const index = this.#answers.findIndex(
      (answer, at) => !this.#used.has(at) && request.prompt.endsWith(answer.promptSuffix),
    );
    const answer = this.#answers[index];
    if (answer === undefined) return Promise.reject(new UnscriptedRequestError(request.prompt));
    this.#used.add(index);
    return Promise.resolve(answer.result);
  }
}
