// PATCH /api/sessions/[id]/settings – change the session's toggles ({ config }, Ultimate WhatsApp Gateway)
// DELETE /api/sessions/[id]/settings – delete the session (Ultimate WhatsApp Gateway puts it here too)
import { withAuth } from "@/lib/api/with-auth";
import { deleteSession } from "@/lib/sessions/delete-session";
import { sessionIdParams, updateSessionSettingsSchema } from "@/lib/sessions/sessions.schema";
import { updateSessionSettings } from "@/lib/sessions/update-session-settings";

export const PATCH = withAuth({ permission: "sessions.manage", params: sessionIdParams, body: updateSessionSettingsSchema }, ({ caller, params, body }) =>
  updateSessionSettings(caller, params.id, body.config),
);

export const DELETE = withAuth({ permission: "sessions.manage", params: sessionIdParams }, ({ caller, params }) => deleteSession(caller, params.id));
