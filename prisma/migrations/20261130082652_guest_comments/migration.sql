-- AlterEnum
ALTER TYPE "CommentPermission" ADD VALUE 'ANYONE';

