-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "lastSaveId" TEXT;

