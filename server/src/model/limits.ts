/**
 * What one `neighbourhood` call may ask for. The explorer reads these too (its expand cap goes up
 * to `maxPerNodeLimit`), so a cap the analyst can set is always one the server accepts: with the
 * cap at 1000 and the server stopping at 500, a 531-neighbour hub could never be drawn in full,
 * and the explorer kept saying "raise the cap".
 */
export const NEIGHBOURHOOD_LIMITS = {
  maxSeeds: 100,
  maxDepth: 3,
  defaultLimit: 200,
  maxLimit: 2000,
  defaultPerNodeLimit: 50,
  maxPerNodeLimit: 1000,
} as const;
