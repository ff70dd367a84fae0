// GET /api/autoreplies – the caller's auto-reply rules in the order they are tried (?sessionId=: those that apply to it)
// POST /api/autoreplies – create a rule ({ sessionId?, keyword, response, matchType, … })
import { withAuth } from "@/lib/api/with-auth";
import { autoReplyListQuery, createAutoReplySchema } from "@/lib/autoreplies/autoreplies.schema";
import { createAutoReply } from "@/lib/autoreplies/create-autoreply";
import { listAutoReplies } from "@/lib/autoreplies/list-autoreplies";

export const GET = withAuth({ permission: "automation.manage", query: autoReplyListQuery }, ({ caller, query }) => listAutoReplies(caller, query.sessionId));

export const POST = withAuth({ permission: "automation.manage", body: createAutoReplySchema }, ({ caller, body }) => createAutoReply(caller, body));
