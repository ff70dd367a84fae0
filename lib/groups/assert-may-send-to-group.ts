import "server-only";
// A send into a group the session may not write to is refused when it is accepted, with the
// reason, instead of failing later in the queue: WhatsApp drops a non-admin's message to an
// announcement-only group, and a group the session left cannot be written to at all.
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/server/runtime";

export async function assertMaySendToGroup(session: { id: string; ownerId: string; phoneNumber: string | null }, groupJid: string) {
  const group = await db().group.findFirst({
    where: { sessionId: session.id, ownerId: session.ownerId, jid: groupJid },
    select: { left: true, announce: true, subject: true, participants: { select: { phoneJid: true, admin: true } } },
  });
  if (!group) return; // not stored (yet): WhatsApp decides
  if (group.left) throw new AppError("FORBIDDEN", `jid: this session is no longer a participant of the group '${group.subject}'`);
  if (!group.announce || !session.phoneNumber) return;
  const me = group.participants.find((p) => p.phoneJid === `${session.phoneNumber}@s.whatsapp.net`);
  if (!me?.admin) throw new AppError("FORBIDDEN", `jid: only admins may send messages to the group '${group.subject}' (announcement mode)`);
}
