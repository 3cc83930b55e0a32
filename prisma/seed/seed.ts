import { demoBlog, demoPages, demoPosts, type DemoAuthor, type DemoPost } from "./content";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { sanitizeCommentHtml, sanitizePostHtml } from "../../lib/html";
import { hashPassword } from "../../lib/passwords";
import { permalinkFor, slugify } from "../../lib/permalinks";

/** The demo accounts; `npm start` prints the author's sign-in. */
export const demoAccounts = {
  author: {
    name: "Maggie Ellery",
    email: "maggie@example.com",
    password: "reading-room-demo",
    role: "ADMIN",
    bio: "Librarian at Wendlesford Library for eleven years, trying the Ten Tools one at a time.",
  },
  reader1: { name: "Annie Johnson", email: "annie@example.com", password: "annie-reads-demo", role: "READER", bio: "" },
  reader2: { name: "Tom Okafor", email: "tom@example.com", password: "tom-reads-demo", role: "READER", bio: "" },
} as const;

export type SeedResult = { seeded: true; posts: number; comments: number } | { seeded: false; reason: string };

/**
 * Fills an empty blog with the demo content, all in one transaction. A database that already
 * has posts is left alone, so seeding is safe to run at every start.
 */
export async function seedDemoContent(db: PrismaClient): Promise<SeedResult> {
  const existing = await db.post.count();
  if (existing > 0) return { seeded: false, reason: `the database already has ${existing} posts` };

  // Hashing is slow on purpose; do it before the transaction holds its locks.
  const accounts = await Promise.all(
    Object.entries(demoAccounts).map(async ([key, account]) => ({
      key,
      // The demo names differ, and seeding runs only on an empty blog: each name's slug is free.
      data: { name: account.name, slug: slugify(account.name), bio: account.bio, email: account.email, role: account.role, passwordHash: await hashPassword(account.password) },
    })),
  );

  return db.$transaction(
    async (tx) => {
      // Checked again inside the transaction: two starts racing must not seed twice.
      await tx.$executeRaw`LOCK TABLE "Post" IN SHARE ROW EXCLUSIVE MODE`;
      if ((await tx.post.count()) > 0) return { seeded: false, reason: "another process seeded it first" } as const;

      const userIds = new Map<string, string>();
      for (const { key, data } of accounts) {
        const user = await tx.user.upsert({ where: { email: data.email }, create: data, update: {}, select: { id: true } });
        userIds.set(key, user.id);
      }
      const authorId = userIds.get("author")!;

      await tx.setting.upsert({
        where: { id: 1 },
        create: {
          id: 1,
          blogTitle: demoBlog.title,
          description: demoBlog.description,
          timeZone: demoBlog.timeZone,
          // Enough that the home page reaches back to the 8 September 2011 entry.
          postsPerPage: 10,
        },
        update: {},
      });

      const labelNames = [...new Set(demoPosts.flatMap((post) => post.labels))];
      const labelIds = new Map<string, string>();
      for (const name of labelNames) {
        const label = await tx.label.create({ data: { name, slug: slugify(name) }, select: { id: true } });
        labelIds.set(name, label.id);
      }

      let comments = 0;
      for (const post of demoPosts) {
        comments += await createPost(tx as unknown as PrismaClient, post, { authorId, userIds, labelIds });
      }

      for (const page of demoPages) {
        await tx.page.create({
          data: { ...page, bodyHtml: sanitizePostHtml(page.bodyHtml), status: "PUBLISHED", publishedAt: new Date(demoPosts[0]!.publishedAt), authorId },
        });
      }
      return { seeded: true, posts: demoPosts.length, comments } as const;
    },
    { timeout: 60_000 },
  );
}

interface SeedContext {
  authorId: string;
  userIds: Map<string, string>;
  labelIds: Map<string, string>;
}

async function createPost(db: PrismaClient, post: DemoPost, { authorId, userIds, labelIds }: SeedContext): Promise<number> {
  const publishedAt = new Date(post.publishedAt);
  const bodyHtml = sanitizePostHtml(post.bodyHtml);
  const created = await db.post.create({
    data: {
      title: post.title,
      slug: post.slug,
      permalink: permalinkFor(post.slug, publishedAt, demoBlog.timeZone),
      bodyHtml,
      excerpt: post.excerpt ?? null,
      status: "PUBLISHED",
      publishedAt,
      createdAt: publishedAt,
      authorId,
      labels: { create: post.labels.map((name) => ({ labelId: labelIds.get(name)! })) },
      revisions: { create: { title: post.title, bodyHtml, excerpt: post.excerpt ?? null, authorId, createdAt: publishedAt } },
    },
    select: { id: true },
  });

  const commentIds: string[] = [];
  for (const [index, comment] of post.comments.entries()) {
    const parentId = comment.replyTo === undefined ? null : commentIds[comment.replyTo];
    const saved = await db.comment.create({
      data: {
        postId: created.id,
        parentId,
        ...commentAuthor(comment.by, userIds),
        bodyHtml: sanitizeCommentHtml(comment.bodyHtml),
        createdAt: new Date(comment.postedAt),
        idempotencyKey: `seed:${post.slug}:${index}`,
      },
      select: { id: true },
    });
    commentIds.push(saved.id);
  }
  return commentIds.length;
}

function commentAuthor(by: DemoAuthor, userIds: Map<string, string>) {
  if (typeof by === "string") return { userId: userIds.get(by)! };
  return { authorName: by.guest.name, authorUrl: by.guest.url ?? null };
}
