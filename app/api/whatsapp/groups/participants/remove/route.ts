// POST /api/whatsapp/groups/participants/remove – Chatery: remove participants (a result per participant)
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { chateryParticipantsSchema } from "@/lib/groups/groups.schema";
import { updateGroupParticipants } from "@/lib/groups/update-group-participants";

export const POST = withSeed003Envelope({ permission: "groups.manage", body: chateryParticipantsSchema }, "Participants updated", ({ caller, body }) =>
  updateGroupParticipants(caller, { sessionId: body.sessionId, groupJid: body.groupId, action: "remove", participants: body.participants }),
);
