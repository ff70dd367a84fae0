import "server-only";
// Sends again to the recipients whose send failed: each becomes pending with its retry number in
// the idempotency key (a new send), and a finished campaign runs again.
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import { getCampaignStats } from "@/lib/campaigns/get-campaign-stats";
import { moveCampaignStatus } from "@/lib/campaigns/move-campaign-status";
import { publicCampaign } from "@/lib/campaigns/public-campaign";
import { syncCampaignRecipients } from "@/lib/campaigns/sync-campaign-recipients";
import { wakeCampaignRunner } from "@/lib/campaigns/wake-campaign-runner";
import { db, getRuntime } from "@/lib/server/runtime";

export async function retryFailedRecipients(caller: Caller, id: string) {
  const campaign = await getCampaignOrThrow(caller, id);
  if (campaign.status === "cancelled" || campaign.status === "draft")
    throw new AppError("CONFLICT", `Campaign is ${campaign.status}; failed recipients can be retried only once it has run`);
  await syncCampaignRecipients(db(), campaign);
  const retried = await db().$executeRaw`
    UPDATE campaign_recipients SET status = 'pending', attempt = attempt + 1, "keyId" = NULL, "queuedAt" = NULL, reason = NULL, "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "campaignId" = ${campaign.id} AND "ownerId" = ${campaign.ownerId} AND status = 'failed'`;
  if (retried > 0 && (campaign.status === "completed" || campaign.status === "failed")) {
    await moveCampaignStatus(db(), getRuntime().outbox, campaign, {
      from: ["completed", "failed"],
      data: { status: "running", completedAt: null, statusReason: null },
      event: "campaign.started",
      eventData: { retried },
    });
  }
  wakeCampaignRunner();
  const updated = await getCampaignOrThrow(caller, id);
  return { retried, campaign: publicCampaign(updated, await getCampaignStats(db(), updated)) };
}
