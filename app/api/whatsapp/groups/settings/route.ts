// POST /api/whatsapp/groups/settings – Chatery: change the group's settings
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { chaterySettingsSchema } from "@/lib/groups/groups.schema";
import { updateGroupInfo } from "@/lib/groups/update-group-info";

export const POST = withChateryEnvelope({ permission: "groups.manage", body: chaterySettingsSchema }, "Group settings updated", ({ caller, body }) =>
  updateGroupInfo(caller, { sessionId: body.sessionId, groupJid: body.groupId, setting: body.setting }),
);
