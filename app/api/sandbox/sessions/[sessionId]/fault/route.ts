// POST /api/sandbox/sessions/[sessionId]/fault – make the emulated network drop, log out, conflict or restart the session
import { withAuth } from "@/lib/api/with-auth";
import { injectFault } from "@/lib/sandbox/inject-fault";
import { faultSchema, sandboxSessionParams } from "@/lib/sandbox/sandbox.schema";

export const POST = withAuth({ permission: "sessions.manage", params: sandboxSessionParams, body: faultSchema }, ({ caller, params, body }) =>
  injectFault(caller, params.sessionId, body.kind),
);
