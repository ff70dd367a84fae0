// Ultimate WhatsApp Gateway's webhook shape. The secret is write-only: answers say `hasSecret`, and the secret itself
// is only shown by GET /api/webhooks/[id]/secret.
import type { WebhookOrigin } from "@/lib/webhooks/webhooks.schema";

export const WEBHOOK_SELECT = {
  id: true,
  ownerId: true,
  name: true,
  url: true,
  secret: true,
  events: true,
  isActive: true,
  replyEnabled: true,
  origin: true,
  createdAt: true,
  updatedAt: true,
  session: { select: { id: true, sessionId: true, name: true } },
} as const;

export interface WebhookRow {
  id: string;
  ownerId: string;
  name: string;
  url: string;
  secret: Uint8Array | null;
  events: string[];
  isActive: boolean;
  replyEnabled: boolean;
  origin: string;
  createdAt: Date;
  updatedAt: Date;
  session: { id: string; sessionId: string; name: string } | null;
}

export function toPublicWebhook(row: WebhookRow) {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    hasSecret: row.secret !== null,
    sessionId: row.session?.sessionId ?? null,
    sessionName: row.session?.name ?? null,
    events: row.events,
    isActive: row.isActive,
    replyEnabled: row.replyEnabled,
    origin: row.origin as WebhookOrigin,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type PublicWebhook = ReturnType<typeof toPublicWebhook>;
