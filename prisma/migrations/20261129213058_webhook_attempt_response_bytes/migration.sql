-- AlterTable
ALTER TABLE "webhook_attempts" ADD COLUMN     "responseBytes" INTEGER;

