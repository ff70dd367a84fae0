import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";

export async function revokeApiKey(caller: Caller): Promise<{ success: true }> {
  await db().apiKey.deleteMany({ where: { userId: caller.id, isDefault: true } });
  return { success: true };
}
