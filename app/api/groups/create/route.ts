// POST /api/groups/create – create a WhatsApp group with the given participants
import { withAuth } from "@/lib/api/with-auth";
import { createGroup } from "@/lib/groups/create-group";
import { createGroupSchema } from "@/lib/groups/groups.schema";

export const POST = withAuth({ permission: "groups.manage", body: createGroupSchema }, ({ caller, body }) => createGroup(caller, body));
