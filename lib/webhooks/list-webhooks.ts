import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { toPublicWebhook, WEBHOOK_SELECT } from "@/lib/webhooks/public-webhook";
import { webhookScope } from "@/lib/webhooks/webhook-scope";

export type DeliveryCounts = { PENDING: number; DELIVERED: number; FAILED: number; DEAD: number };

/** The caller's webhooks (Ultimate WhatsApp Gateway's list), each with how many of its deliveries are in each state. */
export async function listWebhooks(caller: Caller) {
  const rows = await db().webhook.findMany({ where: webhookScope(caller), orderBy: { createdAt: "asc" }, select: WEBHOOK_SELECT });
  const counts = rows.length
    ? await db().webhookDelivery.groupBy({ by: ["webhookId", "status"], where: { webhookId: { in: rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  return rows.map((row) => {
    const deliveries: DeliveryCounts = { PENDING: 0, DELIVERED: 0, FAILED: 0, DEAD: 0 };
    for (const c of counts) if (c.webhookId === row.id) deliveries[c.status] = c._count._all;
    return { ...toPublicWebhook(row), deliveries };
  });
}
