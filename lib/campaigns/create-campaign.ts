import "server-only";
// Creates a campaign (every door ends here): recipients inline and/or from lists, normalised and
// de-duplicated, invalid numbers reported per row, opted-out numbers and rows missing a template
// field skipped with the reason; media fetched once (not once per recipient); everything written in
// one transaction with multi-row INSERTs, so 10,000 recipients are one request.
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import type { CampaignMessage, CampaignSettings, CreateCampaignInput } from "@/lib/campaigns/campaigns.schema";
import { campaignEvent } from "@/lib/campaigns/emit-campaign-event";
import { getCampaignStats } from "@/lib/campaigns/get-campaign-stats";
import { insertCampaignRecipients } from "@/lib/campaigns/insert-campaign-recipients";
import { messageTemplates } from "@/lib/campaigns/message-templates";
import { prepareRecipients, sourceOf, type RecipientSource } from "@/lib/campaigns/prepare-recipients";
import { CAMPAIGN_SELECT, publicCampaign } from "@/lib/campaigns/public-campaign";
import { wakeCampaignRunner } from "@/lib/campaigns/wake-campaign-runner";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveMediaForSend } from "@/lib/media/resolve-media-for-send";
import { db, getRuntime } from "@/lib/server/runtime";
import { getDefaultSession } from "@/lib/sessions/get-default-session";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { listScope } from "@/lib/recipient-lists/list-scope";

export interface CreateCampaignOptions {
  /** Which door: api, broadcast, chatery, campaign-api. */
  origin?: string;
}

export async function createCampaign(caller: Caller, input: CreateCampaignInput, options: CreateCampaignOptions = {}) {
  const session = input.sessionId ? await getSessionOrThrow(caller, input.sessionId) : await getDefaultSession(caller);
  const ownerId = session.ownerId;

  const listIds = [...new Set(input.listIds ?? [])];
  const lists = listIds.length
    ? await db().recipientList.findMany({ where: { AND: [listScope(caller), { id: { in: listIds } }, { ownerId }] }, select: { id: true, name: true } })
    : [];
  const missingList = listIds.find((id) => !lists.some((l) => l.id === id));
  if (missingList) throw notFound(`Recipient list ${missingList}`);

  const message = await resolveMedia(caller, input.message);
  const sources: RecipientSource[] = (input.recipients ?? []).map((r, i) => sourceOf(r, i));
  for (const list of lists) {
    const entries = await db().recipientListEntry.findMany({
      where: { listId: list.id },
      orderBy: { position: "asc" },
      select: { phone: true, jid: true, name: true, fields: true, position: true },
    });
    for (const e of entries) {
      sources.push({
        phone: e.jid,
        fields: { ...(e.name ? { name: e.name } : {}), ...(e.fields as Record<string, unknown>) },
        origin: `list ${list.name}, row ${e.position + 1}`,
      });
    }
  }
  const optedOut = new Set((await db().optOut.findMany({ where: { ownerId }, select: { jid: true } })).map((o) => o.jid));
  const { rows, report } = prepareRecipients(sources, messageTemplates(message), optedOut);
  if (rows.length === 0) throw new AppError("BAD_REQUEST", "recipients: must not be empty (the lists have no recipients)");

  const now = new Date();
  const status = input.start ? "running" : input.scheduledAt ? "scheduled" : "draft";
  const settings: CampaignSettings = input.settings ?? {};
  const created = await db()
    .$transaction(
      async (tx) => {
        const campaign = await tx.campaign.create({
          data: {
            ownerId,
            sessionId: session.id,
            createdById: caller.id,
            name: input.name,
            origin: options.origin ?? "api",
            content: message as unknown as Prisma.InputJsonObject,
            settings: settings as Prisma.InputJsonObject,
            status,
            scheduledAt: input.scheduledAt ?? null,
            startedAt: status === "running" ? now : null,
            total: rows.length,
            listIds,
          },
          select: { id: true },
        });
        await insertCampaignRecipients(tx, { id: campaign.id, ownerId }, rows);
        if (lists.length)
          await tx.recipientList.updateMany({ where: { id: { in: lists.map((l) => l.id) }, ownerId }, data: { usageCount: { increment: 1 }, lastUsed: now } });
        const record = await tx.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: CAMPAIGN_SELECT });
        // Started at once: the event is part of the creation (recorded last, see lib/events/event-outbox.ts).
        const dispatch =
          status === "running"
            ? await getRuntime().outbox.record(tx, record.session, [campaignEvent(record, "campaign.started", { total: record.total })])
            : null;
        return { record, dispatch };
      },
      { timeout: 120_000, maxWait: 10_000 },
    )
    .then(({ record, dispatch }) => {
      dispatch?.();
      return record;
    });
  wakeCampaignRunner();
  const stats = await getCampaignStats(db(), created, { sync: false });
  return { ...publicCampaign(created, stats), report };
}

/** Media given by URL is fetched once, here; a mediaId is checked to be within the caller's reach. */
async function resolveMedia(caller: Caller, message: CampaignMessage): Promise<CampaignMessage> {
  if (message.kind !== "media") return message;
  const media = await resolveMediaForSend(caller, message.ref, message.mediaType);
  return {
    ...message,
    ref: { mediaId: media.mediaId },
    mimetype: message.mimetype ?? media.mimetype,
    ...(message.mediaType === "document" ? { fileName: message.fileName ?? media.fileName ?? "file" } : {}),
  };
}
