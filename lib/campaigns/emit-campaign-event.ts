import "server-only";
// Campaign events go through the session's outbox like every other event, so they reach webhooks
// (durably) and the session's Socket.io room. A status change records its event in the same
// transaction (lib/campaigns/move-campaign-status.ts); emitCampaignEvent is for campaign.progress,
// which announces numbers and changes nothing stored.
import type { EventOutbox, PendingEvent } from "@/lib/events/event-outbox";

export type CampaignEventName = "campaign.started" | "campaign.progress" | "campaign.paused" | "campaign.resumed" | "campaign.completed" | "campaign.cancelled";

export interface CampaignForEvents {
  id: string;
  name: string;
  session: { id: string; sessionId: string; ownerId: string };
}

/** The event as recorded: every campaign event names its campaign. */
export function campaignEvent(campaign: CampaignForEvents, event: CampaignEventName, data: Record<string, unknown> = {}): PendingEvent {
  return { event, data: { campaignId: campaign.id, name: campaign.name, ...data } };
}

export async function emitCampaignEvent(
  outbox: EventOutbox,
  campaign: CampaignForEvents,
  event: CampaignEventName,
  data: Record<string, unknown> = {},
): Promise<void> {
  const { data: payload } = campaignEvent(campaign, event, data);
  await outbox.emit(campaign.session, event, payload);
}
