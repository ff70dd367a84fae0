import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { callWhatsApp } from "@/lib/groups/call-whatsapp";
import { getGroupSession } from "@/lib/groups/group-session";
import type { GroupSetting } from "@/lib/groups/groups.schema";
import { db } from "@/lib/server/runtime";

type Change = { subject: string } | { description: string } | { setting: GroupSetting };

/**
 * Subject, description or one setting. Once WhatsApp accepted, the stored group changes at once
 * (its notification of the change, which the event stream announces, confirms it).
 */
export async function updateGroupInfo(caller: Caller, input: { sessionId: string; groupJid: string } & Change) {
  const { session, ref } = await getGroupSession(caller, input.sessionId);
  const where = { sessionId: ref.id, ownerId: ref.ownerId, jid: input.groupJid };
  if ("subject" in input) {
    await callWhatsApp("change the subject", () => onHolder(session, "groupUpdateSubject", input.groupJid, input.subject));
    await db().group.updateMany({ where, data: { subject: input.subject } });
  } else if ("description" in input) {
    await callWhatsApp("change the description", () => onHolder(session, "groupUpdateDescription", input.groupJid, input.description || null));
    await db().group.updateMany({ where, data: { description: input.description || null } });
  } else {
    const setting = input.setting;
    await callWhatsApp(`change the setting to ${setting}`, () => onHolder(session, "groupSettingUpdate", input.groupJid, setting));
    const data = setting === "announcement" || setting === "not_announcement" ? { announce: setting === "announcement" } : { restrict: setting === "locked" };
    await db().group.updateMany({ where, data });
  }
  return { success: true, groupJid: input.groupJid };
}
