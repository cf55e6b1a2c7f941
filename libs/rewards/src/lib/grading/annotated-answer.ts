// "Annotated" answers give an exact value and its decimal approximation: `\sqrt{2} \approx 1.414`.
// The exact part is the answer; an approximation alone (`\approx 1.414`) stays as written and fails.

const APPROX = /\\approx(?![a-zA-Z])|\u2248/;

/** The exact part of `exact \approx decimal`; other text unchanged. */
export function exactPartOfAnnotation(text: string): string {
  const parts = text.split(APPROX);
  if (parts.length !== 2) return text;
  const exact = (parts[0] ?? '').trim();
  return exact === '' || /[=<>]/.test(exact) ? text : exact;
}
