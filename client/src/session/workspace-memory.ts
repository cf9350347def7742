/**
 * The workspace (case data) lives only in this tab's memory: never in
 * localStorage or sessionStorage, where it would outlast a revoked clearance on
 * the machine. It survives an ended session (the user signs in again in the same
 * tab), not a reload; saving views belongs on the server.
 */
const workspaces = new Map<string, string>();

export function rememberWorkspace(username: string, text: string): void {
  workspaces.set(username, text);
}

export function recallWorkspace(username: string): string | undefined {
  return workspaces.get(username);
}

export function forgetWorkspace(username: string): void {
  workspaces.delete(username);
}
