import "server-only";
// Chatery's bulk jobs are campaigns: this adapter maps its three bodies onto createCampaign and
// answers { jobId, total, statusUrl }.
import type { Caller } from "@/lib/auth/caller";
import type { CampaignMessage } from "@/lib/campaigns/campaigns.schema";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import type { ChaterySendBulk, ChaterySendBulkDocument, ChaterySendBulkImage } from "@/lib/compat/chatery/bulk.schema";

type Body = ({ type: "text" } & ChaterySendBulk) | ({ type: "image" } & ChaterySendBulkImage) | ({ type: "document" } & ChaterySendBulkDocument);

export async function startBulkJob(caller: Caller, body: Body) {
  const message: CampaignMessage =
    body.type === "text"
      ? { kind: "text", text: body.message }
      : body.type === "image"
        ? { kind: "media", mediaType: "image", ref: { url: body.imageUrl }, ...(body.caption ? { caption: body.caption } : {}) }
        : { kind: "media", mediaType: "document", ref: { url: body.documentUrl }, fileName: body.filename, mimetype: body.mimetype };
  const campaign = await createCampaign(
    caller,
    {
      name: `Bulk ${body.type} ${new Date().toISOString().slice(0, 16).replace("T", " ")}`,
      sessionId: body.sessionId,
      message,
      recipients: body.recipients,
      settings: { delayMs: body.delayBetweenMessages, ...(body.typingTime ? { typingTime: body.typingTime } : {}) },
      start: true,
    },
    { origin: "chatery" },
  );
  return { jobId: campaign.id, total: campaign.recipientCount, statusUrl: `/api/whatsapp/chats/bulk-status/${campaign.id}` };
}
