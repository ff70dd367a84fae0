// POST /api/groups/[sessionId]/[groupJid]/settings – announcement, not_announcement, locked or unlocked
import { withAuth } from "@/lib/api/with-auth";
import { groupParams, settingsSchema } from "@/lib/groups/groups.schema";
import { updateGroupInfo } from "@/lib/groups/update-group-info";

export const POST = withAuth({ permission: "groups.manage", params: groupParams, body: settingsSchema }, ({ caller, params, body }) =>
  updateGroupInfo(caller, { ...params, ...body }),
);
