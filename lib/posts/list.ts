import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { postsVisibleTo } from "@/lib/posts/access";
import { visibleCommentsWhere } from "@/lib/queries/visibility";

export const DASHBOARD_PAGE_SIZE = 20;

export type DashboardPostState = "draft" | "scheduled" | "published" | "trash";

interface ListOptions {
  user: DashboardUser;
  now: Date;
  state?: DashboardPostState;
  /** A label's slug. */
  label?: string;
  /** Part of the title, any case. */
  search?: string;
  /** From 1. */
  page?: number;
}

function stateWhere(state: DashboardPostState | undefined, now: Date): Prisma.PostWhereInput {
  switch (state) {
    case "trash":
      return { trashedAt: { not: null } };
    case "draft":
      return { trashedAt: null, status: "DRAFT" };
    case "scheduled":
      return { trashedAt: null, status: "SCHEDULED", publishedAt: { gt: now } };
    case "published":
      // A scheduled post whose time has come is published as far as readers know.
      return { trashedAt: null, OR: [{ status: "PUBLISHED" }, { status: "SCHEDULED", publishedAt: { lte: now } }] };
    default:
      // Everything but the trash, which is looked at on purpose.
      return { trashedAt: null };
  }
}

/** What the list shows a post as, from its stored status and the time. */
export function postState(post: { status: string; publishedAt: Date | null; trashedAt: Date | null }, now: Date): DashboardPostState {
  if (post.trashedAt) return "trash";
  if (post.status === "DRAFT") return "draft";
  if (post.status === "SCHEDULED" && post.publishedAt && post.publishedAt > now) return "scheduled";
  return "published";
}

/** The dashboard's list of posts the user may work on, newest change first, one page at a time. */
export async function listDashboardPosts({ user, now, state, label, search, page = 1 }: ListOptions) {
  const where: Prisma.PostWhereInput = {
    AND: [
      postsVisibleTo(user),
      stateWhere(state, now),
      label ? { labels: { some: { label: { slug: label } } } } : {},
      search?.trim() ? { title: { contains: search.trim(), mode: "insensitive" } } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.post.count({ where }),
    db.post.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * DASHBOARD_PAGE_SIZE,
      take: DASHBOARD_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        status: true,
        publishedAt: true,
        trashedAt: true,
        updatedAt: true,
        permalink: true,
        author: { select: { name: true } },
        labels: { select: { label: { select: { name: true, slug: true } } }, orderBy: { label: { name: "asc" } } },
        _count: { select: { comments: { where: visibleCommentsWhere } } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE)),
    posts: rows.map((row) => ({
      id: row.id,
      // A new post has no title until the author gives it one; the list still needs a link text.
      title: row.title || "(untitled draft)",
      state: postState(row, now),
      publishedAt: row.publishedAt,
      updatedAt: row.updatedAt,
      permalink: row.permalink,
      authorName: row.author.name,
      labels: row.labels.map((entry) => entry.label),
      commentCount: row._count.comments,
    })),
  };
}
