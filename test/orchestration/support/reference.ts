// The in-process runtime's trajectory for the same prompt on a private simulator (the ground truth).
import { runOrchestration, type RunOrchestrationOptions } from '@threadloom/threading';
import { httpEngine } from '../../support/http-engine.js';

/** Runs each prompt through runOrchestration against `simUrl` and returns the texts in order. */
export async function referenceTexts(
  simUrl: string,
  prompts: readonly string[],
  options: RunOrchestrationOptions = {},
): Promise<string[]> {
  const engine = httpEngine(simUrl);
  const texts: string[] = [];
  for (const prompt of prompts) texts.push((await runOrchestration(prompt, engine, options)).text);
  return texts;
}
