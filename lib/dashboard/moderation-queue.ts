import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { pageWindow, type Paged } from "@/lib/dashboard/paging";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { QueueStatus } from "@/lib/validation/comments";

export const QUEUE_PAGE_SIZE = 20;

export interface QueuedComment {
  id: string;
  bodyHtml: string;
  createdAt: Date;
  writerName: string;
  /** A guest's (no account): the web site they gave, and their email, which only moderators see. */
  guest: { url: string | null; email: string | null } | null;
  post: { id: string; title: string; permalink: string | null };
}

/** Comments with this status on the posts the user moderates (every post, for admins), newest first. */
export async function listModerationQueue({ user, status, page, pageSize = QUEUE_PAGE_SIZE }: { user: DashboardUser; status: QueueStatus; page: number; pageSize?: number }): Promise<Paged<QueuedComment>> {
  const where: Prisma.CommentWhereInput = { status, post: user.role === "ADMIN" ? {} : { authorId: user.id } };
  const total = await db.comment.count({ where });
  const window = pageWindow(page, pageSize, total);
  const rows = await db.comment.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: window.skip,
    take: window.take,
    select: {
      id: true,
      bodyHtml: true,
      createdAt: true,
      authorName: true,
      authorUrl: true,
      authorEmail: true,
      user: { select: { name: true } },
      post: { select: { id: true, title: true, permalink: true } },
    },
  });
  return {
    items: rows.map(({ user: writer, authorName, authorUrl, authorEmail, ...comment }) => ({
      ...comment,
      writerName: writer?.name ?? authorName ?? "Anonymous",
      // A comment whose account was since deleted has neither: it is not a guest's.
      guest: writer || !authorName ? null : { url: authorUrl, email: authorEmail },
    })),
    total,
    page: window.page,
    pageCount: window.pageCount,
  };
}
