// POST /api/groups/[sessionId]/[groupJid]/picture – set the group's picture from { mediaId } or { url }
import { withAuth } from "@/lib/api/with-auth";
import { groupParams, pictureSchema } from "@/lib/groups/groups.schema";
import { updateGroupPicture } from "@/lib/groups/update-group-picture";

export const POST = withAuth({ permission: "groups.manage", params: groupParams, body: pictureSchema }, ({ caller, params, body }) =>
  updateGroupPicture(caller, { ...params, ...body }),
);
