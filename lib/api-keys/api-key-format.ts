import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "wag_";

/** `wag_` + 32 url-safe characters: 192 random bits. */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(24).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function maskApiKey(last4: string): string {
  return `${API_KEY_PREFIX}…${last4}`;
}
