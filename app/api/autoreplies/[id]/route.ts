// GET /api/autoreplies/[id] – one auto-reply rule
// PATCH /api/autoreplies/[id] – change a rule (keyword, reply, order, scope, enabled, cooldown, …)
// DELETE /api/autoreplies/[id] – delete a rule
import { withAuth } from "@/lib/api/with-auth";
import { autoReplyParams, updateAutoReplySchema } from "@/lib/autoreplies/autoreplies.schema";
import { deleteAutoReply } from "@/lib/autoreplies/delete-autoreply";
import { getAutoReplyOrThrow } from "@/lib/autoreplies/get-autoreply-or-throw";
import { publicAutoReply } from "@/lib/autoreplies/public-autoreply";
import { updateAutoReply } from "@/lib/autoreplies/update-autoreply";

export const GET = withAuth({ permission: "automation.manage", params: autoReplyParams }, async ({ caller, params }) =>
  publicAutoReply(await getAutoReplyOrThrow(caller, params.id)),
);

export const PATCH = withAuth({ permission: "automation.manage", params: autoReplyParams, body: updateAutoReplySchema }, ({ caller, params, body }) =>
  updateAutoReply(caller, params.id, body),
);

export const DELETE = withAuth({ permission: "automation.manage", params: autoReplyParams }, ({ caller, params }) => deleteAutoReply(caller, params.id));
