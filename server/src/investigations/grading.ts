/**
 * The Admiralty (NATO 6×6) grading: the source's reliability A (completely
 * reliable) to F (cannot be judged), and the information's credibility 1
 * (confirmed) to 6 (cannot be judged), written together as "B2".
 */
const GRADING = /^([A-F])([1-6])$/;

export function parseGrading(value: string): string | undefined {
  const match = GRADING.exec(value.trim().toUpperCase());
  return match ? `${match[1]}${match[2]}` : undefined;
}
