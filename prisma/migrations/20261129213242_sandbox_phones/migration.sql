-- CreateTable
CREATE TABLE "sandbox_phones" (
    "phone" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_phones_pkey" PRIMARY KEY ("phone")
);

-- CreateIndex
CREATE INDEX "sandbox_phones_ownerId_idx" ON "sandbox_phones"("ownerId");

