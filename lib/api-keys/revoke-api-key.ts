import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { notifyCallerChanged } from "@/lib/realtime/notify-caller-changed";
import { db } from "@/lib/server/runtime";
import { recordAudit } from "@/lib/audit/record-audit";

export async function revokeApiKey(caller: Caller): Promise<{ success: true }> {
  const { count } = await db().apiKey.deleteMany({ where: { userId: caller.id, isDefault: true } });
  // Sockets opened with the key are disconnected, not left streaming.
  await notifyCallerChanged(caller.id);
  if (count > 0) await recordAudit({ actor: caller, ownerId: caller.tenantId, action: "api_key.revoked", target: { type: "api_key", id: caller.id } });
  return { success: true };
}
