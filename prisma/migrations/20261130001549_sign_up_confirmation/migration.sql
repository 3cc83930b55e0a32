-- Every account that exists now counts as confirmed: the default backfills them with false.
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "awaitingConfirmation" BOOLEAN NOT NULL DEFAULT false;

