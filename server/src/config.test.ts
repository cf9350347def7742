import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults for the embedded store', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, seed: 'demo', neo4j: undefined, tokenTtlSeconds: 1800 });
    expect(config.dataDir).toMatch(/data$/);
  });

  it('never seeds Neo4j unless asked', () => {
    const neo4j = { NEO4J_URI: 'neo4j://db:7687', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'pw' };
    expect(loadConfig(neo4j).seed).toBe('none');
    expect(loadConfig({ ...neo4j, MAILLON_SEED: 'demo' }).seed).toBe('demo');
    expect(loadConfig(neo4j).neo4j).toEqual({
      uri: 'neo4j://db:7687',
      user: 'neo4j',
      password: 'pw',
      database: 'neo4j',
    });
  });

  it('lists every bad variable in one error', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'eighty', MAILLON_SEED: 'all', MAILLON_TOKEN_TTL: '3 weeks', MAILLON_JWT_SECRET: 'short' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT: must be a whole number between 0 and 65535');
    expect(problems).toContain("MAILLON_SEED: must be 'demo' or 'none'");
    expect(problems).toContain('MAILLON_TOKEN_TTL');
    expect(problems).toContain('MAILLON_JWT_SECRET: must be at least 32 characters long');
  });

  it('wants Neo4j credentials with NEO4J_URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow('NEO4J_USER and NEO4J_PASSWORD');
  });
});

describe('parseDuration', () => {
  it.each([
    ['900', 900],
    ['90s', 90],
    ['30m', 1800],
    ['8h', 28_800],
    ['1d', 86_400],
    ['soon', undefined],
  ])('%s -> %s', (text, seconds) => expect(parseDuration(text)).toBe(seconds));
});
