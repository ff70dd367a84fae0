// The signature receivers check: `sha256=` + hex HMAC-SHA256 of the exact body bytes sent. The body
// is JSON.stringify(payload), so Ultimate WhatsApp Gateway's snippet — which re-stringifies the parsed body — gets
// the same bytes back and verifies.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Constant-time check, for receivers written in TypeScript (and the tests). */
export function verifyWebhookSignature(body: string, signature: string, secret: string): boolean {
  const expected = Buffer.from(signWebhookBody(body, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A new secret: 32 random bytes, prefixed so it is recognisable in a config file. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
