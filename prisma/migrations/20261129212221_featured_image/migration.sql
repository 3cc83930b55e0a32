-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "featuredImageId" TEXT;

-- CreateIndex
CREATE INDEX "Post_featuredImageId_idx" ON "Post"("featuredImageId");

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_featuredImageId_fkey" FOREIGN KEY ("featuredImageId") REFERENCES "Upload"("id") ON DELETE SET NULL ON UPDATE CASCADE;

