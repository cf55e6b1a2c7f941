import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE6, REFERENCE_DIR } from '../support/figure6.js';
import { postJson, startSim, TEXT_MODE, type SimProcess } from './sim-client.js';

interface TraceStep {
  phase: string;
  prompt_suffix: string;
  completion: string;
  stop: string;
}

const trace: TraceStep[] = readFileSync(resolve(REFERENCE_DIR, 'derived_fig6_orchestrator_trace.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as TraceStep);

describe('engine-sim replays the Figure-6 orchestrator trace', () => {
  let sim: SimProcess;
  beforeAll(async () => {
    sim = await startSim(['--time-scale', '0']);
  });
  afterAll(() => sim.stop());

  it('answers the 7 recorded requests with the recorded completions and stop reasons', async () => {
    const { full, prompt: initialPrompt } = FIGURE6;
    let context = initialPrompt;
    let forkContext = '';
    let joined = '';
    for (const step of trace) {
      const thread = step.phase.startsWith('thread') ? step.phase.split(' ')[1]! : undefined;
      const prompt = thread ? `${forkContext}\n<Thread>\n${thread}:` : context;
      expect(prompt.endsWith(step.prompt_suffix)).toBe(true);
      const res = await postJson(`${sim.url}/v1/completions`, {
        prompt,
        stop: [thread ? '</Thread>' : '</Outlines>'],
        max_tokens: 8000,
        ...TEXT_MODE,
      });
      const choice = res.body.choices[0];
      expect(choice.text).toBe(step.completion);
      expect(choice.finish_reason).toBe('stop');
      expect(choice.stop_reason).toBe(step.stop.includes('(EOS)') ? null : step.stop);
      // Every request after the first shares the previous context: the prefix cache serves most of it.
      if (step !== trace[0])
        expect(res.body.usage.prompt_tokens_details.cached_tokens).toBeGreaterThan(res.body.usage.prompt_tokens * 0.5);
      if (!thread) {
        context = prompt + choice.text;
        forkContext = context;
        joined = '';
      } else {
        joined += (thread === '1' ? '\n<Thread>\n1:' : `<Thread>\n${thread}:`) + choice.text;
        context = `${forkContext}${joined}\n`;
      }
    }
    expect(`${context}\n`).toBe(full);
  });

  it('decodes the whole rest of the trajectory as one stream when no stop string is given', async () => {
    const { full, prompt: initialPrompt } = FIGURE6;
    const res = await postJson(`${sim.url}/v1/completions`, { prompt: initialPrompt, max_tokens: 8000, ...TEXT_MODE });
    expect(initialPrompt + res.body.choices[0].text).toBe(full.trimEnd());
    expect(res.body.choices[0]).toMatchObject({ finish_reason: 'stop', stop_reason: null });
  });

  it('drops the stop string and EOS text unless include_stop_str_in_output, and cuts at max_tokens', async () => {
    const { prompt: initialPrompt } = FIGURE6;
    const plain = await postJson(`${sim.url}/v1/completions`, {
      prompt: initialPrompt,
      stop: '</Outlines>',
      max_tokens: 500,
      skip_special_tokens: false,
    });
    expect(plain.body.choices[0].text).toBe(trace[0]!.completion.slice(0, -'</Outlines>'.length));
    expect(plain.body.choices[0].stop_reason).toBe('</Outlines>');
    const cut = await postJson(`${sim.url}/v1/completions`, {
      prompt: initialPrompt,
      stop: '</Outlines>',
      max_tokens: 5,
      ...TEXT_MODE,
    });
    expect(cut.body.choices[0]).toMatchObject({ finish_reason: 'length', stop_reason: null });
    expect(cut.body.usage.completion_tokens).toBe(5);
  });
});
