// One logger for the process. Secrets never reach the log: any field with one of these names is
// replaced wherever it appears in a logged object.
import pino from "pino";

const REDACT = [
  "password",
  "passwordHash",
  "apiKey",
  "secret",
  "token",
  "authorization",
  "cookie",
  "*.password",
  "*.passwordHash",
  "*.apiKey",
  "*.secret",
  "*.token",
  "*.authorization",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
  'headers["x-api-key"]',
];

const globalForLogger = globalThis as unknown as { __wagateLogger?: pino.Logger };

export const logger: pino.Logger = (globalForLogger.__wagateLogger ??= pino({
  // The logger is created before env parsing can run (env errors must be loggable).
  level: process.env.LOG_LEVEL ?? "info",
  redact: { paths: REDACT, censor: "[redacted]" },
  base: undefined,
}));
