-- AlterTable
ALTER TABLE "PendingPostEdit" ADD COLUMN     "featuredImageId" TEXT;

-- AddForeignKey
ALTER TABLE "PendingPostEdit" ADD CONSTRAINT "PendingPostEdit_featuredImageId_fkey" FOREIGN KEY ("featuredImageId") REFERENCES "Upload"("id") ON DELETE SET NULL ON UPDATE CASCADE;
