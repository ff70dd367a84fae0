// POST /api/v1/webhook – set a session's webhook URL (Campaign API)
// GET /api/v1/webhook?sessionId= – the session's webhook URL
// DELETE /api/v1/webhook – remove it
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";
import { v1DeleteWebhookSchema, v1SessionQuery, v1SetWebhookSchema } from "@/lib/compat/campaign-api/campaign-api-messaging.schema";
import { deleteSessionWebhookUrl } from "@/lib/webhooks/delete-session-webhook-url";
import { getSessionWebhookUrl } from "@/lib/webhooks/get-session-webhook-url";
import { setSessionWebhookUrl } from "@/lib/webhooks/set-session-webhook-url";

export const POST = withCampaignApi({ permission: "webhooks.manage", body: v1SetWebhookSchema }, async ({ caller, body }) => {
  // The Campaign API's webhook receives events; replies from it are a Clevio feature, off here.
  await setSessionWebhookUrl(caller, body.sessionId, { url: body.url, replyEnabled: false });
  return { status: "success", message: `Webhook for session ${body.sessionId} set to ${body.url}` };
});
export const GET = withCampaignApi({ permission: "webhooks.manage", query: v1SessionQuery }, async ({ caller, query }) => {
  const { sessionId, url } = await getSessionWebhookUrl(caller, query.sessionId);
  return { status: "success", sessionId, url };
});
export const DELETE = withCampaignApi({ permission: "webhooks.manage", body: v1DeleteWebhookSchema }, async ({ caller, body }) => {
  await deleteSessionWebhookUrl(caller, body.sessionId);
  return { status: "success", message: `Webhook for session ${body.sessionId} removed` };
});
