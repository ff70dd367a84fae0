// The POST a webhook receives for one event: Ultimate WhatsApp Gateway's payload plus the session's metadata (Chatery) and the event id, with Chatery's headers, Ultimate WhatsApp Gateway's HMAC signature and the Standard
// Webhooks headers (webhook-id, webhook-timestamp, webhook-signature). Pure.
import { apiEventName } from "@/lib/events/event-names";
import { signStandardWebhook, signWebhookBody } from "@/lib/webhooks/sign-webhook-body";
import { toClevioWebhookPayload } from "@/lib/compat/clevio/to-clevio-webhook-payload";
import type { WebhookFormat, WebhookOrigin } from "@/lib/webhooks/webhooks.schema";

export interface WebhookRequestInput {
  eventId: string;
  /** The event's place in its session's order: increases, never repeats. */
  seq?: number;
  /** The internal (Chatery) event name. */
  event: string;
  /** The session's public id. */
  sessionId: string;
  /** When the event happened. */
  createdAt: Date;
  metadata: unknown;
  data: unknown;
  origin: WebhookOrigin;
  /** "clevio": Clevio's flat message payload (lib/compat/clevio/); default: ours. */
  format?: WebhookFormat;
  /** The session's own number, for Clevio's `to`/`from`. */
  phoneNumber?: string | null;
  /** Clevio only: the incoming file, base64, when it could be read. */
  media?: { base64: string } | null;
  secret: string | null;
  deliveryId: string;
  /** 1-based number of this attempt. */
  attempt: number;
  now: Date;
}

export interface WebhookRequest {
  body: string;
  headers: Record<string, string>;
  /** The event name as this webhook sees it. */
  eventName: string;
}

/** Ultimate WhatsApp Gateway names for webhooks configured through `/api/webhooks`; internal names for Chatery / Clevio's. */
export function webhookEventName(internal: string, origin: WebhookOrigin): string {
  return origin === "API" ? apiEventName(internal) : internal;
}

/**
 * Ultimate WhatsApp Gateway documents a message's id as `data.keyId` and its WhatsApp content as
 * `data.content`; our message events call them `id` and `message`. Both are sent.
 */
function withApiMessageFields(data: unknown): unknown {
  if (!data || typeof data !== "object" || Array.isArray(data)) return data;
  const d = data as Record<string, unknown>;
  if (typeof d.id !== "string" || !d.message || typeof d.message !== "object") return data;
  return { ...d, keyId: d.keyId ?? d.id, content: d.content ?? d.message };
}

export function buildWebhookRequest(input: WebhookRequestInput): WebhookRequest {
  const eventName = webhookEventName(input.event, input.origin);
  const payload = {
    id: input.eventId,
    ...(input.seq !== undefined ? { seq: input.seq } : {}),
    event: eventName,
    sessionId: input.sessionId,
    timestamp: input.createdAt.toISOString(),
    metadata: input.metadata ?? {},
    data: withApiMessageFields(input.data ?? {}),
  };
  const shaped =
    input.format === "clevio" && input.data && typeof input.data === "object"
      ? toClevioWebhookPayload(input.data as Record<string, unknown>, { sessionId: input.sessionId, phoneNumber: input.phoneNumber }, input.media)
      : payload;
  // Exactly what Ultimate WhatsApp Gateway's verifier recomputes: JSON.stringify of the parsed body.
  const body = JSON.stringify(shaped);
  const timestamp = Math.floor(input.now.getTime() / 1000);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "User-Agent": "Wagate-Webhooks/1",
    "X-Webhook-Source": "wagate",
    "X-Webhook-Event": eventName,
    "X-Session-Id": input.sessionId,
    "X-Webhook-Id": input.eventId,
    ...(input.seq !== undefined ? { "X-Webhook-Sequence": String(input.seq) } : {}),
    "X-Webhook-Delivery": input.deliveryId,
    "X-Webhook-Attempt": String(input.attempt),
    "X-Webhook-Timestamp": String(timestamp),
    // Standard Webhooks: the id is the delivery's (one event to one webhook), the same on every
    // retry, so a receiver can drop duplicates; the timestamp is this attempt's.
    "webhook-id": input.deliveryId,
    "webhook-timestamp": String(timestamp),
  };
  if (input.secret) {
    headers["X-Webhook-Signature"] = signWebhookBody(body, input.secret);
    headers["webhook-signature"] = signStandardWebhook(input.deliveryId, timestamp, body, input.secret);
  }
  return { body, headers, eventName };
}
