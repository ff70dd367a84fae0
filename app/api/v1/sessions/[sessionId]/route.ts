// DELETE /api/v1/sessions/{sessionId} – delete a session and its data (Campaign API)
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";
import { v1SessionParams } from "@/lib/compat/campaign-api/campaign-api-messaging.schema";
import { v1DeleteSession } from "@/lib/compat/campaign-api/campaign-api-sessions";

export const DELETE = withCampaignApi({ permission: "sessions.manage", params: v1SessionParams }, ({ caller, params }) =>
  v1DeleteSession(caller, params.sessionId),
);
