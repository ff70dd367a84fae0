import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { callWhatsApp } from "@/lib/groups/call-whatsapp";
import { getGroupSession } from "@/lib/groups/group-session";
import type { CreateGroupInput } from "@/lib/groups/groups.schema";
import { storeGroup } from "@/lib/groups/handle-group-events";
import { normalizeParticipants } from "@/lib/groups/normalize-participants";
import { db } from "@/lib/server/runtime";

/** Creates a group on WhatsApp and stores it at once (the primary API's answer shape). */
export async function createGroup(caller: Caller, input: CreateGroupInput) {
  const participants = normalizeParticipants(input.participants);
  const { session, ref } = await getGroupSession(caller, input.sessionId);
  const meta = await callWhatsApp("create the group", () => onHolder(session, "groupCreate", input.subject, participants));
  await storeGroup(db(), ref, meta);
  return { success: true, group: { id: meta.id, subject: meta.subject } };
}
