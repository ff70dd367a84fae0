// The signatures receivers check, both keyed with the webhook's secret exactly as stored (its UTF-8
// bytes, `whsec_` prefix included):
// - Ultimate WhatsApp Gateway's `X-Webhook-Signature: sha256=` + hex HMAC-SHA256 of the exact body bytes sent. The
//   body is JSON.stringify(payload), so Ultimate WhatsApp Gateway's snippet — which re-stringifies the parsed body —
//   gets the same bytes back and verifies.
// - Standard Webhooks' `webhook-signature: v1,` + base64 HMAC-SHA256 of "{webhook-id}.{webhook-
//   timestamp}.{body}", which binds the time and the message id, so a receiver can refuse replays.
//   The Standard Webhooks libraries take the key as `whsec_` + base64 of its bytes: for a stored
//   secret S that is "whsec_" + base64(utf8(S)) (see standardWebhookSecret), or S with { format: "raw" }.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Standard Webhooks' `webhook-signature` value for one message. */
export function signStandardWebhook(id: string, timestampSeconds: number, body: string, secret: string): string {
  return `v1,${createHmac("sha256", secret).update(`${id}.${timestampSeconds}.${body}`).digest("base64")}`;
}

/** The stored secret in the form Standard Webhooks libraries expect (`new Webhook(...)`). */
export function standardWebhookSecret(secret: string): string {
  return `whsec_${Buffer.from(secret, "utf8").toString("base64")}`;
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
