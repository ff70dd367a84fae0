// The webhook shapes the dashboard gets from the server (dates as strings once serialised).
import type { PublicWebhook } from "@/lib/webhooks/public-webhook";
import type { DeliveryCounts } from "@/lib/webhooks/list-webhooks";

type Serialised<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export type WebhookView = Serialised<PublicWebhook> & { deliveries: DeliveryCounts };

export interface SessionOption {
  sessionId: string;
  name: string;
}

export interface AttemptView {
  id: string;
  statusCode: number | null;
  latencyMs: number;
  responseSnippet: string | null;
  error: string | null;
  createdAt: string;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  event: string;
  sessionId: string;
  status: "PENDING" | "DELIVERED" | "FAILED" | "DEAD";
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  attemptLog: AttemptView[];
}

export const STATUS_TONE = { PENDING: "blue", DELIVERED: "green", FAILED: "amber", DEAD: "red" } as const;
