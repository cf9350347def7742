// A real Neo4j Community on 127.0.0.1 without Docker: Maven resolves the jars (cached under
// .neo4j/, git-ignored), Java runs scripts/neo4j/Launcher.java as a single-file program.
// Used by `npm run neo4j:start` / `neo4j:stop` and by the Neo4j test tier.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const projectRoot = resolve(here, '..', '..');
export const cacheDir = join(projectRoot, '.neo4j');
const pom = join(here, 'pom.xml');
const launcher = join(here, 'Launcher.java');
const classpathFile = join(cacheDir, 'classpath.txt');
const apocPom = join(here, 'apoc', 'pom.xml');
const apocClasspathFile = join(cacheDir, 'apoc-classpath.txt');

/** The java command: JAVA_HOME's if set, else the one on PATH; undefined when there is none. */
export function findJava() {
  const candidates = [process.env.JAVA_HOME && join(process.env.JAVA_HOME, 'bin', 'java'), 'java'];
  for (const java of candidates.filter(Boolean)) {
    const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
    if (probe.status !== 0) continue;
    const version = /version "(\d+)/.exec(probe.stderr ?? '')?.[1];
    if (version && Number(version) >= 17) return java;
  }
  return undefined;
}

/** Resolves Neo4j's jars with Maven once (into .neo4j/m2) and returns the classpath. */
export function resolveClasspath({ log = () => {} } = {}) {
  return mavenClasspath(pom, classpathFile, () =>
    log('Resolving Neo4j Community with Maven (first run only, about 130 MB)...'),
  );
}

/**
 * APOC core and the libraries it needs (apoc/pom.xml), resolved like Neo4j; for the test tier
 * only. Libraries Neo4j's own classpath already has (in whatever version) are left out: two
 * versions of one library on a classpath is a lottery.
 */
export function resolveApocJars({ log = () => {} } = {}) {
  const provided = new Set(resolveClasspath({ log }).split(':').map(artifactOf));
  const apoc = mavenClasspath(apocPom, apocClasspathFile, () =>
    log('Resolving APOC core with Maven (first run only)...'),
  );
  return apoc.split(':').filter((jar) => jar && !provided.has(artifactOf(jar)));
}

/** A jar's group and artifact, its version left out: `<repo>/org/slf4j/slf4j-api/2.0.9/x.jar` gives `org/slf4j/slf4j-api`. */
const artifactOf = (jar) => dirname(dirname(jar));

function mavenClasspath(projectPom, outputFile, announce) {
  if (existsSync(outputFile)) {
    const cp = readFileSync(outputFile, 'utf8').trim();
    if (cp.split(':').every((jar) => existsSync(jar))) return cp;
  }
  mkdirSync(cacheDir, { recursive: true });
  announce();
  const args = ['-q', '-B', '-f', projectPom, `-Dmaven.repo.local=${join(cacheDir, 'm2')}`];
  args.push('dependency:build-classpath', `-Dmdep.outputFile=${outputFile}`);
  const mvn = spawnSync('mvn', args, { encoding: 'utf8' });
  if (mvn.error) throw new Error(`mvn could not be run (${mvn.error.message}): install Maven`);
  if (mvn.status !== 0) {
    throw new Error(`mvn ${args.join(' ')} failed:\n${(mvn.stdout + mvn.stderr).trim()}`);
  }
  return readFileSync(outputFile, 'utf8').trim();
}

/**
 * Neo4j finds procedures in the plugins folder of its home only, and APOC's extensions (its
 * configuration, which every APOC procedure needs) on the classpath only: a Neo4j server puts
 * plugins/* on its classpath for that reason. So the jars go to both: linked into plugins from the
 * Maven cache (again on a restart of the same home), and returned for the classpath.
 */
function linkApoc(home, log) {
  const plugins = join(home, 'plugins');
  rmSync(plugins, { recursive: true, force: true });
  mkdirSync(plugins, { recursive: true });
  const jars = resolveApocJars({ log });
  for (const jar of jars) symlinkSync(jar, join(plugins, basename(jar)));
  return jars;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts Neo4j with its store under `home` and resolves once Bolt answers with the password.
 * `port` and `password` default to a free port and a generated password; giving the ones of an
 * earlier start brings the same database back where its clients expect it (the outage tests).
 * `detached` lets it outlive this process (neo4j:start); otherwise it is a child that dies with
 * us. `apoc` installs APOC core (test tier only: real APOC exports), with `apoc.*` unrestricted
 * as APOC's installation guide asks. Returns the connection settings, the pid and a stop function.
 */
export async function startNeo4j({
  home,
  port: wantedPort,
  password: wantedPassword,
  detached = false,
  apoc = false,
  timeoutMs = 180_000,
  log = () => {},
}) {
  const java = findJava();
  if (!java) throw new Error('Java 17 or newer is needed to run Neo4j: none found (JAVA_HOME, PATH)');
  const classpath = resolveClasspath({ log });
  const port = wantedPort ?? (await freePort());
  const password = wantedPassword ?? randomBytes(18).toString('base64url');
  mkdirSync(home, { recursive: true });
  const plugins = apoc ? linkApoc(home, log) : [];
  // With hadoop-common on the classpath (Neo4j ships it for neo4j-admin's Parquet import, without
  // the libraries it needs), APOC takes HDFS for available and every export then failed with
  // ClassNotFoundException (com.ctc.wstx.io.InputBootstrapper, ...). The database never uses it.
  const jars = classpath.split(':').filter((jar) => !(apoc && jar.includes('/org/apache/hadoop/')));
  const logFile = join(home, 'launcher.log');
  const out = openSync(logFile, 'w');
  const heap = process.env.MAILLON_NEO4J_HEAP ?? '1g';
  const child = spawn(
    java,
    [
      `-Xmx${heap}`,
      '-XX:+UseParallelGC',
      '-cp',
      [...jars, ...plugins].join(':'),
      launcher,
      home,
      String(port),
      password,
    ],
    {
      detached,
      stdio: ['ignore', out, out],
      env: { ...process.env, CLASSPATH: '', MAILLON_NEO4J_UNRESTRICTED: apoc ? 'apoc.*' : '' },
    },
  );
  closeSync(out);
  if (detached) child.unref();
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await Promise.race([exited, sleep(250).then(() => undefined)]);
    if (state) {
      throw new Error(`Neo4j exited (${state.signal ?? state.code}) before it was ready:\n${tail(logFile)}`);
    }
    if (readFileSync(logFile, 'utf8').includes('READY ')) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Neo4j did not answer within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
    }
  }
  const settings = { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password };
  return {
    ...settings,
    pid: child.pid,
    home,
    logFile,
    exited,
    stop: () => stopPid(child.pid),
  };
}

/** SIGTERM (a clean shutdown), SIGKILL after the grace period. Resolves once the process is gone. */
export async function stopPid(pid, graceMs = 30_000) {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  while (alive(pid)) await sleep(100);
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function writeJson(file, value) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n', { mode: 0o600 });
}

function tail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
