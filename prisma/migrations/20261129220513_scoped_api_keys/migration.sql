-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "isDefault" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "lastUsedIp" TEXT,
ADD COLUMN     "name" TEXT NOT NULL DEFAULT 'Default key',
ADD COLUMN     "scopes" TEXT[],
ADD COLUMN     "sessionIds" TEXT[],
ADD COLUMN     "sessionRestricted" BOOLEAN NOT NULL DEFAULT false;

