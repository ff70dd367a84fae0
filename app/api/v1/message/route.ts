// DELETE /api/v1/message – delete a sent message for everyone (Campaign API)
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";
import { v1DeleteMessage } from "@/lib/compat/campaign-api/campaign-api-messages";
import { v1DeleteMessageSchema } from "@/lib/compat/campaign-api/campaign-api-messaging.schema";

export const DELETE = withCampaignApi({ permission: "sessions.send", body: v1DeleteMessageSchema }, ({ caller, body }) => v1DeleteMessage(caller, body));
