import { pino } from 'pino';
import type { Logger } from '../../server/src/logger.ts';

/** The logger tests hand to what takes one: silent unless LOG_LEVEL asks, on stderr. */
export const quietLogger: Logger = pino(
  { name: 'test', level: process.env.LOG_LEVEL ?? 'silent' },
  pino.destination(2),
);
