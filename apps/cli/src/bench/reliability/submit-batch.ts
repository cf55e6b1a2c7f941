import { setTimeout as sleep } from 'node:timers/promises';
import type { CountingApi } from './counting-api.js';
import type { FaultStack } from './fault-stack.js';

/** Submits every prompt (16 at a time); the accepted ones with their prompt, and how many were refused. */
export async function submitAll(
  api: CountingApi,
  prompts: readonly string[],
  extra: Readonly<Record<string, unknown>> = {},
): Promise<{ submitted: { id: string; prompt: string }[]; refused: number }> {
  const submitted: { id: string; prompt: string }[] = [];
  let refused = 0;
  for (let start = 0; start < prompts.length; start += 16) {
    const answers = await Promise.all(
      prompts.slice(start, start + 16).map(async (prompt) => ({ prompt, ...(await api.submit({ prompt, ...extra })) })),
    );
    for (const { prompt, id } of answers) {
      if (id === undefined) refused += 1;
      else submitted.push({ id, prompt });
    }
  }
  return { submitted, refused };
}

/** Polls the lane's unfinished jobs until none is left (or 20 s / the abort); the last counts. */
export async function waitUntilDrained(stack: FaultStack, signal: AbortSignal): Promise<Record<string, number>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const counts = await stack.unfinishedJobs();
    const left = Object.values(counts).reduce((sum, count) => sum + count, 0);
    if (left === 0 || Date.now() > deadline || signal.aborted) return counts;
    await sleep(500);
  }
}
