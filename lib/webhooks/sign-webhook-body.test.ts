import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildWebhookRequest } from "@/lib/webhooks/build-webhook-request";
import { generateWebhookSecret, signWebhookBody, verifyWebhookSignature } from "@/lib/webhooks/sign-webhook-body";

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
      text: "héllo 👋 \u2028 \"quoted\" </script>",
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
