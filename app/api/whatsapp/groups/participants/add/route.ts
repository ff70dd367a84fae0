// POST /api/whatsapp/groups/participants/add – Chatery: add participants (a result per participant)
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { chateryParticipantsSchema } from "@/lib/groups/groups.schema";
import { updateGroupParticipants } from "@/lib/groups/update-group-participants";

export const POST = withChateryEnvelope({ permission: "groups.manage", body: chateryParticipantsSchema }, "Participants updated", ({ caller, body }) =>
  updateGroupParticipants(caller, { sessionId: body.sessionId, groupJid: body.groupId, action: "add", participants: body.participants }),
);
