-- CreateTable
CREATE TABLE "revoked_session_cookies" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "revoked_session_cookies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "revoked_session_cookies_expiresAt_idx" ON "revoked_session_cookies"("expiresAt");

