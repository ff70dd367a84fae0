import "server-only";
// The Automation API's GET /api/whatsapp/groups: the groups of the user's default session (their
// oldest), as { id, name, participants: ["+<phone>"] } — people without a known number by their id.
import type { Caller } from "@/lib/auth/caller";
import { listGroups } from "@/lib/groups/list-groups";
import { getDefaultSession } from "@/lib/sessions/get-default-session";

export async function listDefaultSessionGroups(caller: Caller) {
  const session = await getDefaultSession(caller);
  const groups = await listGroups(caller, { sessionId: session.sessionId });
  return groups.map((g) => ({ id: g.jid, name: g.subject, participants: g.participants.map((p) => (p.phone ? `+${p.phone}` : p.id)) }));
}
