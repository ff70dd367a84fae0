import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { STATUS_JID } from "@/lib/status/post-status";

/** Recent statuses of a session: those its contacts posted (stored as they arrive) and its own. */
export async function listStatuses(caller: Caller, input: { sessionId: string; limit: number; fromMe?: "true" | "false" }) {
  const session = await getSessionOrThrow(caller, input.sessionId);
  const rows = await db().message.findMany({
    where: {
      sessionId: session.id,
      ownerId: session.ownerId,
      remoteJid: STATUS_JID,
      ...(input.fromMe ? { fromMe: input.fromMe === "true" } : {}),
    },
    orderBy: [{ timestamp: "desc" }, { id: "desc" }],
    take: input.limit,
    select: {
      keyId: true,
      fromMe: true,
      senderJid: true,
      pushName: true,
      type: true,
      content: true,
      mediaId: true,
      mediaUrl: true,
      status: true,
      timestamp: true,
    },
  });
  const lids = rows.map((r) => r.senderJid).filter((j): j is string => Boolean(j?.endsWith("@lid")));
  const mapped = lids.length
    ? new Map((await db().lidMapping.findMany({ where: { sessionId: session.id, lid: { in: lids } } })).map((m) => [m.lid, m.phoneJid]))
    : new Map<string, string>();
  return rows.map((r) => {
    const sender = r.senderJid ? (mapped.get(r.senderJid) ?? r.senderJid) : null;
    return {
      id: r.keyId,
      sessionId: session.sessionId,
      fromMe: r.fromMe,
      from: r.fromMe ? null : sender,
      fromLid: r.senderJid?.endsWith("@lid") ? r.senderJid : null,
      pushName: r.pushName,
      type: r.type,
      content: r.content,
      mediaId: r.mediaId,
      mediaUrl: r.mediaUrl,
      status: r.status,
      timestamp: r.timestamp.toISOString(),
    };
  });
}
