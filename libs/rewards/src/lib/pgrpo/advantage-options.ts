/** Whether group advantages are divided by the group's reward standard deviation (spec §4.3). */
export const STD_NORMALIZATIONS = {
  /** Paper and public code default: r − mean, no division (norm_adv_by_std_in_grpo=False). */
  none: 'none',
  /** Paper Eq. 1: population std (divide by k) plus ε. */
  population: 'population',
  /** Public code's optional path: Bessel-corrected sample std (divide by k − 1) plus ε, as torch.std. */
  sample: 'sample',
} as const;

/** One of {@link STD_NORMALIZATIONS}. */
export type StdNormalization = (typeof STD_NORMALIZATIONS)[keyof typeof STD_NORMALIZATIONS];

/** Options for group advantages. */
export interface AdvantageOptions {
  /** Default `none`. */
  readonly std?: StdNormalization;
  /** Added to the std before dividing (default 1e-6, as the public code). */
  readonly epsilon?: number;
}
