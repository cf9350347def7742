import { messages } from '../i18n/current.ts';

/**
 * Admiralty gradings on the canvas. A low-graded fact has a source of doubtful
 * reliability (D–F) or information that is doubtful or cannot be judged (4–6).
 */
export const gradingOf = (properties: Readonly<Record<string, unknown>>): string | undefined =>
  typeof properties['grading'] === 'string' && /^[A-F][1-6]$/.test(properties['grading'])
    ? properties['grading']
    : undefined;

export function isLowGraded(properties: Readonly<Record<string, unknown>>): boolean {
  const grading = gradingOf(properties);
  return grading !== undefined && (grading.charAt(0) >= 'D' || grading.charAt(1) >= '4');
}

/** The edge classes of a graded relationship: `graded` and, for a low grade, `low-graded`. */
export function gradingClasses(properties: Readonly<Record<string, unknown>>): string[] {
  if (gradingOf(properties) === undefined) return [];
  return isLowGraded(properties) ? ['graded', 'low-graded'] : ['graded'];
}

/** "B2" reads as "usually reliable source, probably true"; a printed report must not need the scale beside it. */
export function gradingInWords(grading: string): string {
  const words = messages().grading;
  const reliability = words.reliability[grading.charAt(0)];
  const credibility = words.credibility[grading.charAt(1)];
  return reliability && credibility ? words.inWords(reliability, credibility) : grading;
}
