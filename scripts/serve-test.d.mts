// Types of scripts/serve-test.mjs for the TypeScript tests that start gateways or databases with it.

export interface TestServerState {
  dataDir: string;
  database: { url: string; drop(): Promise<void> } | null;
}

export interface TestServer {
  baseUrl: string;
  /** The gateway's process id (benchmarks signal it for heap snapshots). */
  pid: number | undefined;
  /** The fresh database on the PostgreSQL server, or null when the gateway uses the embedded one. */
  databaseUrl: string | null;
  dataDir: string;
  /** Pass as `reuse` to start another process on the same data (a restart). */
  state: TestServerState;
  /** Everything the gateway printed so far (when started quiet). */
  output(): string;
  /** SIGKILL: a crash, nothing cleaned up. */
  kill(): Promise<void>;
  /** SIGTERM; `keep` leaves the data directory and database for a restart. */
  stop(options?: { keep?: boolean }): Promise<void>;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number>;

export function startTestServer(options?: {
  /** The port to listen on (refused when taken); without it, a free one, chosen again if taken before the gateway listens. */
  port?: number;
  env?: Record<string, string>;
  quiet?: boolean;
  reuse?: TestServerState | null;
  /** Added to the gateway's database URL (with DATABASE_URL), e.g. { connection_limit: "1" }. */
  databaseParams?: Record<string, string>;
}): Promise<TestServer>;

export function createTestDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }>;
