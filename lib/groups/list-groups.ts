import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import { GROUP_INCLUDE, publicGroup } from "@/lib/groups/public-group";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** The caller's first connected session: the primary API's GET /api/groups without sessionId. */
async function firstConnectedSession(caller: Caller) {
  const session = await db().whatsappSession.findFirst({
    where: { AND: [sessionScope(caller), { status: "CONNECTED" }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, sessionId: true, ownerId: true },
  });
  if (!session) throw new AppError("UNAVAILABLE", "No connected session: pass sessionId or connect a session");
  return session;
}

/** The groups a session takes part in, from the store (kept current from WhatsApp's notifications). */
export async function listGroups(caller: Caller, input: { sessionId?: string; search?: string }) {
  const session = input.sessionId ? await getSessionOrThrow(caller, input.sessionId) : await firstConnectedSession(caller);
  const groups = await db().group.findMany({
    where: {
      sessionId: session.id,
      ownerId: session.ownerId,
      left: false,
      ...(input.search ? { subject: { contains: input.search, mode: "insensitive" as const } } : {}),
    },
    include: GROUP_INCLUDE,
    orderBy: [{ subject: "asc" }, { jid: "asc" }],
  });
  return groups.map((g) => publicGroup(g, session));
}
