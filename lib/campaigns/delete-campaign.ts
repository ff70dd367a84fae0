import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import { withdrawQueuedSends } from "@/lib/campaigns/withdraw-queued-sends";
import { db } from "@/lib/server/runtime";

/** Deletes a campaign and its recipients; a send not yet in hand is taken back first. Sent messages stay in the chats. */
export async function deleteCampaign(caller: Caller, id: string) {
  const campaign = await getCampaignOrThrow(caller, id);
  // Stop it first so that the runner queues nothing more while we delete.
  await db().campaign.updateMany({
    where: { id: campaign.id, ownerId: campaign.ownerId, status: { in: ["running", "scheduled"] } },
    data: { status: "cancelled" },
  });
  await withdrawQueuedSends(db(), campaign);
  const { count } = await db().campaign.deleteMany({ where: { id: campaign.id, ownerId: campaign.ownerId } });
  if (count === 0) throw notFound("Campaign");
  return { success: true, message: `Campaign ${campaign.name} deleted` };
}
