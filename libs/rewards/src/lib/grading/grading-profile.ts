/** Which answer-equivalence rules a grade applies. */
export const GRADING_PROFILES = {
  /** Every rule in docs/grading.md, including units, special angles, ratios, set algebra (issue 15). */
  threadloom: 'threadloom',
  /**
   * The rules as before issue 15, which agree with the public reference grader on those classes:
   * units stripped and never compared, degree marks dropped even inside trig functions, no ratio,
   * annotation, assignment, set-algebra or scalar-matrix forms, equations equal only up to sign.
   */
  referenceCode: 'reference-code',
} as const;

/** One of {@link GRADING_PROFILES}. */
export type GradingProfile = (typeof GRADING_PROFILES)[keyof typeof GRADING_PROFILES];

/** True when the issue-15 equivalence classes apply. */
export function extendedForms(profile: GradingProfile): boolean {
  return profile === GRADING_PROFILES.threadloom;
}
