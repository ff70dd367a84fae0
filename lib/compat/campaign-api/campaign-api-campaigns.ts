import "server-only";
// The Campaign API's campaigns over our own operations: its bodies mapped onto createCampaign, our
// campaigns shown in its shape ({ id, name, status, createdAt, scheduledAt, recipientCount,
// statistics: { total, sent, failed, pending } }).
import type { Caller } from "@/lib/auth/caller";
import type { CampaignMessage } from "@/lib/campaigns/campaigns.schema";
import { changeCampaignStatus, type CampaignAction } from "@/lib/campaigns/change-campaign-status";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { deleteCampaign } from "@/lib/campaigns/delete-campaign";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { listCampaignRecipients } from "@/lib/campaigns/list-campaign-recipients";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import type { V1CreateCampaign, V1Message } from "@/lib/compat/campaign-api/campaign-api.schema";

type Ours = Awaited<ReturnType<typeof getCampaign>>;

function v1Campaign(c: Ours) {
  const s = c.statistics!;
  return {
    id: c.id,
    name: c.name,
    sessionId: c.sessionId,
    status: c.status,
    createdAt: c.createdAt,
    scheduledAt: c.scheduledAt,
    startedAt: c.startedAt,
    completedAt: c.completedAt,
    recipientCount: c.recipientCount,
    message: c.message,
    settings: c.settings,
    statistics: {
      total: s.total,
      sent: s.sent,
      delivered: s.delivered,
      read: s.read,
      failed: s.failed,
      skipped: s.skipped,
      pending: s.pending + s.queued,
      replied: s.replied,
    },
  };
}

function ourMessage(m: V1Message): CampaignMessage {
  if (m.type === "text") return { kind: "text", text: m.content! };
  const url = m.link ?? m.mediaUrl ?? m.url;
  const ref = url ? { url } : { mediaId: (m.mediaId ?? m.id)! };
  return {
    kind: "media",
    mediaType: m.type,
    ref,
    ...(m.content ? { caption: m.content } : {}),
    ...(m.type === "document" && m.filename ? { fileName: m.filename } : {}),
    ...(m.mimetype ? { mimetype: m.mimetype } : {}),
  };
}

export async function v1CreateCampaign(caller: Caller, body: V1CreateCampaign) {
  const created = await createCampaign(
    caller,
    {
      name: body.name,
      sessionId: body.sessionId,
      message: ourMessage(body.message),
      recipients: body.recipients,
      listIds: body.recipientListIds,
      scheduledAt: body.scheduledAt,
      settings: {
        ...(body.settings?.delayBetweenMessages !== undefined ? { delayMs: body.settings.delayBetweenMessages } : {}),
        ...(body.settings?.maxRetries !== undefined ? { maxRetries: body.settings.maxRetries } : {}),
      },
    },
    { origin: "campaign-api" },
  );
  return { ...v1Campaign(created), report: created.report };
}

export async function v1ListCampaigns(caller: Caller) {
  const { campaigns } = await listCampaigns(caller, { page: 1, limit: 200 });
  return campaigns.map(v1Campaign);
}

/** One campaign with its full recipient list and each one's delivery status. */
export async function v1GetCampaign(caller: Caller, id: string) {
  const campaign = await getCampaign(caller, id);
  const recipients = [];
  for (let page = 1; ; page++) {
    const batch = await listCampaignRecipients(caller, id, { page, limit: 500 });
    recipients.push(
      ...batch.recipients.map((r) => ({
        number: r.number ?? r.phone,
        ...(r.fields as Record<string, unknown>),
        status: r.status,
        ...(r.reason ? { error: r.reason } : {}),
        messageId: r.keyId,
        sentAt: r.sentAt,
        deliveredAt: r.deliveredAt,
        readAt: r.readAt,
      })),
    );
    if (batch.recipients.length < 500) break;
  }
  return { ...v1Campaign(campaign), recipients };
}

const DONE: Record<CampaignAction, string> = { start: "started", pause: "paused", resume: "resumed", cancel: "cancelled" };

export async function v1ChangeCampaign(caller: Caller, id: string, action: CampaignAction) {
  const campaign = await changeCampaignStatus(caller, id, action);
  return { status: "success", message: `Campaign ${DONE[action]}`, campaign: v1Campaign(campaign) };
}

export async function v1DeleteCampaign(caller: Caller, id: string) {
  await deleteCampaign(caller, id);
  return { status: "success", message: "Campaign deleted" };
}
