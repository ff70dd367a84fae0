// POST /api/groups/[sessionId]/[groupJid]/join-requests/[action] – approve or reject join requests (a result per person)
import { withAuth } from "@/lib/api/with-auth";
import { answerGroupJoinRequests } from "@/lib/groups/answer-group-join-requests";
import { joinRequestActionParams, participantsSchema } from "@/lib/groups/groups.schema";

export const POST = withAuth({ permission: "groups.manage", params: joinRequestActionParams, body: participantsSchema }, ({ caller, params, body }) =>
  answerGroupJoinRequests(caller, { ...params, participants: body.participants }),
);
