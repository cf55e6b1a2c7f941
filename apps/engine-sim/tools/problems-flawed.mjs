// Team-written problems, part 3: wrong answers and malformed trajectories (what real models emit).
import { block, entry, SUFFIX } from './corpus-format.mjs';

export const FLAWED = [
  // Wrong: uses (n - 1)·180 instead of (n - 2)·180.
  entry(
    'hexagon-angles-wrong',
    'What is the sum of the interior angles of a hexagon, in degrees?',
    '720',
    [
      'A polygon can be split into triangles from one vertex.',
      block(
        ['Count the triangles in the hexagon.', 'Multiply by the angle sum of a triangle.'],
        [
          'From one vertex of a hexagon we can draw diagonals that give 6 - 1 = 5 triangles.',
          'Each triangle has angle sum 180°, so the total is 5 · 180 = 900°.',
        ],
      ),
      'So the sum is \\boxed{900} degrees.',
    ],
    'The sum of the interior angles is $\\boxed{900}$ degrees.',
  ),

  // Wrong: 17·23 computed as 381 instead of 391.
  entry(
    'product-plus-wrong',
    'What is $17 \\times 23 + 9$?',
    '400',
    [
      'Compute the product two ways, then add 9.',
      block(
        ['Compute 17 · 23 by splitting 23 = 20 + 3.', 'Compute 17 · 23 as (20 - 3)(20 + 3).'],
        ['17 · 20 = 340 and 17 · 3 = 41, so 17 · 23 = 381.', '(20 - 3)(20 + 3) = 400 - 9 = 391.'],
      ),
      'The first method looks more direct, so 17 · 23 = 381, and 381 + 9 = \\boxed{390}.',
    ],
    '$17 \\times 23 + 9 = \\boxed{390}$.',
  ),

  // Wrong: forgets to halve n(n - 3).
  entry(
    'octagon-diagonals-wrong',
    'How many diagonals does a convex octagon have?',
    '20',
    [
      'Each vertex connects to n - 3 non-adjacent vertices.',
      'For n = 8 that is 8 · 5 = 40 connections, so the octagon has \\boxed{40} diagonals.',
    ],
    'A convex octagon has $\\boxed{40}$ diagonals.',
  ),

  // Malformed: the second thread never closes (the recording stops mid-thread).
  {
    id: 'digit-sum-2-pow-20-unclosed',
    problem: 'What is the sum of the digits of $2^{20}$?' + SUFFIX,
    answer: '31',
    trajectory:
      '<think>\nCompute 2^20 and then its digit sum.\n<Parallel>\n<Outlines>\n<Outline>1: Compute 2^20 as (2^10)^2.</Outline>\n' +
      '<Outline>2: Add the digits of the result.</Outline>\n</Outlines>\n<Thread>\n1: 2^10 = 1024, and 1024^2 = 1048576.\n</Thread>' +
      '<Thread>\n2: The digits of 1048576 are 1, 0, 4, 8, 5, 7, 6.\n1 + 0 + 4 = 5, 5 + 8 = 13, 13 + 5 = 18',
  },

  // Malformed: a plan with zero outlines (the orchestrator keeps decoding sequentially).
  entry(
    'mod-nine-zero-outlines',
    'What is the remainder when 1234567 is divided by 9?',
    '1',
    [
      'A number is congruent to its digit sum modulo 9.',
      '<Parallel>\n<Outlines>\n</Outlines>',
      'No split is needed here. The digit sum is 1 + 2 + 3 + 4 + 5 + 6 + 7 = 28, and 28 = 3 · 9 + 1.',
      '</Parallel>',
      'So the remainder is \\boxed{1}.',
    ],
    'The remainder is $\\boxed{1}$.',
  ),

  // Malformed: end-of-sequence inside a thread.
  {
    id: 'lcm-three-eos-in-thread',
    problem: 'Find the least common multiple of 4, 6 and 10.' + SUFFIX,
    answer: '60',
    trajectory:
      '<think>\nFactor each number, then take the highest prime powers.\n<Parallel>\n<Outlines>\n' +
      '<Outline>1: Factor 4, 6 and 10.</Outline>\n<Outline>2: Combine the highest prime powers.</Outline>\n</Outlines>\n' +
      '<Thread>\n1: 4 = 2^2, 6 = 2 · 3, 10 = 2 · 5.\n</Thread><Thread>\n2: The highest powers are 2^2, 3 and 5, so the lcm is 4 · 3 · 5 = 60.<|im_end|>' +
      '\n</Thread>\n</Parallel>\nThe least common multiple is \\boxed{60}.\n</think>\n\nThe lcm is $\\boxed{60}$.',
  },
];
