import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { autoReplyScope } from "@/lib/autoreplies/autoreply-scope";
import { AUTOREPLY_SELECT, publicAutoReply } from "@/lib/autoreplies/public-autoreply";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** The caller's rules in the order they are tried; with a session, those that apply to it. */
export async function listAutoReplies(caller: Caller, sessionId?: string) {
  let where = autoReplyScope(caller);
  if (sessionId) {
    const session = await getSessionOrThrow(caller, sessionId);
    const applies = { ownerId: session.ownerId, OR: [{ sessionId: session.id }, { sessionId: null }] };
    where = { AND: [where, applies] };
    // Staff see the owner-wide rules that apply to their session too (read only: they cannot change them).
    if (caller.role === "STAFF") where = applies;
  }
  const rules = await db().autoReply.findMany({ where, orderBy: [{ priority: "asc" }, { createdAt: "asc" }, { id: "asc" }], select: AUTOREPLY_SELECT });
  return rules.map(publicAutoReply);
}
