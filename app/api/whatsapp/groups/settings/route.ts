// POST /api/whatsapp/groups/settings – Chatery: change the group's settings
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { chaterySettingsSchema } from "@/lib/groups/groups.schema";
import { updateGroupInfo } from "@/lib/groups/update-group-info";

export const POST = withSeed003Envelope({ permission: "groups.manage", body: chaterySettingsSchema }, "Group settings updated", ({ caller, body }) =>
  updateGroupInfo(caller, { sessionId: body.sessionId, groupJid: body.groupId, setting: body.setting }),
);
