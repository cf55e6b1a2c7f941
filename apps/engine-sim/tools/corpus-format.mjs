// Helpers that render team-written math solutions in ThreadWeaver's released-data whitespace
// (spec §1.3): `<Thread>\nN: body\n</Thread>`, adjacent threads, `<think>\n…\n</think>\n\n{answer}`.
export const SUFFIX = " Let's think step by step and output the final answer within \\boxed{}.";

/** A parallel block: outline texts and thread bodies (numbered 1..n in order). */
export function block(outlines, threads) {
  const plan = outlines.map((o, i) => `<Outline>${i + 1}: ${o}</Outline>\n`).join('');
  const body = threads.map((t, i) => `<Thread>\n${i + 1}: ${t}\n</Thread>`).join('');
  return `<Parallel>\n<Outlines>\n${plan}</Outlines>\n${body}\n</Parallel>`;
}

/** A full trajectory from reasoning parts (strings and blocks) and the final answer sentence. */
function trajectory(parts, final) {
  return `<think>\n${parts.join('\n')}\n</think>\n\n${final}`;
}

/** One corpus entry. */
export function entry(id, question, answer, parts, final) {
  return { id, problem: question + SUFFIX, answer, trajectory: trajectory(parts, final) };
}
