import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { callerCan } from "@/lib/auth/caller-can";
import { sessionScope } from "@/lib/auth/scope";
import { db } from "@/lib/server/runtime";
import { getLiveState } from "@/lib/sessions/get-live-state";
import { SESSION_SELECT, toPublicSession } from "@/lib/sessions/public-session";

export async function listSessions(caller: Caller) {
  const rows = await db().whatsappSession.findMany({ where: sessionScope(caller), orderBy: { createdAt: "asc" }, select: SESSION_SELECT });
  const includeQr = callerCan(caller, "sessions.manage");
  return Promise.all(rows.map(async (row) => toPublicSession(row, await getLiveState(row), { includeQr })));
}
