-- CreateEnum
CREATE TYPE "CommentRemover" AS ENUM ('AUTHOR', 'MODERATOR');

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "removedBy" "CommentRemover";

