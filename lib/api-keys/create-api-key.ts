import "server-only";
import { generateApiKey, hashApiKey } from "@/lib/api-keys/api-key-format";
import type { Caller } from "@/lib/auth/caller";
import { notifyCallerChanged } from "@/lib/realtime/notify-caller-changed";
import { db } from "@/lib/server/runtime";
import { recordAudit } from "@/lib/audit/record-audit";

/** A new key for the caller; any previous key stops working in the same transaction. */
export async function createApiKey(caller: Caller): Promise<{ apiKey: string }> {
  const apiKey = generateApiKey();
  await db().$transaction([
    db().apiKey.deleteMany({ where: { userId: caller.id, isDefault: true } }),
    db().apiKey.create({ data: { userId: caller.id, keyHash: hashApiKey(apiKey), last4: apiKey.slice(-4) } }),
  ]);
  // Sockets opened with the previous key are disconnected.
  await notifyCallerChanged(caller.id);
  await recordAudit({
    actor: caller,
    ownerId: caller.tenantId,
    action: "api_key.created",
    target: { type: "api_key", id: caller.id, name: `…${apiKey.slice(-4)}` },
  });
  return { apiKey };
}
