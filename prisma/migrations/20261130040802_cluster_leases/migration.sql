-- CreateTable
CREATE TABLE "cluster_nodes" (
    "id" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "stoppedAt" TIMESTAMP(3),

    CONSTRAINT "cluster_nodes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_leases" (
    "sessionId" TEXT NOT NULL,
    "nodeId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "session_leases_pkey" PRIMARY KEY ("sessionId")
);

-- CreateIndex
CREATE INDEX "session_leases_nodeId_idx" ON "session_leases"("nodeId");

-- AddForeignKey
ALTER TABLE "session_leases" ADD CONSTRAINT "session_leases_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "whatsapp_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

