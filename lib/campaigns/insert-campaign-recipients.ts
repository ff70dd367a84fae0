import "server-only";
// Writes a campaign's recipient rows with one INSERT … SELECT FROM unnest(…) per 10,000 rows: one
// statement with one array parameter per column, the closest thing to COPY that goes through the
// driver. (Prisma's createMany builds a query object per row: several seconds and hundreds of MB
// for 10,000 recipients.)
import { newRowId } from "@/lib/db/new-row-id";
import type { PreparedRecipient } from "@/lib/campaigns/prepare-recipients";
import type { Prisma } from "@/lib/generated/prisma/client";

const CHUNK = 10_000;

export async function insertCampaignRecipients(
  tx: Prisma.TransactionClient,
  campaign: { id: string; ownerId: string },
  rows: PreparedRecipient[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.$executeRaw`
      INSERT INTO campaign_recipients (id, "campaignId", "ownerId", position, phone, jid, fields, status, reason, "updatedAt")
      SELECT u.id, ${campaign.id}, ${campaign.ownerId}, u.position, u.phone, u.jid, u.fields::jsonb, u.status::"CampaignRecipientStatus", u.reason, now() AT TIME ZONE 'UTC'
      FROM unnest(
        ${chunk.map(() => newRowId())}::text[],
        ${chunk.map((r) => r.position)}::int[],
        ${chunk.map((r) => r.phone.slice(0, 128))}::text[],
        ${chunk.map((r) => r.jid)}::text[],
        ${chunk.map((r) => JSON.stringify(r.fields ?? {}))}::text[],
        ${chunk.map((r) => r.status)}::text[],
        ${chunk.map((r) => r.reason)}::text[]
      ) AS u(id, position, phone, jid, fields, status, reason)`;
  }
}
