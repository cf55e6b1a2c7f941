import {
  createCharsEncoder,
  createCharsTokenizer,
  renderUserPrompt,
  runOrchestration,
  type OrchestratorState,
} from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { groupSpecFixture as spec } from '../testing/group-spec.fixture.js';
import { twoThreadEngine } from '../testing/two-thread-engine.js';
import { scoreGroup, type GroupMember } from './score-group.js';

/** The final state of a run on the two-thread engine (thread 2 `extra` characters longer, `answer` boxed). */
async function state(answer: string, extra: number): Promise<OrchestratorState> {
  return (await runOrchestration(renderUserPrompt('What is 2+3?'), twoThreadEngine({ answer, extra }))).state;
}

const tools = { tokenizer: createCharsTokenizer(), encoder: createCharsEncoder() };
const member = (j: number, s: OrchestratorState | undefined, status: GroupMember['status'] = 'completed') => ({
  member: j,
  requestId: `r${j}`,
  status,
  state: s,
});

describe('scoreGroup', () => {
  it('rewards each completed member and mean-centres: advantage_i = r_i − mean exactly, summing to zero', async () => {
    const states = await Promise.all([state('5', 40), state('5', 0), state('4', 10), state('5', 200)]);
    const commit = scoreGroup(
      spec(4),
      states.map((s, j) => member(j, s)),
      tools,
    );
    const rewards = commit.outcome.members.map((m) => m.reward!);
    const mean = rewards.reduce((sum, r) => sum + r, 0) / rewards.length;
    expect(commit.outcome.members.map((m) => m.advantage)).toEqual(rewards.map((r) => r - mean));
    expect(Math.abs(commit.outcome.members.reduce((sum, m) => sum + m.advantage!, 0))).toBeLessThan(1e-12);
    expect(commit.outcome.members.map((m) => m.correct)).toEqual([true, true, false, true]);
    expect(rewards[2]).toBe(0); // paper profile: 0 for a wrong answer, no acceleration term
    expect(rewards[1]).toBeGreaterThan(rewards[3]!); // balanced threads: larger η (and R_accel) than one long thread
    expect(commit.outcome).toMatchObject({ status: 'completed', scored: 4, correct: 3, meanReward: mean });
  });

  it('exports one packed row per member and one expanded row per engine call, each with the advantage', async () => {
    const states = await Promise.all([state('5', 3), state('7', 0)]);
    const commit = scoreGroup(
      spec(2, 'reference-code'),
      states.map((s, j) => member(j, s)),
      tools,
    );
    expect(commit.packed).toHaveLength(2);
    expect(commit.expanded).toHaveLength(states[0].units.length + states[1].units.length);
    const packed = JSON.parse(commit.packed[0]!) as Record<string, unknown> & {
      advantages: number[];
      loss_mask: number[];
    };
    const advantage = commit.outcome.members[0]!.advantage!;
    expect(packed).toMatchObject({
      ok: true,
      member: 0,
      seed: 100,
      advantage,
      token_source: 'tokenizer',
      tokenizer: 'chars',
    });
    expect(packed.advantages).toEqual(packed.loss_mask.map((m) => (m === 1 ? advantage : 0)));
    const expanded = commit.expanded.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(expanded.map((row) => row['kind'])).toEqual([
      'sequential',
      'thread',
      'thread',
      'sequential',
      'sequential',
      'thread',
      'thread',
      'sequential',
    ]);
    const last = expanded[3] as { response_ids: number[]; prompt_ids: number[] };
    // The final step stopped on EOS: its response ends with the <|im_end|> id.
    expect(last.response_ids.at(-1)).toBe(tools.encoder.specialId('<|im_end|>'));
    expect(expanded[1]).toMatchObject({ thread: '1', advantage });
  });

  it('trains in the packed row exactly the tokens the expanded rows train: what the engine calls generated', async () => {
    const states = await Promise.all([state('5', 3), state('5', 12)]);
    const commit = scoreGroup(
      spec(2),
      states.map((s, j) => member(j, s)),
      tools,
    );
    const expanded = commit.expanded.map((line) => JSON.parse(line) as { member: number; response_ids: number[] });
    commit.packed.forEach((line, j) => {
      const row = JSON.parse(line) as { input_ids: number[]; loss_mask: number[]; labels: number[] };
      const generated = expanded.filter((unit) => unit.member === j).flatMap((unit) => unit.response_ids);
      // PLAN (19 ids: 7 tags, 12 characters) + thread 1 " body\n</Thread>" (7) + thread 2 (7 + extra)
      // + "</Parallel>\nso \boxed{5}" (14) + EOS (1).
      expect(generated).toHaveLength(19 + 7 + 7 + [3, 12][j]! + 14 + 1);
      expect(row.loss_mask.reduce((sum, value) => sum + value, 0)).toBe(generated.length);
      const targets = row.labels.filter((label) => label !== -100).sort((a, b) => a - b);
      expect(targets).toEqual([...generated].sort((a, b) => a - b));
    });
  });

  it('leaves members that did not complete out of the statistics and the rows', async () => {
    const states = await Promise.all([state('5', 0), state('4', 0)]);
    const commit = scoreGroup(
      spec(3),
      [member(0, states[0]), member(1, states[1]), member(2, undefined, 'failed')],
      tools,
    );
    const [first, second, third] = commit.outcome.members;
    expect(second!.reward).toBe(0);
    expect([first!.advantage, second!.advantage, third!.advantage]).toEqual([
      first!.reward! / 2,
      -first!.reward! / 2,
      null,
    ]);
    expect(commit.outcome).toMatchObject({ status: 'partial', scored: 2 });
    expect(commit.packed).toHaveLength(2);
  });
});
