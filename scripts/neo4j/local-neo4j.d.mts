// Types of local-neo4j.mjs, for the TypeScript tests that start their own Neo4j.

export declare const projectRoot: string;
export declare const cacheDir: string;

export interface StartNeo4jOptions {
  /** Folder of the store and of launcher.log; reused as is by a restart. */
  readonly home: string;
  /** Defaults to a free port. */
  readonly port?: number;
  /** Defaults to a generated one. */
  readonly password?: string;
  readonly detached?: boolean;
  /** Installs APOC core in the plugins folder (the test tier's real APOC exports). */
  readonly apoc?: boolean;
  readonly timeoutMs?: number;
  readonly log?: (message: string) => void;
}

export interface RunningNeo4j {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly pid: number;
  readonly home: string;
  readonly logFile: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export declare function findJava(): string | undefined;
export declare function resolveClasspath(options?: { log?: (message: string) => void }): string;
export declare function resolveApocJars(options?: { log?: (message: string) => void }): string[];
export declare function freePort(): Promise<number>;
export declare function startNeo4j(options: StartNeo4jOptions): Promise<RunningNeo4j>;
export declare function stopPid(pid: number, graceMs?: number): Promise<void>;
export declare function alive(pid: number): boolean;
export declare function writeJson(file: string, value: unknown): void;
