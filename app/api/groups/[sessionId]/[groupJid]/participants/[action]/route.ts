// POST /api/groups/[sessionId]/[groupJid]/participants/[action] – add, remove, promote or demote participants (a result per participant)
import { withAuth } from "@/lib/api/with-auth";
import { participantActionParams, participantsSchema } from "@/lib/groups/groups.schema";
import { updateGroupParticipants } from "@/lib/groups/update-group-participants";

export const POST = withAuth({ permission: "groups.manage", params: participantActionParams, body: participantsSchema }, ({ caller, params, body }) =>
  updateGroupParticipants(caller, { ...params, participants: body.participants }),
);
