/**
 * What the explorer says before a read that the volume rule would punish: the
 * analyst learns that an expansion would raise an alert, or suspend their session,
 * before sending it, not from the suspension. The figures are the server's (`readVolume`).
 */

import { messages } from '../i18n/current.ts';

export interface VolumeFigures {
  /** Distinct persons read in the window so far. */
  readonly distinctPersons: number;
  readonly alertAbove: number;
  readonly suspendAbove: number;
  readonly windowMinutes: number;
  /** Persons the read would add (summed over its batches: an upper bound when they overlap). */
  readonly newPersons: number;
}

export type VolumeVerdict =
  | { readonly kind: 'fine' }
  | { readonly kind: 'warn'; readonly text: string }
  | { readonly kind: 'refuse'; readonly text: string };

/** Fine, a warning to confirm (the read would raise an alert), or a refusal (it would suspend the session). */
export function judgeRead(figures: VolumeFigures): VolumeVerdict {
  const { distinctPersons: read, newPersons: added, alertAbove, suspendAbove } = figures;
  if (added === 0) return { kind: 'fine' };
  const total = read + added;
  const words = messages().volume;
  const so = words.soFar(added, read, figures.windowMinutes);
  if (total > suspendAbove) {
    return {
      kind: 'refuse',
      text: words.refuse(so, suspendAbove),
    };
  }
  if (total > alertAbove && read <= alertAbove) {
    return { kind: 'warn', text: words.warn(so, alertAbove) };
  }
  return { kind: 'fine' };
}

/** The figures of several batches of one read: the same standing, their new persons summed. */
export function combineFigures(parts: readonly VolumeFigures[]): VolumeFigures | undefined {
  const [first] = parts;
  if (!first) return undefined;
  return { ...first, newPersons: parts.reduce((sum, part) => sum + part.newPersons, 0) };
}
