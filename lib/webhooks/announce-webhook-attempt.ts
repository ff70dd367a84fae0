import type { Server as SocketIOServer } from "socket.io";
import { ALL_TENANTS_MANAGE_ROOM, tenantManageRoom } from "@/lib/realtime/session-room";

/**
 * Tells the dashboards of the webhook's tenant (and superadmins) that a delivery attempt was
 * recorded, so the webhook page's counters and delivery log move without a Refresh. Only ids and
 * the new status travel: the page re-reads the details through the scoped API.
 */
export function announceWebhookAttempt(io: SocketIOServer | null, attempt: { ownerId: string; webhookId: string; deliveryId: string; status: string }) {
  if (!io) return;
  const payload = { webhookId: attempt.webhookId, deliveryId: attempt.deliveryId, status: attempt.status, timestamp: new Date().toISOString() };
  io.to(tenantManageRoom(attempt.ownerId)).to(ALL_TENANTS_MANAGE_ROOM).emit("webhook.delivery", payload);
}
