// POST /api/groups/join – join a group by invite code or https://chat.whatsapp.com/ link
import { withAuth } from "@/lib/api/with-auth";
import { joinGroupSchema } from "@/lib/groups/groups.schema";
import { joinGroup } from "@/lib/groups/join-group";

export const POST = withAuth({ permission: "groups.manage", body: joinGroupSchema }, ({ caller, body }) => joinGroup(caller, body));
