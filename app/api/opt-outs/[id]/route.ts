// DELETE /api/opt-outs/[id] – remove an entry (by id or by number): the number may receive campaigns again
import { withAuth } from "@/lib/api/with-auth";
import { removeOptOut } from "@/lib/opt-outs/remove-opt-out";
import { optOutParams } from "@/lib/opt-outs/opt-outs.schema";

export const DELETE = withAuth({ permission: "sessions.manage", params: optOutParams }, ({ caller, params }) => removeOptOut(caller, params.id));
