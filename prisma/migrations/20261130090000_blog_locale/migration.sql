-- AlterTable
ALTER TABLE "Setting" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en-GB';
