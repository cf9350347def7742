import { describe, expect, it } from 'vitest';
import { chooseLogFormat, formatLogLine } from './logger.ts';

describe('log format', () => {
  it('is readable on a terminal and JSON lines elsewhere', () => {
    expect(chooseLogFormat({ isTTY: true }, {})).toBe('pretty');
    expect(chooseLogFormat({ isTTY: false }, {})).toBe('json');
    expect(chooseLogFormat({}, {})).toBe('json');
  });

  it('follows LOG_FORMAT over the guess', () => {
    expect(chooseLogFormat({ isTTY: true }, { LOG_FORMAT: 'json' })).toBe('json');
    expect(chooseLogFormat({ isTTY: false }, { LOG_FORMAT: 'pretty' })).toBe('pretty');
  });

  it('prints a pino line as level, name, message and its fields', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 0, 2, 3, 4, 5),
      pid: 1,
      hostname: 'h',
      name: 'maillon',
      msg: 'created the first admin',
      username: 'admin',
    });
    expect(formatLogLine(line)).toBe('03:04:05 INFO  maillon: created the first admin username=admin');
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(formatLogLine('not json')).toBe('not json');
  });
});
