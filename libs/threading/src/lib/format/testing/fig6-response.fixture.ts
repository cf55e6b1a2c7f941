// Test vector: the assistant part (response) of `derived_fig6_canonical_sft_text.txt` from the ThreadWeaver
// reference data, i.e. Figure 6 in the released-data whitespace convention, copied verbatim.

/** Fig. 6 response (two blocks, two threads each), canonical whitespace, ends with `<|im_end|>\n`. */
export const FIG6_CANONICAL_RESPONSE =
  '<think>\n' +
  'We want to solve x^2 - 5x + 6 = 0. We can either factor or use the quadratic formula.\n' +
  'First, we will use the quadratic formula to get both solutions.\n' +
  '<Parallel>\n' +
  '<Outlines>\n' +
  '<Outline>1: Compute the discriminant Δ = b^2 - 4ac.</Outline>\n' +
  '<Outline>2: Compute the denominator 2a and set up the formula.</Outline>\n' +
  '</Outlines>\n' +
  '<Thread>\n' +
  '1: Here a = 1, b = -5, c = 6.\n' +
  'Compute Δ = (-5)^2 - 4·1·6 = 25 - 24 = 1.\n' +
  '</Thread><Thread>\n' +
  '2: We have 2a = 2·1 = 2.\n' +
  'So the quadratic formula is\n' +
  'x = [-b ± sqrt(Δ)] / (2a) = [5 ± sqrt(Δ)] / 2.\n' +
  '</Thread>\n' +
  '</Parallel>\n' +
  'Now substitute Δ = 1 into the formula and simplify the two roots.\n' +
  '<Parallel>\n' +
  '<Outlines>\n' +
  '<Outline>1: Compute the plus root x_1.</Outline>\n' +
  '<Outline>2: Compute the minus root x_2.</Outline>\n' +
  '</Outlines>\n' +
  '<Thread>\n' +
  '1: x_1 = (5 + sqrt(1)) / 2 = (5 + 1)/2 = 6/2 = 3.\n' +
  'So one solution is 3.\n' +
  '</Thread><Thread>\n' +
  '2: x_2 = (5 - sqrt(1)) / 2 = (5 - 1)/2 = 4/2 = 2.\n' +
  'So the other solution is 2.\n' +
  '</Thread>\n' +
  '</Parallel>\n' +
  'We have found both roots x = 2 and x = 3.\n' +
  'The sum of the two roots is 2 + 3 = 5.\n' +
  'Therefore, the solution is \\boxed{5}.\n' +
  '</think>\n' +
  '\n' +
  'The sum of the roots for quadratic $x^2 - 5x + 6 = 0$ is $\\boxed{5}$.<|im_end|>\n';
