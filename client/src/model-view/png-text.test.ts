import { describe, expect, it } from 'vitest';
import { readPngFacts, withPngText } from './png-text.ts';

/** A 1×1 white PNG, as a browser writes it. */
const PIXEL = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC'),
  (c) => c.charCodeAt(0),
);

describe('PNG text chunks', () => {
  it('writes the title, purpose and date into the file and reads them back, image untouched', () => {
    const tagged = withPngText(PIXEL, {
      Title: 'Réseau Djeha',
      Description: 'Case 2025-117',
      'Creation Time': '2026-12-03',
    });
    const facts = readPngFacts(tagged);
    expect(facts).toEqual({
      width: 1,
      height: 1,
      text: { Title: 'Réseau Djeha', Description: 'Case 2025-117', 'Creation Time': '2026-12-03' },
    });
    expect(tagged.length).toBeGreaterThan(PIXEL.length);
    expect(tagged.subarray(tagged.length - 12)).toEqual(PIXEL.subarray(PIXEL.length - 12));
  });

  it('refuses what is not a PNG, and a corrupted chunk', () => {
    expect(() => withPngText(new Uint8Array([1, 2, 3]), {})).toThrow(/Not a PNG/);
    const tagged = withPngText(PIXEL, { Title: 'x' });
    tagged[40] = (tagged[40] ?? 0) ^ 0xff;
    expect(() => readPngFacts(tagged)).toThrow(/Bad CRC/);
  });
});
