/**
 * Configuration from the environment, validated once at startup. An invalid value
 * stops the server with one message naming every bad variable, rather than failing
 * later in some request.
 */
import path from 'node:path';
import { z } from 'zod';

type NodeEnv = 'development' | 'production' | 'test';
type SeedMode = 'demo' | 'none';

interface Neo4jConfig {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** What to load into an empty store at startup. */
  readonly seed: SeedMode;
  /** Set when NEO4J_URI is: the server then uses Neo4j instead of the embedded store. */
  readonly neo4j: Neo4jConfig | undefined;
  readonly adminPassword: string | undefined;
  /** From MAILLON_JWT_SECRET; when absent a secret is generated and kept under dataDir. */
  readonly jwtSecret: string | undefined;
  readonly tokenTtlSeconds: number;
  readonly nodeEnv: NodeEnv;
  readonly queryTimeoutMs: number;
  readonly maxBodyBytes: number;
  readonly kuzuMemoryLimitMb: number;
  readonly shutdownGraceMs: number;
  /** Behind one reverse proxy: take the client address from the entry it appends to X-Forwarded-For. */
  readonly trustProxy: boolean;
  /** Entities no legitimate work touches (MAILLON_CANARY_IDS, comma-separated): any read raises an alert. */
  readonly canaryIds: readonly string[];
  /** GraphQL requests per minute per user (MAILLON_RATE_LIMIT), counted in the database across servers. */
  readonly rateLimitPerMinute: number;
  /** Refusals before execution per client address and minute recorded one by one (MAILLON_REFUSAL_LIMIT); then 429. */
  readonly refusalLimitPerMinute: number;
  /** Nodes and relationships one exportCypher answer may hold (MAILLON_EXPORT_LIMIT); `npm run export` has no cap. */
  readonly exportLimit: number;
  /** Relationships of one type a red-flag answer reads at most (MAILLON_RED_FLAG_SCAN_LIMIT); past it, LIMIT_EXCEEDED. */
  readonly redFlagScanLimit: number;
  /** How often the red-flag book compares its counts with the graph's, to see other servers' writes (MAILLON_RED_FLAG_RECHECK_MS). */
  readonly redFlagRecheckMs: number;
  /** Pause after each type the background red-flag computation reads (MAILLON_RED_FLAG_SCAN_PAUSE_MS). */
  readonly redFlagScanPauseMs: number;
  /** Distinct persons per user and hour, per role: above `alert` an alert, above `suspend` a suspension. */
  readonly readThresholds: Readonly<Record<'VIEWER' | 'INVESTIGATOR' | 'ADMIN', ReadThresholds>>;
}

interface ReadThresholds {
  readonly alert: number;
  readonly suspend: number;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

const DURATION = /^(\d+)\s*(s|m|h|d)?$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "900", "90s", "30m", "8h", "1d" -> seconds. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_SECONDS[match[2] ?? 's'] ?? 1);
}

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === '' ? undefined : s));

const range = (min: number, max: number) => `must be a whole number between ${min} and ${max}`;

const intVar = (fallback: number, min: number, max: number) =>
  optionalText
    .pipe(
      z
        .string()
        .regex(/^\d+$/, range(min, max))
        .transform(Number)
        .pipe(z.number().int().min(min, range(min, max)).max(max, range(min, max)))
        .optional(),
    )
    .transform((n) => n ?? fallback);

const THRESHOLDS_MESSAGE = 'must be ALERT/SUSPEND, two whole numbers with ALERT below SUSPEND, e.g. 50/200';

/** MAILLON_READ_LIMIT_<ROLE>=ALERT/SUSPEND. */
const thresholdsVar = optionalText
  .pipe(
    z
      .string()
      .regex(/^\d+\/\d+$/, THRESHOLDS_MESSAGE)
      .transform((text): ReadThresholds => {
        const [alert, suspend] = text.split('/').map(Number);
        return { alert: alert ?? 0, suspend: suspend ?? 0 };
      })
      .refine((t) => t.alert >= 1 && t.alert < t.suspend && t.suspend <= 1_000_000, THRESHOLDS_MESSAGE)
      .optional(),
  )
  .transform((t) => t ?? { alert: 50, suspend: 200 });

const envSchema = z.object({
  PORT: intVar(4000, 0, 65_535),
  HOST: optionalText,
  MAILLON_DATA_DIR: optionalText,
  MAILLON_SEED: optionalText.pipe(z.enum(['demo', 'none'], { message: "must be 'demo' or 'none'" }).optional()),
  NEO4J_URI: optionalText.pipe(
    z
      .string()
      .regex(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/\S+$/, 'must be a neo4j:// or bolt:// URI')
      .optional(),
  ),
  NEO4J_USER: optionalText,
  NEO4J_PASSWORD: optionalText,
  NEO4J_DATABASE: optionalText,
  MAILLON_ADMIN_PASSWORD: optionalText.pipe(z.string().min(8, 'must be at least 8 characters long').optional()),
  MAILLON_JWT_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters long').optional()),
  MAILLON_TOKEN_TTL: optionalText.pipe(
    z
      .string()
      .refine((s) => {
        const seconds = parseDuration(s);
        return seconds !== undefined && seconds >= 60 && seconds <= 86_400;
      }, 'must be a duration between 1m and 24h, e.g. 900s, 30m or 8h')
      .optional(),
  ),
  NODE_ENV: optionalText.pipe(
    z
      .enum(['development', 'production', 'test'], { message: "must be 'development', 'production' or 'test'" })
      .optional(),
  ),
  MAILLON_QUERY_TIMEOUT_MS: intVar(10_000, 100, 600_000),
  MAILLON_MAX_BODY_BYTES: intVar(5 * 1_048_576, 1024, 64 * 1_048_576),
  MAILLON_KUZU_MEMORY_MB: intVar(2048, 256, 65_536),
  MAILLON_SHUTDOWN_GRACE_MS: intVar(10_000, 0, 120_000),
  MAILLON_TRUST_PROXY: optionalText.pipe(
    z.enum(['true', 'false'], { message: "must be 'true' or 'false'" }).optional(),
  ),
  MAILLON_CANARY_IDS: optionalText,
  MAILLON_RATE_LIMIT: intVar(600, 1, 1_000_000),
  MAILLON_REFUSAL_LIMIT: intVar(60, 1, 1_000_000),
  MAILLON_EXPORT_LIMIT: intVar(10_000, 1, 1_000_000),
  MAILLON_RED_FLAG_SCAN_LIMIT: intVar(5_000_000, 1, 100_000_000),
  MAILLON_RED_FLAG_RECHECK_MS: intVar(300_000, 1_000, 86_400_000),
  MAILLON_RED_FLAG_SCAN_PAUSE_MS: intVar(0, 0, 600_000),
  MAILLON_READ_LIMIT_VIEWER: thresholdsVar,
  MAILLON_READ_LIMIT_INVESTIGATOR: thresholdsVar,
  MAILLON_READ_LIMIT_ADMIN: thresholdsVar,
});

/** Reads and checks the environment; throws a ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const v = parsed.data;
  const problems: string[] = [];
  if (v.NEO4J_URI && (!v.NEO4J_USER || !v.NEO4J_PASSWORD)) {
    problems.push('NEO4J_USER and NEO4J_PASSWORD: both are required when NEO4J_URI is set');
  }
  if (!v.NEO4J_URI && (v.NEO4J_USER || v.NEO4J_PASSWORD || v.NEO4J_DATABASE)) {
    problems.push('NEO4J_URI: required when NEO4J_USER, NEO4J_PASSWORD or NEO4J_DATABASE is set');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const neo4j =
    v.NEO4J_URI && v.NEO4J_USER && v.NEO4J_PASSWORD
      ? { uri: v.NEO4J_URI, user: v.NEO4J_USER, password: v.NEO4J_PASSWORD, database: v.NEO4J_DATABASE ?? 'neo4j' }
      : undefined;
  return {
    port: v.PORT,
    host: v.HOST ?? '0.0.0.0',
    dataDir: path.resolve(v.MAILLON_DATA_DIR ?? './data'),
    // Demo data goes into the embedded store by default; into Neo4j only when asked for explicitly.
    seed: v.MAILLON_SEED ?? (neo4j ? 'none' : 'demo'),
    neo4j,
    adminPassword: v.MAILLON_ADMIN_PASSWORD,
    jwtSecret: v.MAILLON_JWT_SECRET,
    tokenTtlSeconds: v.MAILLON_TOKEN_TTL ? (parseDuration(v.MAILLON_TOKEN_TTL) ?? 1800) : 1800,
    nodeEnv: v.NODE_ENV ?? 'development',
    queryTimeoutMs: v.MAILLON_QUERY_TIMEOUT_MS,
    maxBodyBytes: v.MAILLON_MAX_BODY_BYTES,
    kuzuMemoryLimitMb: v.MAILLON_KUZU_MEMORY_MB,
    shutdownGraceMs: v.MAILLON_SHUTDOWN_GRACE_MS,
    trustProxy: v.MAILLON_TRUST_PROXY === 'true',
    canaryIds: (v.MAILLON_CANARY_IDS ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
    rateLimitPerMinute: v.MAILLON_RATE_LIMIT,
    refusalLimitPerMinute: v.MAILLON_REFUSAL_LIMIT,
    exportLimit: v.MAILLON_EXPORT_LIMIT,
    redFlagScanLimit: v.MAILLON_RED_FLAG_SCAN_LIMIT,
    redFlagRecheckMs: v.MAILLON_RED_FLAG_RECHECK_MS,
    redFlagScanPauseMs: v.MAILLON_RED_FLAG_SCAN_PAUSE_MS,
    readThresholds: {
      VIEWER: v.MAILLON_READ_LIMIT_VIEWER,
      INVESTIGATOR: v.MAILLON_READ_LIMIT_INVESTIGATOR,
      ADMIN: v.MAILLON_READ_LIMIT_ADMIN,
    },
  };
}
