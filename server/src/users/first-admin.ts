/**
 * The first admin. On a store without an active admin, `admin` is created with
 * MAILLON_ADMIN_PASSWORD, or with a generated password shown once on stdout:
 * it is stored only as a hash, so whoever starts the server must note it then.
 */
import type { Logger } from '../logger.ts';
import type { UserStore } from '../store/ports/UserStore.ts';
import { createUser } from './accounts.ts';
import { generatePassword } from '../auth/passwords.ts';

const FIRST_ADMIN = 'admin';

export interface FirstAdminOutcome {
  readonly created: boolean;
  /** Set only when the password was generated here. */
  readonly generatedPassword?: string;
}

export async function ensureFirstAdmin(options: {
  store: UserStore;
  configuredPassword: string | undefined;
  logger: Logger;
  /** Where a generated password is shown; stdout by default. */
  print?: (text: string) => void;
}): Promise<FirstAdminOutcome> {
  const { store, logger } = options;
  const users = await store.listUsers();
  // Users added with the CLI before the first start do not count: there must be an admin.
  if (users.some((u) => u.role === 'ADMIN' && !u.disabled)) return { created: false };
  if (users.some((u) => u.username === FIRST_ADMIN)) {
    logger.warn(`no active admin, and the name "${FIRST_ADMIN}" is taken: add one with npm run users`);
    return { created: false };
  }
  const generated = options.configuredPassword === undefined ? generatePassword() : undefined;
  await createUser(store, {
    username: FIRST_ADMIN,
    password: options.configuredPassword ?? generated ?? '',
    role: 'ADMIN',
    // Informant identities need a clearance of their own, granted deliberately (updateUser).
    informantClearance: false,
  });
  logger.info({ username: FIRST_ADMIN }, 'created the first admin');
  if (generated === undefined) return { created: true };
  const print = options.print ?? ((text: string) => process.stdout.write(text));
  const line = '='.repeat(72);
  print(
    `\n${line}\n  Maillon: first admin created. This password is shown ONCE; note it now.\n\n` +
      `    username: ${FIRST_ADMIN}\n    password: ${generated}\n\n` +
      `  Set MAILLON_ADMIN_PASSWORD to choose it yourself on a fresh data directory.\n${line}\n\n`,
  );
  return { created: true, generatedPassword: generated };
}
