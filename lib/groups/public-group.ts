// The API's shape of a stored group (the primary API's `GET /api/groups` entry): participants by
// phone-number JID whenever it is known, with the LID beside it.
import type { Group, GroupParticipant } from "@/lib/generated/prisma/client";

export const GROUP_INCLUDE = { participants: { orderBy: [{ admin: "desc" as const }, { jid: "asc" as const }] } };

export function publicParticipant(p: GroupParticipant) {
  return {
    id: p.jid,
    phone: p.phoneJid ? p.phoneJid.split("@")[0] : null,
    lid: p.lid,
    admin: p.admin as "admin" | "superadmin" | null,
  };
}

export function publicGroup(group: Group & { participants: GroupParticipant[] }, session: { sessionId: string }) {
  return {
    id: group.id,
    sessionId: session.sessionId,
    jid: group.jid,
    subject: group.subject,
    description: group.description,
    ownerJid: group.ownerJid,
    participants: group.participants.map(publicParticipant),
    size: group.participants.length,
    creation: group.creation?.toISOString() ?? null,
    restrict: group.restrict,
    announce: group.announce,
    inviteCode: group.inviteCode,
    addressingMode: group.addressingMode,
    left: group.left,
    updatedAt: group.updatedAt.toISOString(),
  };
}

export type PublicGroup = ReturnType<typeof publicGroup>;
