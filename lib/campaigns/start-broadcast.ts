import "server-only";
// POST /api/messages/broadcast: a campaign that starts at once. The Ultimate WhatsApp Gateway's
// document waits a random 10–20 s between recipients whatever `delay` says; here a given `delay` is
// honoured and the 10–20 s gap is the default when none is given.
import type { Caller } from "@/lib/auth/caller";
import type { BroadcastInput } from "@/lib/campaigns/campaigns.schema";
import { createCampaign } from "@/lib/campaigns/create-campaign";

export const BROADCAST_DEFAULT_GAP = { minDelayMs: 10_000, maxDelayMs: 20_000 };

export async function startBroadcast(caller: Caller, input: BroadcastInput) {
  const campaign = await createCampaign(
    caller,
    {
      name: `Broadcast ${new Date().toISOString().slice(0, 16).replace("T", " ")}`,
      sessionId: input.sessionId,
      message: { kind: "text", text: input.message },
      recipients: input.recipients,
      settings: input.delay !== undefined ? { delayMs: input.delay } : BROADCAST_DEFAULT_GAP,
      start: true,
    },
    { origin: "broadcast" },
  );
  return {
    success: true,
    message: "Broadcast started in background",
    campaignId: campaign.id,
    total: campaign.statistics?.total ?? campaign.recipientCount,
    statusUrl: `/api/campaigns/${campaign.id}`,
    report: campaign.report,
  };
}
