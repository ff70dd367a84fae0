// POST /api/v1/sessions – create a session with X-Master-Key (an owner's or superadmin's key); answers its per-session token (Campaign API)
// GET /api/v1/sessions – the caller's sessions in the Campaign API's shape (authenticated, unlike the original)
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";
import { v1CreateSessionSchema } from "@/lib/compat/campaign-api/campaign-api-messaging.schema";
import { v1CreateSession, v1ListSessions } from "@/lib/compat/campaign-api/campaign-api-sessions";

export const POST = withCampaignApi({ permission: "sessions.create", body: v1CreateSessionSchema }, ({ caller, body }) =>
  v1CreateSession(caller, body.sessionId),
);
export const GET = withCampaignApi({ permission: "sessions.read" }, async ({ caller }) => Response.json(await v1ListSessions(caller)));
