import { Writable } from 'node:stream';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export type LogFormat = 'pretty' | 'json';

/**
 * A person reading a terminal gets one readable line per event; anything else (a file, a
 * collector, a pipe) gets pino's JSON lines, which tools parse. LOG_FORMAT overrides the guess.
 */
export function chooseLogFormat(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): LogFormat {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty') return env.LOG_FORMAT;
  return stream.isTTY === true ? 'pretty' : 'json';
}

const LEVEL_NAMES: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const BOOKKEEPING = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg']);

/** One pino JSON line as `HH:MM:SS LEVEL name: message key=value…`. */
export function formatLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 19) : '';
  const level = LEVEL_NAMES[Number(entry.level)] ?? String(entry.level);
  const fields = Object.entries(entry)
    .filter(([key]) => !BOOKKEEPING.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const name = typeof entry.name === 'string' ? `${entry.name}: ` : '';
  return [`${time} ${level.padEnd(5)} ${name}${String(entry.msg ?? '')}`, ...fields].join(' ');
}

function prettyStderr(): DestinationStream {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      const lines = chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== '');
      process.stderr.write(lines.map((line) => `${formatLogLine(line)}\n`).join(''));
      done();
    },
  });
}

/** Logs on stderr so that stdout stays free for CLI output. Level from LOG_LEVEL. */
export function createLogger(name: string): Logger {
  const options = { name, level: process.env.LOG_LEVEL ?? 'info' };
  return chooseLogFormat(process.stderr) === 'pretty'
    ? pino(options, prettyStderr())
    : pino(options, pino.destination(2));
}
