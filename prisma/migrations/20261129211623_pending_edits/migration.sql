-- CreateTable
CREATE TABLE "PendingPostEdit" (
    "postId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "excerpt" TEXT,
    "labels" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingPostEdit_pkey" PRIMARY KEY ("postId")
);

-- CreateTable
CREATE TABLE "PendingPageEdit" (
    "pageId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingPageEdit_pkey" PRIMARY KEY ("pageId")
);

-- AddForeignKey
ALTER TABLE "PendingPostEdit" ADD CONSTRAINT "PendingPostEdit_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingPageEdit" ADD CONSTRAINT "PendingPageEdit_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page"("id") ON DELETE CASCADE ON UPDATE CASCADE;

