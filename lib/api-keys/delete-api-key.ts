import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors/app-error";
import { notifyCallerChanged } from "@/lib/realtime/notify-caller-changed";
import { db } from "@/lib/server/runtime";

/** Revokes one of the caller's keys (the default one too); sockets opened with it are disconnected. */
export async function deleteApiKey(caller: Caller, id: string): Promise<{ success: true }> {
  const { count } = await db().apiKey.deleteMany({ where: { id, userId: caller.id } });
  if (count === 0) throw notFound("API key");
  await notifyCallerChanged(caller.id);
  return { success: true };
}
