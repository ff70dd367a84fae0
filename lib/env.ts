// Every environment variable the gateway reads, parsed once. Nothing else reads process.env
// (server.ts may *set* generated secrets before this module is first imported).
import { z } from "zod";

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .optional()
    .transform((v) => (v === undefined ? fallback : ["true", "1", "yes"].includes(v)));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3030),
  HOST: z.string().default("0.0.0.0"),
  /** A PostgreSQL URL. Unset: an embedded PostgreSQL (PGlite) under DATA_DIR is started. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  /** Signs dashboard session cookies. Generated and kept under DATA_DIR when unset. */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  /** Encrypts WhatsApp credentials at rest. Generated and kept under DATA_DIR when unset. */
  APP_SECRET: z.string().min(32, "APP_SECRET must be at least 32 characters"),
  /** Public base URL, e.g. https://wa.example.com; decides whether cookies are Secure. */
  AUTH_URL: z.string().url().optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8, "ADMIN_PASSWORD must be at least 8 characters").optional(),
  ALLOW_SIGNUP: bool(true),
  /** Read the client address from X-Forwarded-For (only behind a proxy you control). */
  TRUST_PROXY: bool(false),
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** `live` connects to WhatsApp; `sandbox` to an in-process emulated WhatsApp network. */
  WA_MODE: z.enum(["live", "sandbox"]).default("live"),
  /** Baileys' own log level (it is chatty). */
  WA_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  WA_RECONNECT_INITIAL_MS: z.coerce.number().int().min(10).default(2000),
  WA_RECONNECT_MAX_MS: z.coerce.number().int().min(100).default(120_000),
  /** How often connected sessions are pinged, and how long a ping may take before ZOMBIE. */
  WA_WATCHDOG_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  WA_WATCHDOG_TIMEOUT_MS: z.coerce.number().int().min(50).default(20_000),
  /** How long POST /connect waits for a QR code or an open connection before answering. */
  WA_CONNECT_WAIT_MS: z.coerce.number().int().min(0).default(8000),
  /** Let the server fetch from private, loopback and link-local addresses (media URLs, webhooks). */
  ALLOW_PRIVATE_NETWORK_URLS: bool(false),
  // --- messaging (lib/messages, lib/media) ---
  /** Country code added to local numbers that start with 0 (Ultimate WhatsApp Gateway: 08… → 628… with 62). Empty: none. */
  DEFAULT_COUNTRY_CODE: z
    .string()
    .regex(/^\d{0,4}$/, "DEFAULT_COUNTRY_CODE must be digits")
    .default(""),
  /** Largest upload or fetched media file, in bytes (25 MB). */
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  MEDIA_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** How long an accepted send waits for its session to be connected before it fails. */
  SEND_WAIT_FOR_CONNECTION_MS: z.coerce.number().int().min(0).default(300_000),
  SEND_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  /** How long a sent message waits for Baileys' echo of it before the worker records SENT itself. */
  SEND_ECHO_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  /** Default pacing per session (each session may override): gap + random jitter, and a cap per minute. */
  PACING_MIN_GAP_MS: z.coerce.number().int().min(0).default(1500),
  PACING_JITTER_MS: z.coerce.number().int().min(0).default(1500),
  PACING_MAX_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  // --- automation (lib/autoreplies, lib/schedules) ---
  /** Incoming messages older than this get no auto-reply (history-sync replays); also the catch-up window at start. */
  AUTOREPLY_MAX_AGE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(10 * 60_000),
  /** A scheduled message whose time passed more than this long ago (the gateway was down) is FAILED, not sent. */
  SCHEDULE_MAX_LATENESS_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(60 * 60_000),
  /** How often the recurring-schedule worker looks for due firings (it also wakes at the next one). */
  SCHEDULE_POLL_MS: z.coerce.number().int().min(100).default(1000),
  // --- campaigns (lib/campaigns, lib/opt-outs) ---
  /** A campaign recipient who answers one of these words (any case) joins the owner's opt-out list. Empty: off. */
  CAMPAIGN_STOP_WORDS: z
    .string()
    .default("STOP,UNSUBSCRIBE,BERHENTI")
    .transform((v) =>
      v
        .split(",")
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  // --- webhooks (lib/webhooks) ---
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Attempts before a delivery is dead; with the default backoff they span about a day. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(15),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(10_000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).default(16),
  /** Events older than this, with nothing left to deliver, are pruned. */
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).default(14),
  /**
   * Production only: the hot path's routes (every door's send, the sandbox contact's message) are served by calling their handler
   * directly instead of through Next.js's router (lib/server/serve-route-directly.ts). Off: every
   * request goes through Next.js.
   */
  DIRECT_ROUTES: bool(true),
  /** GET /metrics accepts `Authorization: Bearer <METRICS_TOKEN>` (besides the superadmin's key); unset: only the superadmin. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** Sandbox only: the emulator's port (0 = any free port) and where its state is kept. */
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /**
   * Sandbox only, for several nodes (tests, benchmarks): connect to an emulator running in another
   * process (its ws:// URL) instead of starting one in this process, trusting its Noise root
   * (SANDBOX_EMULATOR_ROOT = "<public key, base64>:<serial>").
   */
  SANDBOX_EMULATOR_URL: z.string().url().optional(),
  SANDBOX_EMULATOR_ROOT: z
    .string()
    .regex(/^[A-Za-z0-9+/=]+:\d+$/, "SANDBOX_EMULATOR_ROOT must be <base64 public key>:<serial>")
    .optional(),
  // --- several nodes on one PostgreSQL (lib/cluster, issue 16) ---
  /** Take part in a cluster: sessions are leased to one node at a time. Needs DATABASE_URL (a real PostgreSQL). */
  CLUSTER_ENABLED: bool(false),
  /** How often a node renews its heartbeat and its sessions' leases, and looks for sessions to take over. */
  CLUSTER_HEARTBEAT_MS: z.coerce.number().int().min(100).default(5000),
  /** How long a lease lasts unrenewed; a dead node's sessions are taken over after at most this (plus a heartbeat). */
  CLUSTER_LEASE_MS: z.coerce.number().int().min(300).default(15_000),
  /** Several nodes: Socket.io's cluster adapter over Redis pub/sub instead of PostgreSQL NOTIFY. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, "REDIS_URL must be a redis:// or rediss:// URL")
    .optional(),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return result.data;
}

let parsed: Env | undefined;

/**
 * Parsed on first use rather than at import: `next build` imports route modules to analyse them,
 * and a build must not need the runtime's secrets.
 */
export const env: Env = new Proxy({} as Env, {
  get(_target, key) {
    parsed ??= parseEnv();
    return parsed[key as keyof Env];
  },
});
