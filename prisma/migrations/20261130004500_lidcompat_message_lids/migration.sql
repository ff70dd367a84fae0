-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "remoteLid" TEXT,
ADD COLUMN     "senderLid" TEXT;

