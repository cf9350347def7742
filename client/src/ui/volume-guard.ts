import { api } from '../api/client.ts';
import type { NeighbourhoodVariables } from '../api/operations.ts';
import { READ_VOLUME } from '../api/volume-operations.ts';
import { combineFigures, judgeRead, type VolumeVerdict } from '../model-view/volume-check.ts';

/**
 * Asks the server what the expansion's batches would add to the analyst's read volume
 * (it counts under the analyst's clearance and reads nothing out), and judges it. One
 * preview per batch, one after another, as the expansion itself would be sent.
 */
export async function judgeExpansion(requests: readonly NeighbourhoodVariables[]): Promise<VolumeVerdict> {
  const parts = [];
  for (const request of requests) {
    const { ids, ...rest } = request;
    parts.push((await api.request(READ_VOLUME, { expandIds: ids, ...rest })).readVolume);
  }
  const figures = combineFigures(parts);
  return figures ? judgeRead(figures) : { kind: 'fine' };
}

/** The same judgement before a red-flag scan of `limit` flags: their evidence is read too. */
export async function judgeRedFlagScan(limit: number): Promise<VolumeVerdict> {
  return judgeRead((await api.request(READ_VOLUME, { redFlagLimit: limit })).readVolume);
}

/** Whether to send a read the verdict allows: a warning is the analyst's call, a refusal is shown and not sent. */
export function mayRead(verdict: VolumeVerdict, showRefusal: (text: string) => void): boolean {
  if (verdict.kind === 'refuse') {
    showRefusal(verdict.text);
    return false;
  }
  return verdict.kind === 'fine' || window.confirm(verdict.text);
}
