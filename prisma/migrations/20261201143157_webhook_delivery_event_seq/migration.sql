-- Issue 10: a webhook's head (its undelivered delivery of the earliest event, in the order of
-- events) was found by joining every undelivered delivery to its event and sorting them all, at
-- every claim: a receiver down for hours made each claim cost as much as its whole backlog. The
-- event's place in the order is copied onto the delivery, and a partial index over the undelivered
-- ones finds each webhook's head in one probe.

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN "eventSeq" BIGINT;

UPDATE "webhook_deliveries" d SET "eventSeq" = e.seq FROM "events" e WHERE e.id = d."eventId";

ALTER TABLE "webhook_deliveries" ALTER COLUMN "eventSeq" SET NOT NULL;

-- CreateIndex (partial: not expressible in schema.prisma)
CREATE INDEX "webhook_deliveries_undelivered_idx" ON "webhook_deliveries"("webhookId", "eventSeq") WHERE status IN ('PENDING', 'FAILED');
