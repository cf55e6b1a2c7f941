// Team-written problems, part 1: sequential (0 blocks) and single-block solutions.
import { block, entry } from './corpus-format.mjs';

export const BASIC = [
  entry(
    'arith-series-100',
    'What is the sum of the integers from 1 to 100?',
    '5050',
    [
      'We need 1 + 2 + ... + 100.',
      'Pair the first and last terms: 1 + 100 = 101, 2 + 99 = 101, and so on.',
      'There are 100 terms, so there are 50 such pairs.',
      'The sum is 50 · 101 = 5050.',
      'Check with the formula n(n+1)/2 = 100·101/2 = 5050. Both agree, so the sum is \\boxed{5050}.',
    ],
    'The sum of the integers from 1 to 100 is $\\boxed{5050}$.',
  ),

  entry(
    'vertex-min',
    'What is the minimum value of $x^2 - 6x + 13$ over all real $x$?',
    '4',
    [
      'Complete the square: x^2 - 6x + 13 = (x^2 - 6x + 9) + 4 = (x - 3)^2 + 4.',
      'Since (x - 3)^2 ≥ 0 with equality at x = 3, the minimum is 4.',
      'So the minimum value is \\boxed{4}.',
    ],
    'The minimum value is $\\boxed{4}$, attained at $x = 3$.',
  ),

  entry(
    'base-eight-2024',
    'Write 2024 in base 8.',
    '3750_8',
    [
      'Powers of 8: 8^0 = 1, 8^1 = 8, 8^2 = 64, 8^3 = 512, 8^4 = 4096 > 2024.',
      'So we start with 512: 2024 = 3·512 + 488, since 3·512 = 1536 and 2024 - 1536 = 488.',
      'Next 64: 488 = 7·64 + 40, since 7·64 = 448.',
      'Next 8: 40 = 5·8 + 0.',
      'Units digit: 0.',
      'Reading the digits: 3, 7, 5, 0, so 2024 = 3750 in base 8.',
      'Check: 3·512 + 7·64 + 5·8 + 0 = 1536 + 448 + 40 = 2024. Correct.',
      'The answer is \\boxed{3750_8}.',
    ],
    '$2024 = \\boxed{3750_8}$.',
  ),

  entry(
    'fib-15',
    'Let $F_1 = F_2 = 1$ and $F_{n+1} = F_n + F_{n-1}$. Find $F_{15}$.',
    '610',
    [
      'List the terms: F_1 = 1, F_2 = 1, F_3 = 2, F_4 = 3, F_5 = 5, F_6 = 8, F_7 = 13, F_8 = 21,',
      'F_9 = 34, F_10 = 55, F_11 = 89, F_12 = 144, F_13 = 233, F_14 = 377, F_15 = 610.',
      'Check one step: 233 + 377 = 610. So F_15 = \\boxed{610}.',
    ],
    '$F_{15} = \\boxed{610}$.',
  ),

  entry(
    'die-expectation',
    'What is the expected value of one roll of a fair six-sided die?',
    '7/2',
    [
      'Each face 1..6 has probability 1/6.',
      'E = (1 + 2 + 3 + 4 + 5 + 6)/6 = 21/6 = 7/2.',
      'So the expected value is \\boxed{\\frac{7}{2}}.',
    ],
    'The expected value is $\\boxed{\\frac{7}{2}}$.',
  ),

  entry(
    'abs-ineq-count',
    'How many integers $x$ satisfy $|x - 3| < 5$?',
    '9',
    [
      '|x - 3| < 5 means -5 < x - 3 < 5, i.e. -2 < x < 8.',
      'The integers strictly between -2 and 8 are -1, 0, 1, 2, 3, 4, 5, 6, 7.',
      'That is 7 - (-1) + 1 = 9 integers, so the answer is \\boxed{9}.',
    ],
    'There are $\\boxed{9}$ such integers.',
  ),

  entry(
    'gcd-plus-lcm',
    'What is $\\gcd(84, 120) + \\operatorname{lcm}(84, 120)$?',
    '852',
    [
      'We need both the gcd and the lcm of 84 and 120; they can be found independently.',
      block(
        ['Compute gcd(84, 120) with the Euclidean algorithm.', 'Compute lcm(84, 120) from the prime factorizations.'],
        [
          '120 = 1·84 + 36.\n84 = 2·36 + 12.\n36 = 3·12 + 0.\nSo gcd(84, 120) = 12.',
          '84 = 2^2 · 3 · 7 and 120 = 2^3 · 3 · 5.\nThe lcm takes the highest powers: 2^3 · 3 · 5 · 7 = 8 · 105 = 840.',
        ],
      ),
      'Check: gcd · lcm = 12 · 840 = 10080 = 84 · 120. Consistent.',
      'So gcd + lcm = 12 + 840 = \\boxed{852}.',
    ],
    '$\\gcd(84,120) + \\operatorname{lcm}(84,120) = 12 + 840 = \\boxed{852}$.',
  ),

  entry(
    'dice-sum-seven',
    'Two fair dice are rolled. What is the probability that the sum is 7?',
    '1/6',
    [
      'Probability = favourable outcomes / total outcomes; count both.',
      block(
        ['Count the ordered outcomes whose sum is 7.', 'Count all ordered outcomes of two dice.'],
        [
          'The pairs are (1,6), (2,5), (3,4), (4,3), (5,2), (6,1).\nThat is 6 favourable outcomes.',
          'Each die has 6 faces, so there are 6 · 6 = 36 equally likely ordered outcomes.',
        ],
      ),
      'The probability is 6/36 = 1/6, so the answer is \\boxed{\\frac{1}{6}}.',
    ],
    'The probability is $\\boxed{\\frac{1}{6}}$.',
  ),

  entry(
    'linear-system',
    'If $2x + 3y = 12$ and $x - y = 1$, what is $x + y$?',
    '5',
    [
      'Solve the system two ways to be safe.',
      block(
        ['Solve by substitution using x = y + 1.', 'Solve by elimination, multiplying the second equation by 3.'],
        [
          'Substitute x = y + 1 into 2x + 3y = 12: 2(y + 1) + 3y = 12, so 5y + 2 = 12 and y = 2.\nThen x = y + 1 = 3.',
          '3(x - y) = 3 gives 3x - 3y = 3.\nAdding to 2x + 3y = 12: 5x = 15, so x = 3.\nThen y = x - 1 = 2.',
        ],
      ),
      'Both methods give x = 3, y = 2, so x + y = \\boxed{5}.',
    ],
    '$x + y = \\boxed{5}$.',
  ),

  entry(
    'pow-mod-seven',
    'What is the remainder when $3^{100}$ is divided by 7?',
    '4',
    [
      'Use the periodicity of powers of 3 modulo 7, and confirm with Fermat.',
      block(
        ['List powers of 3 modulo 7 until they repeat.', "Apply Fermat's little theorem and reduce the exponent."],
        [
          '3^1 ≡ 3, 3^2 ≡ 9 ≡ 2, 3^3 ≡ 6, 3^4 ≡ 18 ≡ 4, 3^5 ≡ 12 ≡ 5, 3^6 ≡ 15 ≡ 1 (mod 7).\nThe cycle length is 6.',
          'Since 7 is prime and gcd(3, 7) = 1, 3^6 ≡ 1 (mod 7).\n100 = 6·16 + 4, so 3^100 = (3^6)^16 · 3^4 ≡ 3^4 = 81 = 77 + 4 ≡ 4 (mod 7).',
        ],
      ),
      'With cycle length 6 and 100 ≡ 4 (mod 6), 3^100 ≡ 3^4 ≡ 4. The remainder is \\boxed{4}.',
    ],
    'The remainder is $\\boxed{4}$.',
  ),

  entry(
    'sum-squares-20',
    'Compute $1^2 + 2^2 + \\cdots + 20^2$.',
    '2870',
    [
      'Use the formula and check by splitting the sum.',
      block(
        ['Apply n(n+1)(2n+1)/6 with n = 20.', 'Add the squares of 1..10 and of 11..20 separately.'],
        [
          '20 · 21 · 41 / 6 = 420 · 41 / 6 = 17220 / 6 = 2870.',
          '1 + 4 + 9 + 16 + 25 + 36 + 49 + 64 + 81 + 100 = 385.\n121 + 144 + 169 + 196 + 225 + 256 + 289 + 324 + 361 + 400 = 2485.\nTotal: 385 + 2485 = 2870.',
        ],
      ),
      'Both give 2870, so the sum is \\boxed{2870}.',
    ],
    'The sum is $\\boxed{2870}$.',
  ),

  entry(
    'distance-points',
    'What is the distance between $(1, 2)$ and $(7, 10)$?',
    '10',
    [
      'The distance is sqrt(dx^2 + dy^2).',
      block(['Compute dx^2.', 'Compute dy^2.'], ['dx = 7 - 1 = 6, so dx^2 = 36.', 'dy = 10 - 2 = 8, so dy^2 = 64.']),
      'The distance is sqrt(36 + 64) = sqrt(100) = \\boxed{10}.',
    ],
    'The distance is $\\boxed{10}$.',
  ),

  entry(
    'geometric-sum',
    'Compute $3 + 6 + 12 + \\cdots + 3 \\cdot 2^9$.',
    '3069',
    [
      'This is a geometric series with first term 3, ratio 2 and 10 terms.',
      block(
        ['Use the closed form a(r^n - 1)/(r - 1).', 'Add the terms directly.'],
        [
          '3 · (2^10 - 1)/(2 - 1) = 3 · 1023 = 3069.',
          'Terms: 3, 6, 12, 24, 48, 96, 192, 384, 768, 1536.\nRunning sums: 3, 9, 21, 45, 93, 189, 381, 765, 1533, 3069.',
        ],
      ),
      'The sum is \\boxed{3069}.',
    ],
    'The sum is $\\boxed{3069}$.',
  ),

  entry(
    'percent-up-down',
    'A price of \\$80 is raised by 25\\% and the new price is then lowered by 20\\%. What is the final price in dollars?',
    '80',
    [
      'Compute the final price and confirm with the combined factor.',
      block(
        ['Apply the two changes one after the other.', 'Multiply the two factors first.'],
        ['80 · 1.25 = 100.\n100 · 0.80 = 80.', '1.25 · 0.8 = 1.00, so the price is unchanged: 80 · 1 = 80.'],
      ),
      'The final price is \\boxed{80} dollars.',
    ],
    'The final price is $\\boxed{80}$ dollars.',
  ),

  entry(
    'zeros-100-factorial',
    'How many trailing zeros does $100!$ have?',
    '24',
    [
      'Trailing zeros come from factors 10 = 2·5; factors of 2 are plentiful, so count factors of 5.',
      block(
        ['Count multiples of 5 up to 100.', 'Count multiples of 25 up to 100 (each adds a second 5).'],
        ['floor(100/5) = 20 multiples of 5.', 'floor(100/25) = 4 multiples of 25: 25, 50, 75, 100.'],
      ),
      'No multiple of 125 is ≤ 100, so the count is 20 + 4 = \\boxed{24}.',
    ],
    '$100!$ ends in $\\boxed{24}$ zeros.',
  ),

  entry(
    'complex-power',
    'Compute $(1 + i)^8$.',
    '16',
    [
      'Two routes: polar form, or repeated squaring.',
      block(
        ['Use polar form 1 + i = sqrt(2) e^{iπ/4}.', 'Square repeatedly.'],
        [
          '(1 + i)^8 = (sqrt 2)^8 e^{i·8π/4} = 16 · e^{2πi} = 16.',
          '(1 + i)^2 = 1 + 2i + i^2 = 2i.\n(2i)^2 = -4, so (1 + i)^4 = -4.\n(-4)^2 = 16, so (1 + i)^8 = 16.',
        ],
      ),
      'So (1 + i)^8 = \\boxed{16}.',
    ],
    '$(1+i)^8 = \\boxed{16}$.',
  ),

  entry(
    'distinct-digit-numbers',
    'How many three-digit numbers have three distinct digits?',
    '648',
    [
      'Choose the digits from left to right.',
      block(
        [
          'Count the choices for the hundreds digit.',
          'Count the choices for the tens digit.',
          'Count the choices for the units digit.',
        ],
        [
          'The hundreds digit cannot be 0, so it is one of 1..9: 9 choices.',
          'The tens digit can be any of 0..9 except the hundreds digit: 10 - 1 = 9 choices.',
          'The units digit must differ from the two digits already used: 10 - 2 = 8 choices.',
        ],
      ),
      'By the multiplication principle: 9 · 9 · 8 = 648. The answer is \\boxed{648}.',
    ],
    'There are $\\boxed{648}$ such numbers.',
  ),
];
