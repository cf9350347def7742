/**
 * npm run users -- add NAME --role investigator [--informant-clearance] [--password P]
 * npm run users -- list
 * npm run users -- disable NAME
 * npm run users -- grant-clearance NAME | revoke-clearance NAME
 * npm run users -- clear-suspension NAME
 *
 * Works on the store the environment selects (MAILLON_DATA_DIR or NEO4J_URI). The
 * embedded store admits one process at a time: stop the server first, or use the
 * createUser mutation as an admin.
 */
import readline from 'node:readline';
import { generatePassword } from '../auth/passwords.ts';
import { isRole } from '../auth/viewer.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { MaillonError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import os from 'node:os';
import { AuditTrail } from '../audit/AuditTrail.ts';
import { operatorAuditEntry, setClearanceByOperator } from '../users/clearance.ts';
import { createUser, disableUser, listUsers } from '../users/accounts.ts';
import { createStore } from '../store/create-store.ts';
import { clearSuspensionFromCli } from '../users/clear-suspension.ts';
import type { GraphStore } from '../store/GraphStore.ts';

const USAGE = `Usage:
  npm run users -- add NAME --role viewer|investigator|admin [--informant-clearance] [--password P]
  npm run users -- list
  npm run users -- disable NAME
  npm run users -- grant-clearance NAME     (the operator stands for both admins; audited)
  npm run users -- revoke-clearance NAME    (takes effect at once: the user's tokens stop working)
  npm run users -- clear-suspension NAME   (audited; the way back for a suspended last admin)

A new user starts without informant clearance. Without --password, you are asked for one (on a terminal) or one is generated and shown once.`;

class UsageError extends Error {}

interface AddOptions {
  name: string;
  role: string;
  clearance: boolean;
  password: string | undefined;
}

function parseAdd(args: string[]): AddOptions {
  const options: AddOptions = { name: '', role: '', clearance: false, password: undefined };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--role') options.role = (args[++i] ?? '').toUpperCase();
    else if (arg === '--informant-clearance') options.clearance = true;
    else if (arg === '--password') options.password = args[++i];
    else if (!arg.startsWith('--') && options.name === '') options.name = arg;
    else throw new UsageError(`unknown argument ${arg}`);
  }
  if (options.name === '') throw new UsageError('add needs a user name');
  if (!isRole(options.role)) throw new UsageError('--role must be viewer, investigator or admin');
  return options;
}

/** Asks twice on a terminal without echoing; undefined when stdin is not a terminal. */
async function promptPassword(): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        write.call(rl, s.startsWith(question) ? question : '');
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password (empty to generate one): ');
  if (first === '') return undefined;
  if ((await ask('Repeat it: ')) !== first) throw new UsageError('the two passwords differ');
  return first;
}

const logger = createLogger('maillon-users');
/** Changes made here are audited like the mutations that make them. */
const trailOf = (store: GraphStore): AuditTrail => new AuditTrail({ store, logger });

async function add(store: GraphStore, args: string[]): Promise<void> {
  const options = parseAdd(args);
  const typed = options.password ?? (await promptPassword());
  const password = typed ?? generatePassword();
  const user = await createUser(store, {
    username: options.name,
    password,
    role: isRole(options.role) ? options.role : 'VIEWER',
    informantClearance: false,
  });
  console.log(`Created ${user.username} (${user.role}).`);
  if (options.clearance) await changeClearance(store, user.username, true);
  if (typed === undefined) console.log(`Generated password, shown once: ${password}`);
}

/** Grants or revokes with the operator's name in the audit trail, before the change is reported. */
async function changeClearance(store: GraphStore, username: string, informantClearance: boolean): Promise<void> {
  const operator = os.userInfo().username;
  const { user, change } = await setClearanceByOperator(store, username, informantClearance, operator);
  await trailOf(store).record(operatorAuditEntry(change, operator));
  console.log(
    informantClearance
      ? `Granted informant clearance to ${user.username} (audited as cli:${operator}).`
      : `Revoked informant clearance from ${user.username} (audited as cli:${operator}); their tokens stop working at once.`,
  );
}

async function run(store: GraphStore, command: string | undefined, args: string[]): Promise<void> {
  switch (command) {
    case 'add':
      return add(store, args);
    case 'list':
      for (const u of await listUsers(store)) {
        const flags = [u.informantClearance ? 'informant clearance' : '', u.disabled ? 'DISABLED' : ''].filter(Boolean);
        console.log(`${u.username.padEnd(24)} ${u.role.padEnd(13)} ${flags.join(', ')}`);
      }
      return;
    case 'disable': {
      if (!args[0]) throw new UsageError('disable needs a user name');
      const user = await disableUser(store, args[0]);
      console.log(`Disabled ${user.username}; their tokens stop working at once.`);
      return;
    }
    case 'grant-clearance':
    case 'revoke-clearance':
      if (!args[0]) throw new UsageError(`${command} needs a user name`);
      return changeClearance(store, args[0], command === 'grant-clearance');
    case 'clear-suspension': {
      if (!args[0]) throw new UsageError('clear-suspension needs a user name');
      const lifted = await clearSuspensionFromCli({ store, trail: trailOf(store) }, args[0]);
      console.log(lifted ? `Cleared the suspension of ${args[0]}.` : `${args[0]} was not suspended.`);
      return;
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'missing command');
  }
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 1 : 0;
  }
  let store: GraphStore | undefined;
  try {
    store = await createStore(loadConfig(), logger);
    await run(store, command, args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof ConfigError || error instanceof MaillonError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await store?.close();
  }
}

process.exitCode = await main();
