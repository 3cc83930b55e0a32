-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "importKey" TEXT;

-- AlterTable
ALTER TABLE "Page" ADD COLUMN     "importKey" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "authorEmail" TEXT;

-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "sourceUrl" TEXT;

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'QUEUED',
    "fileName" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "copyImages" BOOLEAN NOT NULL DEFAULT false,
    "filePath" TEXT,
    "progress" JSONB NOT NULL DEFAULT '{}',
    "report" JSONB,
    "error" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportJob_createdAt_idx" ON "ImportJob"("createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Post_importKey_key" ON "Post"("importKey");

-- CreateIndex
CREATE UNIQUE INDEX "Page_importKey_key" ON "Page"("importKey");

-- CreateIndex
CREATE UNIQUE INDEX "Upload_sourceUrl_key" ON "Upload"("sourceUrl");

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

