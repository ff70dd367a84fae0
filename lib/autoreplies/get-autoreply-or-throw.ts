import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { autoReplyScope } from "@/lib/autoreplies/autoreply-scope";
import { AUTOREPLY_SELECT } from "@/lib/autoreplies/public-autoreply";
import { db } from "@/lib/server/runtime";

export async function getAutoReplyOrThrow(caller: Caller, id: string) {
  const rule = await db().autoReply.findFirst({ where: { AND: [autoReplyScope(caller), { id }] }, select: AUTOREPLY_SELECT });
  if (!rule) throw notFound("Auto-reply rule");
  return rule;
}
