import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { buildWebhookRequest } from "@/lib/webhooks/build-webhook-request";
import { generateWebhookSecret, signWebhookBody, standardWebhookSecret, verifyWebhookSignature } from "@/lib/webhooks/sign-webhook-body";

// Ultimate WhatsApp Gateway's verification snippet, verbatim apart from the import.
function verifyWebhook(body: unknown, signature: string, secret: string) {
  const expected = "sha256=" + createHmac("sha256", secret).update(JSON.stringify(body)).digest("hex");
  return signature === expected;
}

const base = {
  eventId: "evt1",
  event: "message",
  sessionId: "abc123",
  createdAt: new Date("2026-01-10T10:30:00.000Z"),
  metadata: { userId: "u1", plan: "premium" },
  deliveryId: "dlv1",
  attempt: 1,
  now: new Date("2026-01-10T10:30:01.000Z"),
};

describe("webhook signature", () => {
  it("is sha256= and the hex HMAC of the exact body", () => {
    expect(signWebhookBody("{}", "s3cret-value")).toBe(`sha256=${createHmac("sha256", "s3cret-value").update("{}").digest("hex")}`);
  });

  it("verifies with Ultimate WhatsApp Gateway's snippet after the receiver parses the body, for awkward payloads too", () => {
    const awkward = {
      text: 'héllo 👋 \u2028 "quoted" </script>',
      numbers: [0, -1, 1.5, 1e21, 12345678901234],
      nested: { "10": "integer-like key", b: null, a: [true, false] },
      empty: {},
    };
    const req = buildWebhookRequest({ ...base, data: awkward, origin: "API", secret: "whsec_test" });
    const parsed = JSON.parse(req.body);
    expect(verifyWebhook(parsed, req.headers["X-Webhook-Signature"], "whsec_test")).toBe(true);
    expect(verifyWebhook(parsed, req.headers["X-Webhook-Signature"], "another-secret")).toBe(false);
    expect(verifyWebhookSignature(req.body, req.headers["X-Webhook-Signature"], "whsec_test")).toBe(true);
  });

  it("is absent without a secret", () => {
    const req = buildWebhookRequest({ ...base, data: {}, origin: "API", secret: null });
    expect(req.headers["X-Webhook-Signature"]).toBeUndefined();
  });

  it("generates distinct, long secrets", () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});

describe("webhook request", () => {
  it("carries Ultimate WhatsApp Gateway's payload plus id and metadata, and Chatery's headers", () => {
    const req = buildWebhookRequest({ ...base, data: { text: "Hello!" }, origin: "API", secret: null });
    expect(JSON.parse(req.body)).toEqual({
      id: "evt1",
      event: "message.received",
      sessionId: "abc123",
      timestamp: "2026-01-10T10:30:00.000Z",
      metadata: { userId: "u1", plan: "premium" },
      data: { text: "Hello!" },
    });
    expect(req.headers).toMatchObject({
      "Content-Type": "application/json",
      "X-Webhook-Event": "message.received",
      "X-Session-Id": "abc123",
      "X-Webhook-Source": "wagate",
      "X-Webhook-Id": "evt1",
      "X-Webhook-Timestamp": String(Date.parse("2026-01-10T10:30:01.000Z") / 1000),
    });
  });

  it("uses Ultimate WhatsApp Gateway names for API webhooks and the internal (Chatery) names for per-session ones", () => {
    expect(buildWebhookRequest({ ...base, event: "message.update", data: {}, origin: "API", secret: null }).eventName).toBe("message.status");
    expect(buildWebhookRequest({ ...base, event: "message", data: {}, origin: "SESSION", secret: null }).eventName).toBe("message");
    expect(buildWebhookRequest({ ...base, event: "message", data: {}, origin: "SESSION_URL", secret: null }).eventName).toBe("message");
    expect(buildWebhookRequest({ ...base, event: "connection.update", data: {}, origin: "API", secret: null }).eventName).toBe("connection.update");
  });
});

// A receiver's Standard Webhooks check written from the specification alone (README snippet):
// HMAC-SHA256 over "{id}.{timestamp}.{body}" keyed with the secret's bytes, base64, "v1," prefix,
// and a timestamp within 5 minutes.
function verifyStandardWebhook(body: string, headers: Record<string, string>, secret: string, nowSeconds: number): boolean {
  const id = headers["webhook-id"];
  const timestamp = Number(headers["webhook-timestamp"]);
  if (!id || !Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > 300) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${id}.${timestamp}.${body}`).digest("base64"));
  return (headers["webhook-signature"] ?? "").split(" ").some((entry) => {
    const [version, signature] = entry.split(",");
    const given = Buffer.from(signature ?? "");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

describe("Standard Webhooks headers", () => {
  const now = new Date();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const secret = generateWebhookSecret();

  it("carry the delivery id, the attempt's timestamp and a v1 signature an independent verifier accepts", () => {
    const req = buildWebhookRequest({ ...base, now, data: { text: "héllo 👋" }, origin: "API", secret });
    expect(req.headers["webhook-id"]).toBe("dlv1");
    expect(req.headers["webhook-timestamp"]).toBe(String(nowSeconds));
    expect(req.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verifyStandardWebhook(req.body, req.headers, secret, nowSeconds)).toBe(true);
    // Tampering with the body, the id or the time, or another secret: refused.
    expect(verifyStandardWebhook(req.body.replace("héllo", "hello"), req.headers, secret, nowSeconds)).toBe(false);
    expect(verifyStandardWebhook(req.body, { ...req.headers, "webhook-id": "dlv2" }, secret, nowSeconds)).toBe(false);
    expect(verifyStandardWebhook(req.body, { ...req.headers, "webhook-timestamp": String(nowSeconds + 1) }, secret, nowSeconds)).toBe(false);
    expect(verifyStandardWebhook(req.body, req.headers, "whsec_another", nowSeconds)).toBe(false);
    // A replay later than the tolerance is refused even with a valid signature.
    expect(verifyStandardWebhook(req.body, req.headers, secret, nowSeconds + 301)).toBe(false);
  });

  it("verify with the standardwebhooks package, with the secret in whsec_ form or as raw bytes", () => {
    const req = buildWebhookRequest({ ...base, now, data: { text: "hi" }, origin: "API", secret });
    expect(new Webhook(standardWebhookSecret(secret)).verify(req.body, req.headers)).toEqual(JSON.parse(req.body));
    expect(new Webhook(secret, { format: "raw" }).verify(req.body, req.headers)).toEqual(JSON.parse(req.body));
    expect(() => new Webhook(standardWebhookSecret("another")).verify(req.body, req.headers)).toThrow();
    // Seed 001's signature is still there and unchanged.
    expect(verifyWebhook(JSON.parse(req.body), req.headers["X-Webhook-Signature"], secret)).toBe(true);
  });

  it("are unsigned without a secret", () => {
    const req = buildWebhookRequest({ ...base, now, data: {}, origin: "API", secret: null });
    expect(req.headers["webhook-id"]).toBe("dlv1");
    expect(req.headers["webhook-signature"]).toBeUndefined();
  });
});
