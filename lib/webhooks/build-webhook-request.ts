// The POST a webhook receives for one event: seed 001's payload plus the session's metadata (seed
// 003) and the event id, with seed 003's headers and the HMAC signature. Pure.
import { seed001Name } from "@/lib/events/event-names";
import { signWebhookBody } from "@/lib/webhooks/sign-webhook-body";
import type { WebhookOrigin } from "@/lib/webhooks/webhooks.schema";

export interface WebhookRequestInput {
  eventId: string;
  /** The event's place in its session's order (issue 17): increases, never repeats. */
  seq?: number;
  /** The internal (seed 003) event name. */
  event: string;
  /** The session's public id. */
  sessionId: string;
  /** When the event happened. */
  createdAt: Date;
  metadata: unknown;
  data: unknown;
  origin: WebhookOrigin;
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

/** Seed 001 names for webhooks configured through `/api/webhooks`; internal names for seed 003/000's. */
export function webhookEventName(internal: string, origin: WebhookOrigin): string {
  return origin === "API" ? seed001Name(internal) : internal;
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
    data: input.data ?? {},
  };
  // Exactly what seed 001's verifier recomputes: JSON.stringify of the parsed body.
  const body = JSON.stringify(payload);
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
    "X-Webhook-Timestamp": String(Math.floor(input.now.getTime() / 1000)),
  };
  if (input.secret) headers["X-Webhook-Signature"] = signWebhookBody(body, input.secret);
  return { body, headers, eventName };
}
