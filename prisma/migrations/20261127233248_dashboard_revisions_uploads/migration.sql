-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('EDIT', 'PUBLISH', 'RESTORE');

-- AlterTable
ALTER TABLE "PostRevision" ADD COLUMN     "kind" "RevisionKind" NOT NULL DEFAULT 'EDIT',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "originalName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "widths" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

