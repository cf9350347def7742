/**
 * docker-compose.yml cannot run here (no Docker engine), so its wiring is checked
 * by reading it: the app waits for a healthy Neo4j, reaches it under the names the
 * server's own config parser reads, publishes port 4000 and keeps data in volumes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../server/src/config.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string): string => readFileSync(`${root}${file}`, 'utf8');

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => {
  expect(value, 'expected a mapping').toBeTypeOf('object');
  return value as Json;
};

const compose = asObject(parse(read('docker-compose.yml')));
const services = asObject(compose.services);
const neo4j = asObject(services.neo4j);
const app = asObject(services.app);

/** Compose's `${VAR:-default}` / `${VAR}` interpolation, with no variable set (the documented defaults). */
function interpolate(value: unknown, env: Record<string, string> = {}): string {
  return String(value).replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_m, name: string, fallback?: string) => {
    const set = env[name];
    return set !== undefined && set !== '' ? set : (fallback ?? '');
  });
}

function environment(service: Json): Record<string, string> {
  const env = service.environment;
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((line) => String(line).split(/=(.*)/s).slice(0, 2) as [string, string]));
  }
  return Object.fromEntries(Object.entries(asObject(env)).map(([k, v]) => [k, interpolate(v)]));
}

describe('docker-compose.yml', () => {
  it('runs Neo4j 5 community with a healthcheck that asks Bolt, and its data in a named volume', () => {
    expect(String(neo4j.image)).toMatch(/^neo4j:5(\.\d+)*-community$/);
    const test = asObject(neo4j.healthcheck).test;
    expect(JSON.stringify(test)).toMatch(/cypher-shell|wget|curl/);
    const volumes = (neo4j.volumes as unknown[]).map(String);
    const named = volumes.find((v) => v.endsWith(':/data'))?.split(':')[0] ?? '';
    expect(Object.keys(asObject(compose.volumes))).toContain(named);
  });

  it('sets Neo4j credentials from the environment, with a default Neo4j accepts', () => {
    const auth = asObject(neo4j.environment).NEO4J_AUTH;
    expect(String(auth)).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:-.+\}$/);
    expect(interpolate(auth).split('/')[1]?.length).toBeGreaterThanOrEqual(8);
    expect(interpolate(auth, { NEO4J_PASSWORD: 'from-the-env' })).toBe('neo4j/from-the-env');
    // The image turns every other NEO4J_* variable into a server setting.
    expect(Object.keys(asObject(neo4j.environment))).toEqual(['NEO4J_AUTH']);
  });

  it('starts the app only once Neo4j is healthy', () => {
    expect(asObject(asObject(app.depends_on).neo4j).condition).toBe('service_healthy');
  });

  it('gives the app an environment that the server config reads as Neo4j on the neo4j service', () => {
    const env = environment(app);
    const config = loadConfig(env);
    const password = interpolate(asObject(neo4j.environment).NEO4J_AUTH).split('/')[1];
    expect(config.neo4j).toEqual({ uri: 'bolt://neo4j:7687', user: 'neo4j', password, database: 'neo4j' });
    expect(config.port).toBe(4000);
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['MAILLON_ADMIN_PASSWORD', 'MAILLON_SEED']));
    expect(config.seed).toBe('demo');
  });

  it('publishes port 4000 and keeps the app data (generated secrets) in a named volume', () => {
    expect((app.ports as unknown[]).map(String)).toContain('4000:4000');
    const volumes = (app.volumes as unknown[]).map(String);
    const named = volumes.find((v) => v.endsWith(':/app/data'))?.split(':')[0] ?? '';
    expect(Object.keys(asObject(compose.volumes))).toContain(named);
  });

  it('documents how to load the demo data with the import CLI', () => {
    const text = read('docker-compose.yml');
    expect(text).toContain('docker compose run --rm app');
    expect(text).toContain('npm run import -- "$f"');
    expect(existsSync(`${root}cypher/seed`)).toBe(true);
    expect(asObject(asObject(JSON.parse(read('package.json'))).scripts).import).toBeTruthy();
  });
});

describe('Dockerfile', () => {
  it('builds the app on Node 20 with npm ci, builds the client and runs npm start', () => {
    // Built from the repository root, where the Dockerfile is.
    expect(app.build).toBe('.');
    expect(existsSync(`${root}Dockerfile`)).toBe(true);
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^FROM node:20\b/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^RUN npm run build\b/m);
    expect(dockerfile).toMatch(/^CMD \["npm", "start"\]/m);
    expect(dockerfile).toMatch(/^EXPOSE 4000$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('keeps host node_modules and data out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', 'data', '.git']));
  });
});
