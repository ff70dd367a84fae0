// POST /api/whatsapp/groups/create – Chatery: create a group ({ name, participants })
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { createGroup } from "@/lib/groups/create-group";
import { chateryCreateSchema } from "@/lib/groups/groups.schema";

export const POST = withChateryEnvelope({ permission: "groups.manage", body: chateryCreateSchema }, "Group created", async ({ caller, body }) => {
  const { group } = await createGroup(caller, { sessionId: body.sessionId, subject: body.name, participants: body.participants });
  return group;
});
