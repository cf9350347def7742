/** Generated facts are placed in time by day number (days since 1970-01-01, UTC). */
const DAY_MS = 86_400_000;

export const day = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoDay = (dayNumber: number): string => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

/** The span most generated activity falls in. */
export const ACTIVITY_START = day('2019-01-01');
export const ACTIVITY_END = day('2024-12-31');
