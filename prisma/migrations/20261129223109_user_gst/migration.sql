-- AlterTable
ALTER TABLE "users" ADD COLUMN     "gst" TEXT;

