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

const RELIABILITY: Readonly<Record<string, string>> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};
const CREDIBILITY: Readonly<Record<string, string>> = {
  '1': 'confirmed',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
};

/** "B2" reads as "usually reliable source, probably true"; a printed report must not need the scale beside it. */
export function gradingInWords(grading: string): string {
  const reliability = RELIABILITY[grading.charAt(0)];
  const credibility = CREDIBILITY[grading.charAt(1)];
  return reliability && credibility ? `${reliability} source, ${credibility}` : grading;
}
