-- Issue 17 and issue 15: events and messages get an order key that cannot tie or go backwards.

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- Existing rows: their order as it was shown until now (WhatsApp's timestamp; the event's time).
UPDATE "messages" SET "receivedAt" = "timestamp";
WITH ordered AS (SELECT id, row_number() OVER (ORDER BY "timestamp", "createdAt", id) AS n FROM "messages")
UPDATE "messages" m SET "seq" = o.n FROM ordered o WHERE m.id = o.id;
SELECT setval(pg_get_serial_sequence('"messages"', 'seq'), GREATEST((SELECT max("seq") FROM "messages"), 1));
WITH ordered AS (SELECT id, row_number() OVER (ORDER BY "createdAt", id) AS n FROM "events")
UPDATE "events" e SET "seq" = o.n FROM ordered o WHERE e.id = o.id;
SELECT setval(pg_get_serial_sequence('"events"', 'seq'), GREATEST((SELECT max("seq") FROM "events"), 1));

-- CreateIndex
CREATE INDEX "messages_sessionId_remoteJid_receivedAt_seq_idx" ON "messages"("sessionId", "remoteJid", "receivedAt", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "events_seq_key" ON "events"("seq");

-- CreateIndex
CREATE INDEX "events_sessionId_seq_idx" ON "events"("sessionId", "seq");
