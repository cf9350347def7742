import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logs on stderr so that stdout stays free for CLI output. Level from LOG_LEVEL. */
export function createLogger(name: string): Logger {
  return pino({ name, level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2));
}
