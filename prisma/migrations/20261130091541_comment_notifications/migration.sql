-- AlterTable
ALTER TABLE "User" ADD COLUMN     "commentNotices" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "notifyWriter" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "subscribersNotified" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CommentSubscription" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unsubscribedAt" TIMESTAMP(3),

    CONSTRAINT "CommentSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailNotice" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "subscriptionId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "gaveUpAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CommentSubscription_postId_email_key" ON "CommentSubscription"("postId", "email");

-- CreateIndex
CREATE INDEX "MailNotice_nextAttemptAt_idx" ON "MailNotice"("nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailNotice_commentId_to_key" ON "MailNotice"("commentId", "to");

-- AddForeignKey
ALTER TABLE "CommentSubscription" ADD CONSTRAINT "CommentSubscription_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailNotice" ADD CONSTRAINT "MailNotice_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Comments made before notices existed are never announced on a later approval.
UPDATE "Comment" SET "subscribersNotified" = true;
