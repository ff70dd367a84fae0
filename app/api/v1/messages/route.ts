// POST /api/v1/messages?sessionId= – send one message or a batch (text, image, document) (Campaign API)
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";
import { v1SendMessages } from "@/lib/compat/campaign-api/campaign-api-messages";
import { v1MessagesBodySchema, v1SessionQuery } from "@/lib/compat/campaign-api/campaign-api-messaging.schema";

export const POST = withCampaignApi({ permission: "sessions.send", query: v1SessionQuery, body: v1MessagesBodySchema }, ({ caller, req, query, body }) =>
  v1SendMessages(caller, query.sessionId, body, req.headers.get("idempotency-key")),
);
