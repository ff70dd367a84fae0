// Runs before lib/env.ts is first read. A new user's `npm start` must work without writing any
// configuration, so secrets that are not configured are generated once and kept (mode 0600) under
// DATA_DIR: cookies and encrypted credentials then survive restarts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const GENERATED = ["AUTH_SECRET", "APP_SECRET"] as const;

export function ensureSecrets(): void {
  const missing = GENERATED.filter((name) => !process.env[name]);
  if (missing.length === 0) return;
  const dataDir = path.resolve(process.env.DATA_DIR || "./data");
  const file = path.join(dataDir, "secrets.json");
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  let changed = false;
  for (const name of missing) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString("base64url");
      changed = true;
    }
    process.env[name] = stored[name];
  }
  if (changed) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
}

export function loadDotEnv(): void {
  // Node's own loader: variables already set in the environment win over the file.
  if (existsSync(".env")) process.loadEnvFile(".env");
}
