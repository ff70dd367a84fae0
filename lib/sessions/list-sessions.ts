import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { callerCan } from "@/lib/auth/caller-can";
import { sessionScope } from "@/lib/auth/scope";
import { db, getRuntime } from "@/lib/server/runtime";
import { SESSION_SELECT, toPublicSession } from "@/lib/sessions/public-session";

export async function listSessions(caller: Caller) {
  const rows = await db().whatsappSession.findMany({ where: sessionScope(caller), orderBy: { createdAt: "asc" }, select: SESSION_SELECT });
  const { sessions } = getRuntime();
  const includeQr = callerCan(caller, "sessions.manage");
  return Promise.all(rows.map((row) => toPublicSession(row, sessions.live(row), { includeQr })));
}
