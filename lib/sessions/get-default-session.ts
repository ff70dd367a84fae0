import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import { callerCan } from "@/lib/auth/caller-can";
import { db } from "@/lib/server/runtime";
import { createSession } from "@/lib/sessions/create-session";
import { SESSION_SELECT } from "@/lib/sessions/public-session";

/**
 * The session that clients without a notion of sessions act on (the Automation API's single
 * number, Chatery-less calls): the caller's oldest visible session. An owner who has none gets one
 * created on demand, so that the first call of such a client works; staff cannot create sessions,
 * so they get a 404 until one is assigned to them.
 */
export async function getDefaultSession(caller: Caller) {
  const oldest = () =>
    db().whatsappSession.findFirst({
      where: caller.role === "SUPERADMIN" ? { ownerId: caller.id } : sessionScope(caller),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: SESSION_SELECT,
    });
  const existing = await oldest();
  if (existing) return existing;
  if (!callerCan(caller, "sessions.create")) throw new AppError("NOT_FOUND", "No session is assigned to you");
  await createSession(caller, { name: "Default" });
  // Re-read rather than trust our own insert: two first calls at once both create one, and both
  // must then agree on the oldest.
  const created = await oldest();
  if (!created) throw new Error("default session vanished after creation");
  return created;
}
