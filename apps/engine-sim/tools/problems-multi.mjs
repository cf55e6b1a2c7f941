// Team-written problems, part 2: several blocks, many threads, long threads.
import { block, entry } from './corpus-format.mjs';

const pairBlock = (label, a, b, bodyA, bodyB) =>
  block([`Compute ${label(a)}.`, `Compute ${label(b)}.`], [bodyA, bodyB]);

export const MULTI = [
  entry(
    'heron-13-14-15',
    'Find the area of a triangle with side lengths 13, 14 and 15.',
    '84',
    [
      "Use Heron's formula: area = sqrt(s(s-a)(s-b)(s-c)) with s = (13 + 14 + 15)/2 = 21.",
      block(
        ['Compute s - 13.', 'Compute s - 14.', 'Compute s - 15.'],
        ['s - 13 = 21 - 13 = 8.', 's - 14 = 21 - 14 = 7.', 's - 15 = 21 - 15 = 6.'],
      ),
      'So the area is sqrt(21 · 8 · 7 · 6). Evaluate the product and confirm with a height.',
      block(
        ['Evaluate sqrt(21 · 8 · 7 · 6).', 'Confirm using the height to the side of length 14.'],
        [
          '21 · 8 = 168 and 7 · 6 = 42, so the product is 168 · 42 = 7056.\nsqrt(7056) = 84, since 84^2 = 7056.',
          'Let the foot of the height split 14 into p and 14 - p.\n13^2 - p^2 = 15^2 - (14 - p)^2 gives 169 - p^2 = 225 - 196 + 28p - p^2, so 28p = 140 and p = 5.\nThe height is sqrt(169 - 25) = 12, and the area is 14 · 12 / 2 = 84.',
        ],
      ),
      'Both give 84. The area is \\boxed{84}.',
    ],
    'The area is $\\boxed{84}$.',
  ),

  entry(
    'sum-cubes-12',
    'Compute $1^3 + 2^3 + \\cdots + 12^3$.',
    '6084',
    [
      'Add the cubes two at a time, keeping a running total.',
      pairBlock((k) => `${k}^3`, 1, 2, '1^3 = 1.', '2^3 = 8.'),
      'Running total: 1 + 8 = 9.',
      pairBlock((k) => `${k}^3`, 3, 4, '3^3 = 27.', '4^3 = 64.'),
      'Running total: 9 + 27 + 64 = 100.',
      pairBlock((k) => `${k}^3`, 5, 6, '5^3 = 125.', '6^3 = 216.'),
      'Running total: 100 + 125 + 216 = 441.',
      pairBlock((k) => `${k}^3`, 7, 8, '7^3 = 343.', '8^3 = 512.'),
      'Running total: 441 + 343 + 512 = 1296.',
      pairBlock((k) => `${k}^3`, 9, 10, '9^3 = 729.', '10^3 = 1000.'),
      'Running total: 1296 + 729 + 1000 = 3025.',
      pairBlock((k) => `${k}^3`, 11, 12, '11^3 = 1331.', '12^3 = 1728.'),
      'Running total: 3025 + 1331 + 1728 = 6084.',
      'Check: the sum of the first n cubes is (n(n+1)/2)^2 = 78^2 = 6084. The answer is \\boxed{6084}.',
    ],
    'The sum is $\\boxed{6084}$.',
  ),

  entry(
    'sum-fourth-powers-8',
    'Compute $1^4 + 2^4 + \\cdots + 8^4$.',
    '8772',
    [
      'Add the fourth powers in pairs.',
      pairBlock((k) => `${k}^4`, 1, 2, '1^4 = 1.', '2^4 = 16.'),
      'Running total: 17.',
      pairBlock((k) => `${k}^4`, 3, 4, '3^4 = 9 · 9 = 81.', '4^4 = 16 · 16 = 256.'),
      'Running total: 17 + 81 + 256 = 354.',
      pairBlock((k) => `${k}^4`, 5, 6, '5^4 = 25 · 25 = 625.', '6^4 = 36 · 36 = 1296.'),
      'Running total: 354 + 625 + 1296 = 2275.',
      pairBlock((k) => `${k}^4`, 7, 8, '7^4 = 49 · 49 = 2401.', '8^4 = 64 · 64 = 4096.'),
      'Running total: 2275 + 2401 + 4096 = 8772.',
      'Check with n(n+1)(2n+1)(3n^2+3n-1)/30 = 8·9·17·215/30 = 263160/30 = 8772. The answer is \\boxed{8772}.',
    ],
    'The sum is $\\boxed{8772}$.',
  ),

  entry(
    'triangular-sum-10',
    'Compute the sum of the first ten triangular numbers $T_k = k(k+1)/2$.',
    '220',
    [
      'Compute the triangular numbers in pairs and accumulate.',
      pairBlock((k) => `T_${k}`, 1, 2, 'T_1 = 1·2/2 = 1.', 'T_2 = 2·3/2 = 3.'),
      'Running total: 4.',
      pairBlock((k) => `T_${k}`, 3, 4, 'T_3 = 3·4/2 = 6.', 'T_4 = 4·5/2 = 10.'),
      'Running total: 4 + 6 + 10 = 20.',
      pairBlock((k) => `T_${k}`, 5, 6, 'T_5 = 5·6/2 = 15.', 'T_6 = 6·7/2 = 21.'),
      'Running total: 20 + 15 + 21 = 56.',
      pairBlock((k) => `T_${k}`, 7, 8, 'T_7 = 7·8/2 = 28.', 'T_8 = 8·9/2 = 36.'),
      'Running total: 56 + 28 + 36 = 120.',
      pairBlock((k) => `T_${k}`, 9, 10, 'T_9 = 9·10/2 = 45.', 'T_10 = 10·11/2 = 55.'),
      'Running total: 120 + 45 + 55 = 220.',
      'Check: the sum of the first n triangular numbers is n(n+1)(n+2)/6 = 10·11·12/6 = 220. The answer is \\boxed{220}.',
    ],
    'The sum is $\\boxed{220}$.',
  ),

  entry(
    'rectangle-diagonal',
    'A rectangle has perimeter 30 and area 54. How long is its diagonal?',
    '3\\sqrt{13}',
    [
      'Let the sides be l ≥ w. Then l + w = 15 and lw = 54.',
      block(
        ['Solve t^2 - 15t + 54 = 0 for the sides.', 'Search the factor pairs of 54 for a sum of 15.'],
        [
          'The discriminant is 225 - 216 = 9, so t = (15 ± 3)/2, giving t = 9 or t = 6.',
          '54 = 1·54 = 2·27 = 3·18 = 6·9. Only 6 + 9 = 15 works.',
        ],
      ),
      'So l = 9 and w = 6, and the diagonal is sqrt(9^2 + 6^2).',
      block(
        ['Compute 9^2 + 6^2.', 'Check that no larger square divides the result.'],
        ['81 + 36 = 117.', '117 = 9 · 13 = 3^2 · 13, and 13 is prime, so the only square factor is 9.'],
      ),
      'Hence the diagonal is sqrt(117) = 3 sqrt(13).',
      block(
        ['Confirm numerically with sqrt(117).', 'Confirm numerically with 3 sqrt(13).'],
        ['10.8^2 = 116.64 and 10.82^2 = 117.07, so sqrt(117) ≈ 10.817.', 'sqrt(13) ≈ 3.6056, so 3 sqrt(13) ≈ 10.817.'],
      ),
      'The diagonal is \\boxed{3\\sqrt{13}}.',
    ],
    'The diagonal is $\\boxed{3\\sqrt{13}}$.',
  ),

  entry(
    'primes-below-100',
    'What is the sum of all primes less than 100?',
    '1060',
    [
      'Split 1..100 into four ranges and find the primes in each by trial division (divisors up to 7 suffice, since 11^2 > 100).',
      block(
        [
          'Find and add the primes from 1 to 25.',
          'Find and add the primes from 26 to 50.',
          'Find and add the primes from 51 to 75.',
          'Find and add the primes from 76 to 100.',
        ],
        [
          '1 is not prime. 2, 3, 5, 7 are prime.\n4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24 are even.\n9 = 3·3, 15 = 3·5, 21 = 3·7, 25 = 5·5 are composite.\n11, 13, 17, 19, 23 are not divisible by 2 or 3, and 5^2 = 25 exceeds each of them, so they are prime.\nPrimes: 2, 3, 5, 7, 11, 13, 17, 19, 23 (9 primes).\nSum: 2 + 3 + 5 + 7 = 17; 17 + 11 + 13 = 41; 41 + 17 + 19 = 77; 77 + 23 = 100.',
          'Odd numbers: 27 = 3·9, 29, 31, 33 = 3·11, 35 = 5·7, 37, 39 = 3·13, 41, 43, 45 = 5·9, 47, 49 = 7·7.\n29: not divisible by 3 or 5. 31: not divisible by 3 or 5. 37: not divisible by 3 or 5. 41, 43, 47: not divisible by 3, 5 or 7.\nPrimes: 29, 31, 37, 41, 43, 47 (6 primes).\nSum: 29 + 31 = 60; 60 + 37 = 97; 97 + 41 = 138; 138 + 43 = 181; 181 + 47 = 228.',
          'Odd numbers: 51 = 3·17, 53, 55 = 5·11, 57 = 3·19, 59, 61, 63 = 7·9, 65 = 5·13, 67, 69 = 3·23, 71, 73, 75 = 3·25.\n53, 59, 61, 67, 71, 73 are not divisible by 3, 5 or 7 (7·8 = 56, 7·9 = 63, 7·10 = 70 are the nearby multiples of 7).\nPrimes: 53, 59, 61, 67, 71, 73 (6 primes).\nSum: 53 + 59 = 112; 112 + 61 = 173; 173 + 67 = 240; 240 + 71 = 311; 311 + 73 = 384.',
          'Odd numbers: 77 = 7·11, 79, 81 = 9·9, 83, 85 = 5·17, 87 = 3·29, 89, 91 = 7·13, 93 = 3·31, 95 = 5·19, 97, 99 = 9·11.\n79, 83, 89, 97 are not divisible by 3, 5 or 7.\nPrimes: 79, 83, 89, 97 (4 primes).\nSum: 79 + 83 = 162; 162 + 89 = 251; 251 + 97 = 348.',
        ],
      ),
      'There are 9 + 6 + 6 + 4 = 25 primes, as expected.',
      'Total: 100 + 228 + 384 + 348 = 1060. The answer is \\boxed{1060}.',
    ],
    'The sum of the primes below 100 is $\\boxed{1060}$.',
  ),

  entry(
    'eight-values',
    'Let $f(k) = k^2 + 1$. Compute $f(1) + f(2) + \\cdots + f(8)$.',
    '212',
    [
      'Evaluate each value separately, then add.',
      block(
        Array.from({ length: 8 }, (_, i) => `Compute f(${i + 1}).`),
        Array.from({ length: 8 }, (_, i) => `f(${i + 1}) = ${(i + 1) ** 2} + 1 = ${(i + 1) ** 2 + 1}.`),
      ),
      'Sum: 2 + 5 + 10 + 17 + 26 + 37 + 50 + 65 = 212.',
      'Check: the squares 1..8 sum to 8·9·17/6 = 204, plus 8 ones is 212. The answer is \\boxed{212}.',
    ],
    'The sum is $\\boxed{212}$.',
  ),

  entry(
    'stats-summary',
    'For the data 3, 7, 7, 2, 9, 4, 7, 5, compute mean + median + mode + range.',
    '51/2',
    [
      'Sorted data: 2, 3, 4, 5, 7, 7, 7, 9 (eight values). The four statistics are independent.',
      block(
        ['Compute the mean.', 'Compute the median.', 'Find the mode.', 'Compute the range.'],
        [
          'Sum: 2 + 3 + 4 + 5 + 7 + 7 + 7 + 9 = 44. Mean = 44/8 = 5.5.',
          'With eight values the median is the average of the 4th and 5th: (5 + 7)/2 = 6.',
          '7 appears three times, more than any other value, so the mode is 7.',
          'Range = max - min = 9 - 2 = 7.',
        ],
      ),
      'Total: 5.5 + 6 + 7 + 7 = 25.5 = 51/2. The answer is \\boxed{\\frac{51}{2}}.',
    ],
    'The total is $\\boxed{\\frac{51}{2}}$.',
  ),

  entry(
    'divisor-counts',
    'Compute $d(12) + d(30) + d(36) + d(49) + d(60)$, where $d(n)$ is the number of positive divisors of $n$.',
    '38',
    [
      'Use d(p^a q^b ...) = (a+1)(b+1)... for each number.',
      block(
        ['Compute d(12).', 'Compute d(30).', 'Compute d(36).', 'Compute d(49).', 'Compute d(60).'],
        [
          '12 = 2^2 · 3, so d(12) = 3 · 2 = 6.',
          '30 = 2 · 3 · 5, so d(30) = 2 · 2 · 2 = 8.',
          '36 = 2^2 · 3^2, so d(36) = 3 · 3 = 9.',
          '49 = 7^2, so d(49) = 3.',
          '60 = 2^2 · 3 · 5, so d(60) = 3 · 2 · 2 = 12.',
        ],
      ),
      'Sum: 6 + 8 + 9 + 3 + 12 = 38. The answer is \\boxed{38}.',
    ],
    'The sum is $\\boxed{38}$.',
  ),

  entry(
    'divisors-360',
    'How many positive divisors does 360 have?',
    '24',
    [
      '360 = 2^3 · 3^2 · 5. A divisor picks an exponent for each prime independently.',
      block(
        ['Count the exponent choices for 2.', 'Count the exponent choices for 3.', 'Count the exponent choices for 5.'],
        [
          'The exponent of 2 is 0, 1, 2 or 3: 4 choices.',
          'The exponent of 3 is 0, 1 or 2: 3 choices.',
          'The exponent of 5 is 0 or 1: 2 choices.',
        ],
      ),
      'So 360 has 4 · 3 · 2 = \\boxed{24} divisors.',
    ],
    '360 has $\\boxed{24}$ positive divisors.',
  ),
];
