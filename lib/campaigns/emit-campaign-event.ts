import "server-only";
// Campaign events go through the session's outbox like every other event, so they reach webhooks
// (durably) and the session's Socket.io room.
import type { EventOutbox } from "@/lib/events/event-outbox";

export type CampaignEventName = "campaign.started" | "campaign.progress" | "campaign.paused" | "campaign.resumed" | "campaign.completed" | "campaign.cancelled";

export async function emitCampaignEvent(
  outbox: EventOutbox,
  campaign: { id: string; name: string; session: { id: string; sessionId: string; ownerId: string } },
  event: CampaignEventName,
  data: Record<string, unknown> = {},
): Promise<void> {
  await outbox.emit(campaign.session, event, { campaignId: campaign.id, name: campaign.name, ...data });
}
