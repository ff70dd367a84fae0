-- CreateTable
CREATE TABLE "groups" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "jid" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "description" TEXT,
    "ownerJid" TEXT,
    "creation" TIMESTAMP(3),
    "restrict" BOOLEAN NOT NULL DEFAULT false,
    "announce" BOOLEAN NOT NULL DEFAULT false,
    "inviteCode" TEXT,
    "addressingMode" TEXT,
    "left" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_participants" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "jid" TEXT NOT NULL,
    "phoneJid" TEXT,
    "lid" TEXT,
    "admin" TEXT,

    CONSTRAINT "group_participants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lid_mappings" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "lid" TEXT NOT NULL,
    "phoneJid" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lid_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "groups_ownerId_idx" ON "groups"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "groups_sessionId_jid_key" ON "groups"("sessionId", "jid");

-- CreateIndex
CREATE UNIQUE INDEX "group_participants_groupId_jid_key" ON "group_participants"("groupId", "jid");

-- CreateIndex
CREATE INDEX "lid_mappings_sessionId_phoneJid_idx" ON "lid_mappings"("sessionId", "phoneJid");

-- CreateIndex
CREATE UNIQUE INDEX "lid_mappings_sessionId_lid_key" ON "lid_mappings"("sessionId", "lid");

-- AddForeignKey
ALTER TABLE "groups" ADD CONSTRAINT "groups_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "whatsapp_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_participants" ADD CONSTRAINT "group_participants_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lid_mappings" ADD CONSTRAINT "lid_mappings_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "whatsapp_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

