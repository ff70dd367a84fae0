import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { notifyCallerChanged } from "@/lib/realtime/notify-caller-changed";
import { db } from "@/lib/server/runtime";

export async function revokeApiKey(caller: Caller): Promise<{ success: true }> {
  await db().apiKey.deleteMany({ where: { userId: caller.id, isDefault: true } });
  // Sockets opened with the key are disconnected, not left streaming.
  await notifyCallerChanged(caller.id);
  return { success: true };
}
