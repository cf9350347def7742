import { describe, expect, it } from 'vitest';
import { combineFigures, judgeRead, type VolumeFigures } from './volume-check.ts';

const standing = (distinctPersons: number, newPersons: number): VolumeFigures => ({
  distinctPersons,
  newPersons,
  alertAbove: 50,
  suspendAbove: 200,
  windowMinutes: 60,
});

describe('the warning before a read', () => {
  it('lets a read through that stays under the alert, or adds nobody', () => {
    expect(judgeRead(standing(10, 40))).toEqual({ kind: 'fine' });
    expect(judgeRead(standing(250, 0))).toEqual({ kind: 'fine' });
  });

  it('asks before the read that crosses the alert, once', () => {
    const verdict = judgeRead(standing(40, 11));
    expect(verdict.kind).toBe('warn');
    expect(verdict.kind === 'warn' && verdict.text).toBe(
      'This would add 11 persons to the 40 you have read this hour: past 50 the admins are alerted. Go on?',
    );
    // The alert has been raised already: asking again for every read would only train a click.
    expect(judgeRead(standing(60, 30))).toEqual({ kind: 'fine' });
  });

  it('refuses to send a read that would suspend the session, and says the ways around', () => {
    const verdict = judgeRead(standing(150, 51));
    expect(verdict.kind).toBe('refuse');
    expect(verdict.kind === 'refuse' && verdict.text).toMatch(
      /^This would add 51 persons to the 150 you have read this hour: past 200 your session is suspended.*approve the bulk work in advance\.$/,
    );
    expect(judgeRead(standing(150, 50)).kind).toBe('fine');
    expect(judgeRead(standing(40, 160)).kind).toBe('warn');
    expect(judgeRead({ ...standing(0, 1), suspendAbove: 0 }).kind).toBe('refuse');
  });

  it('sums the batches of one read and keeps the standing', () => {
    expect(combineFigures([standing(5, 30), standing(5, 25)])).toEqual(standing(5, 55));
    expect(combineFigures([])).toBeUndefined();
  });
});
