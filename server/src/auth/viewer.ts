import type { Role } from '../model/records.ts';

/** The signed-in user of a request, as the user record says now (not as the token remembers it). */
export interface Viewer {
  readonly username: string;
  readonly role: Role;
  readonly informantClearance: boolean;
}

const ROLE_RANK: Readonly<Record<Role, number>> = { VIEWER: 1, INVESTIGATOR: 2, ADMIN: 3 };

export const isRole = (value: unknown): value is Role => typeof value === 'string' && value in ROLE_RANK;

/** Whether `role` is `minimum` or above it. */
export function hasRole(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}
