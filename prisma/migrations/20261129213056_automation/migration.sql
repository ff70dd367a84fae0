-- CreateEnum
CREATE TYPE "AutoReplyMatchType" AS ENUM ('EXACT', 'CONTAINS', 'REGEX');

-- CreateEnum
CREATE TYPE "AutoReplyScope" AS ENUM ('PRIVATE', 'GROUPS', 'BOTH');

-- CreateEnum
CREATE TYPE "ScheduleStatus" AS ENUM ('ACTIVE', 'PAUSED', 'CANCELLED', 'DONE');

-- CreateTable
CREATE TABLE "auto_replies" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "sessionId" TEXT,
    "keyword" TEXT NOT NULL,
    "matchType" "AutoReplyMatchType" NOT NULL DEFAULT 'CONTAINS',
    "caseSensitive" BOOLEAN NOT NULL DEFAULT false,
    "response" TEXT,
    "mediaId" TEXT,
    "mediaUrl" TEXT,
    "mediaType" TEXT,
    "quote" BOOLEAN NOT NULL DEFAULT false,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "scope" "AutoReplyScope" NOT NULL DEFAULT 'BOTH',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "cooldownSeconds" INTEGER NOT NULL DEFAULT 60,
    "hitCount" INTEGER NOT NULL DEFAULT 0,
    "lastHitAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "auto_replies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auto_reply_hits" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "contactJid" TEXT NOT NULL,
    "incomingKeyId" TEXT NOT NULL,
    "replyKeyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auto_reply_hits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schedules" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "jid" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "mediaUrl" TEXT,
    "mediaId" TEXT,
    "variation" JSONB,
    "cron" TEXT,
    "timeZone" TEXT NOT NULL,
    "sendAt" TIMESTAMP(3),
    "endAt" TIMESTAMP(3),
    "status" "ScheduleStatus" NOT NULL DEFAULT 'ACTIVE',
    "nextFireAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "firedCount" INTEGER NOT NULL DEFAULT 0,
    "lastFiredAt" TIMESTAMP(3),
    "lastMessageId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "auto_replies_ownerId_priority_idx" ON "auto_replies"("ownerId", "priority");

-- CreateIndex
CREATE INDEX "auto_replies_sessionId_idx" ON "auto_replies"("sessionId");

-- CreateIndex
CREATE INDEX "auto_reply_hits_ruleId_sessionId_contactJid_createdAt_idx" ON "auto_reply_hits"("ruleId", "sessionId", "contactJid", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "auto_reply_hits_sessionId_incomingKeyId_key" ON "auto_reply_hits"("sessionId", "incomingKeyId");

-- CreateIndex
CREATE INDEX "schedules_ownerId_sessionId_idx" ON "schedules"("ownerId", "sessionId");

-- CreateIndex
CREATE INDEX "schedules_status_dueAt_idx" ON "schedules"("status", "dueAt");

-- AddForeignKey
ALTER TABLE "auto_replies" ADD CONSTRAINT "auto_replies_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auto_replies" ADD CONSTRAINT "auto_replies_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "whatsapp_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auto_reply_hits" ADD CONSTRAINT "auto_reply_hits_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "auto_replies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "whatsapp_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

