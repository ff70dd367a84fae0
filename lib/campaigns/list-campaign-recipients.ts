import "server-only";
import type { Caller } from "@/lib/auth/caller";
import type { ListRecipientsQuery } from "@/lib/campaigns/campaigns.schema";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import { syncCampaignRecipients } from "@/lib/campaigns/sync-campaign-recipients";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/runtime";

export const RECIPIENT_SELECT = {
  id: true,
  position: true,
  phone: true,
  jid: true,
  fields: true,
  status: true,
  reason: true,
  keyId: true,
  attempt: true,
  queuedAt: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  repliedAt: true,
} as const;

/** A campaign's recipients in sending order, filtered by status, searched by number or field value. */
export async function listCampaignRecipients(caller: Caller, id: string, query: ListRecipientsQuery) {
  const campaign = await getCampaignOrThrow(caller, id);
  await syncCampaignRecipients(db(), campaign);
  const where: Prisma.CampaignRecipientWhereInput = { campaignId: campaign.id };
  if (query.status) where.status = query.status;
  if (query.search) {
    const digits = query.search.replace(/[^\d]/g, "");
    // Field values are searched as the JSON text: good enough for names and companies.
    const ids = await db().$queryRaw<Array<{ id: string }>>`
      SELECT id FROM campaign_recipients WHERE "campaignId" = ${campaign.id}
      AND (fields::text ILIKE ${`%${query.search.replace(/[%_\\]/g, "\\$&")}%`} OR (${digits} <> '' AND jid LIKE ${`%${digits}%`}) OR phone ILIKE ${`%${query.search.replace(/[%_\\]/g, "\\$&")}%`})
      LIMIT 10000`;
    where.id = { in: ids.map((r) => r.id) };
  }
  const [rows, total] = await Promise.all([
    db().campaignRecipient.findMany({ where, orderBy: { position: "asc" }, skip: (query.page - 1) * query.limit, take: query.limit, select: RECIPIENT_SELECT }),
    db().campaignRecipient.count({ where }),
  ]);
  return { recipients: rows.map((r) => ({ ...r, number: r.jid?.split("@")[0] ?? null, messageId: r.keyId })), total, page: query.page, limit: query.limit };
}
