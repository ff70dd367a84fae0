// POST /api/whatsapp/groups/join – Chatery: join a group by invite code or link
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { chateryJoinSchema } from "@/lib/groups/groups.schema";
import { joinGroup } from "@/lib/groups/join-group";

export const POST = withSeed003Envelope({ permission: "groups.manage", body: chateryJoinSchema }, "Joined the group", ({ caller, body }) => joinGroup(caller, body));
