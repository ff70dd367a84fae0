import "server-only";
// start / pause / resume / cancel: one status move each, written with the owner and the expected
// current status in the `where` (so two clicks or two processes cannot both win), announced as an
// event in the same transaction (lib/campaigns/move-campaign-status.ts). Pausing and cancelling take the one queued send back unless it is already in hand.
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import type { CampaignEventName } from "@/lib/campaigns/emit-campaign-event";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import { getCampaignStats } from "@/lib/campaigns/get-campaign-stats";
import { moveCampaignStatus } from "@/lib/campaigns/move-campaign-status";
import { publicCampaign } from "@/lib/campaigns/public-campaign";
import { wakeCampaignRunner } from "@/lib/campaigns/wake-campaign-runner";
import { withdrawQueuedSends } from "@/lib/campaigns/withdraw-queued-sends";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { db, getRuntime } from "@/lib/server/runtime";

export type CampaignAction = "start" | "pause" | "resume" | "cancel";

const MOVES: Record<CampaignAction, { from: CampaignStatus[]; to: CampaignStatus; event: CampaignEventName }> = {
  start: { from: ["draft", "scheduled"], to: "running", event: "campaign.started" },
  pause: { from: ["running", "scheduled"], to: "paused", event: "campaign.paused" },
  resume: { from: ["paused"], to: "running", event: "campaign.resumed" },
  cancel: { from: ["draft", "scheduled", "running", "paused"], to: "cancelled", event: "campaign.cancelled" },
};

export async function changeCampaignStatus(caller: Caller, id: string, action: CampaignAction) {
  const campaign = await getCampaignOrThrow(caller, id);
  const move = MOVES[action];
  // Asking for the state it is already in is not an error (a retried request, a double click).
  if (campaign.status === move.to) return answer(caller, id);
  if (!move.from.includes(campaign.status as CampaignStatus)) {
    throw new AppError(
      "CONFLICT",
      `Campaign is ${campaign.status}; it cannot be ${action === "start" ? "started" : `${action}d`} (only when ${move.from.join(" or ")})`,
    );
  }
  const now = new Date();
  const moved = await moveCampaignStatus(db(), getRuntime().outbox, campaign, {
    from: move.from,
    data: {
      status: move.to,
      ...(move.to === "running" ? { startedAt: campaign.startedAt ?? now, pausedAt: null } : {}),
      ...(move.to === "paused" ? { pausedAt: now } : {}),
      ...(move.to === "cancelled" ? { completedAt: now } : {}),
    },
    event: move.event,
    eventData: { status: move.to },
    also: async (tx) => {
      if (move.to === "paused" || move.to === "cancelled") await withdrawQueuedSends(tx, campaign);
      if (move.to === "cancelled") {
        await tx.campaignRecipient.updateMany({
          where: { campaignId: campaign.id, status: "pending" },
          data: { status: "skipped", reason: "campaign cancelled" },
        });
      }
    },
  });
  if (!moved) throw new AppError("CONFLICT", "Campaign changed meanwhile; try again");
  wakeCampaignRunner();
  return answer(caller, id);
}

async function answer(caller: Caller, id: string) {
  const campaign = await getCampaignOrThrow(caller, id);
  return publicCampaign(campaign, await getCampaignStats(db(), campaign));
}
