-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "sentById" TEXT,
ADD COLUMN     "sentByName" TEXT,
ADD COLUMN     "sentVia" TEXT;
