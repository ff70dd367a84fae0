import "server-only";
// One campaign status move and its event, in one transaction: the move is written with the owner
// and the statuses it may come from in the `where` (two clicks or two processes cannot both win),
// `also` does the database work that belongs to the move (withdrawing queued sends, skipping the
// rest), and the event is recorded through the outbox before the commit — so a crash can neither
// leave a move unannounced nor announce one that was rolled back. Returns false when the campaign
// was no longer in one of `from`.
import { campaignEvent, type CampaignEventName, type CampaignForEvents } from "@/lib/campaigns/emit-campaign-event";
import type { Db } from "@/lib/db/create-prisma-client";
import type { EventOutbox, Tx } from "@/lib/events/event-outbox";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";

export interface CampaignMove {
  from: CampaignStatus[];
  data: Prisma.CampaignUpdateManyMutationInput;
  event: CampaignEventName;
  eventData?: Record<string, unknown>;
  also?: (tx: Tx) => Promise<unknown>;
}

export async function moveCampaignStatus(db: Db, outbox: EventOutbox, campaign: CampaignForEvents & { ownerId: string }, move: CampaignMove): Promise<boolean> {
  const dispatch = await db.$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({ where: { id: campaign.id, ownerId: campaign.ownerId, status: { in: move.from } }, data: move.data });
    if (count === 0) return null;
    await move.also?.(tx);
    return outbox.record(tx, campaign.session, [campaignEvent(campaign, move.event, move.eventData)]);
  });
  if (!dispatch) return false;
  dispatch();
  return true;
}
