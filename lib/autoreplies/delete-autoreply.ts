import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { autoReplyScope } from "@/lib/autoreplies/autoreply-scope";
import { db } from "@/lib/server/runtime";

export async function deleteAutoReply(caller: Caller, id: string) {
  const { count } = await db().autoReply.deleteMany({ where: { AND: [autoReplyScope(caller), { id }] } });
  if (count === 0) throw notFound("Auto-reply rule");
  return { success: true };
}
