import "server-only";
// Which stored files a caller reaches: SUPERADMIN all; an OWNER their tenant's; STAFF the files of
// the sessions assigned to them (uploads they made name such a session, incoming media always has
// one), and a session-less upload once it has been sent through one of those sessions. Anything
// else is 404, as if it did not exist.
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/create-prisma-client";

const MEDIA_SELECT = { id: true, ownerId: true, sessionId: true, source: true, mimetype: true, fileName: true, size: true, path: true } as const;

export async function findMediaOrThrow(db: Db, caller: Caller, mediaId: string) {
  // A key restricted to some sessions reaches files the way staff do: through those sessions.
  if ((caller.role === "SUPERADMIN" || caller.role === "OWNER") && !caller.key?.sessionIds) {
    const media = await db.media.findFirst({ where: { id: mediaId, ...(caller.role === "OWNER" ? { ownerId: caller.id } : {}) }, select: MEDIA_SELECT });
    if (!media) throw notFound("Media");
    return media;
  }
  if (caller.role !== "STAFF" && !caller.key?.sessionIds) throw notFound("Media");
  const media = await db.media.findFirst({ where: { id: mediaId, ownerId: caller.tenantId }, select: MEDIA_SELECT });
  if (!media) throw notFound("Media");
  const assigned = { ...sessionScope(caller) };
  if (media.sessionId) {
    const reachable = await db.whatsappSession.count({ where: { ...assigned, id: media.sessionId } });
    if (reachable) return media;
    throw notFound("Media");
  }
  const sentThroughAssigned = await db.message.count({ where: { ownerId: caller.tenantId, mediaId, session: assigned } });
  if (sentThroughAssigned) return media;
  throw notFound("Media");
}
