// POST /api/whatsapp/groups/join – Chatery: join a group by invite code or link
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { chateryJoinSchema } from "@/lib/groups/groups.schema";
import { joinGroup } from "@/lib/groups/join-group";

export const POST = withChateryEnvelope({ permission: "groups.manage", body: chateryJoinSchema }, "Joined the group", ({ caller, body }) =>
  joinGroup(caller, body),
);
