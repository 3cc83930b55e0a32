import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import type { CommentStatus, PostStatus } from "../../generated/prisma/enums";
import { SETTINGS_DEFAULTS, type BlogSettingsInput } from "../../validation/settings";
import { knownLocale } from "../../messages";

// How the exporters read the blog: a batch of rows at a time, never a whole table, each table in a
// stable order (so two exports of one blog list everything alike) paged by keyset on that order.

export const BATCH_SIZE = 500;

/**
 * Reads a table in batches by keyset pagination: `readBatch` returns up to `take` rows that come
 * after `last` (all from the start when it is undefined) in an order of its own, on a unique key.
 */
export async function* inBatches<Row>(readBatch: (last: Row | undefined, take: number) => Promise<Row[]>, batchSize = BATCH_SIZE): AsyncGenerator<Row[]> {
  let last: Row | undefined;
  for (;;) {
    const rows = await readBatch(last, batchSize);
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    last = rows[rows.length - 1];
  }
}

/** What creation-order batch readers page by. */
export interface CreationKey {
  id: string;
  createdAt: Date;
}

type After = { createdAt: { gt: Date } } | { createdAt: Date; id: { gt: string } };

const afterInCreationOrder = (last: CreationKey | undefined): { OR?: After[] } =>
  last ? { OR: [{ createdAt: { gt: last.createdAt } }, { createdAt: last.createdAt, id: { gt: last.id } }] } : {};

/** Where, order and size of the next batch: spread into a Prisma `findMany` of any model with `id` and `createdAt`. */
export interface BatchQuery {
  where: { OR?: After[] };
  orderBy: [{ createdAt: "asc" }, { id: "asc" }];
  take: number;
}

/** Batches in creation order (createdAt, then id). To filter, `readBatch` adds its own conditions beside `where.OR`. */
export function inCreationOrder<Row extends CreationKey>(readBatch: (query: BatchQuery) => Promise<Row[]>, batchSize = BATCH_SIZE): AsyncGenerator<Row[]> {
  return inBatches<Row>((last, take) => readBatch({ where: afterInCreationOrder(last), orderBy: [{ createdAt: "asc" }, { id: "asc" }], take }), batchSize);
}

/** Where, order and size of the next batch of posts or pages in publication order. */
export interface DatedBatchQuery {
  where: { publishedAt: { not: null } | null; OR?: (After | { publishedAt: { gt: Date } } | { publishedAt: Date; id: { gt: string } })[] };
  orderBy: [{ publishedAt: "asc" } | { createdAt: "asc" }, { id: "asc" }];
  take: number;
}

/**
 * Posts or pages with a publication date by that date, then those never published by creation:
 * the dates Atom and WXR carry (creation is lost on the way, as both write one date for a
 * published entry), so a round trip through either gives the same order back.
 */
export async function* inPublicationOrder<Row extends CreationKey & { publishedAt: Date | null }>(
  readBatch: (query: DatedBatchQuery) => Promise<Row[]>,
  batchSize = BATCH_SIZE,
): AsyncGenerator<Row[]> {
  yield* inBatches<Row>((last, take) => {
    const after = last?.publishedAt ? { OR: [{ publishedAt: { gt: last.publishedAt } }, { publishedAt: last.publishedAt, id: { gt: last.id } }] } : {};
    return readBatch({ where: { publishedAt: { not: null }, ...after }, orderBy: [{ publishedAt: "asc" }, { id: "asc" }], take });
  }, batchSize);
  yield* inBatches<Row>((last, take) => readBatch({ where: { publishedAt: null, ...afterInCreationOrder(last) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take }), batchSize);
}

/** What an export wrote, for the person who asked for it; an exporter's generator returns it. */
export interface ExportCounts {
  posts: number;
  pages: number;
  comments: number;
}

export type SettingsRow = BlogSettingsInput;

/** The blog's settings, or the defaults a blog has before any are saved. */
export async function readSettings(db: PrismaClient): Promise<SettingsRow> {
  const settings = await db.setting.findUnique({
    where: { id: 1 },
    select: { blogTitle: true, description: true, timeZone: true, locale: true, postsPerPage: true, commentPermission: true, commentModeration: true, moderateAfterDays: true },
  });
  return settings ? { ...settings, locale: knownLocale(settings.locale) } : SETTINGS_DEFAULTS;
}

export interface AuthorRow extends CreationKey {
  name: string;
  email: string;
}

export interface EntryRow extends CreationKey {
  title: string;
  slug: string;
  bodyHtml: string;
  status: PostStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  importKey: string | null;
  author: AuthorRow;
}

export interface PostRow extends EntryRow {
  /** "/2011/09/slug", or null for a draft never published. */
  permalink: string | null;
  excerpt: string | null;
  commentsOpen: boolean;
  trashedAt: Date | null;
  labels: LabelRow[];
}

export interface LabelRow extends CreationKey {
  name: string;
  slug: string;
}

const authorSelect = { id: true, createdAt: true, name: true, email: true } as const;
const labelSelect = { id: true, createdAt: true, name: true, slug: true } as const;

/** Posts in publication order with their author and labels (labels by name), trashed ones only when asked for. */
export function postBatches(db: PrismaClient, { includeTrashed }: { includeTrashed: boolean }, batchSize = BATCH_SIZE): AsyncGenerator<PostRow[]> {
  return inPublicationOrder(async (query) => {
    const posts = await db.post.findMany({
      ...query,
      where: { ...query.where, ...(includeTrashed ? {} : { trashedAt: null }) },
      select: {
        id: true,
        createdAt: true,
        title: true,
        slug: true,
        permalink: true,
        bodyHtml: true,
        excerpt: true,
        status: true,
        publishedAt: true,
        updatedAt: true,
        trashedAt: true,
        commentsOpen: true,
        importKey: true,
        author: { select: authorSelect },
        labels: { select: { label: { select: labelSelect } }, orderBy: { label: { name: "asc" } } },
      },
    });
    return posts.map(({ labels, ...post }) => ({ ...post, labels: labels.map(({ label }) => label) }));
  }, batchSize);
}

/** Pages in publication order, with their author. */
export function pageBatches(db: PrismaClient, batchSize = BATCH_SIZE): AsyncGenerator<EntryRow[]> {
  return inPublicationOrder(
    (query) =>
      db.page.findMany({
        ...query,
        select: {
          id: true,
          createdAt: true,
          title: true,
          slug: true,
          bodyHtml: true,
          status: true,
          publishedAt: true,
          updatedAt: true,
          importKey: true,
          author: { select: authorSelect },
        },
      }),
    batchSize,
  );
}

/** Labels by name: an import creates them in another order, and a round trip should not reorder them. */
export function labelBatches(db: PrismaClient, batchSize = BATCH_SIZE): AsyncGenerator<LabelRow[]> {
  return inBatches(
    (last, take) => db.label.findMany({ where: last ? { name: { gt: last.name } } : {}, orderBy: { name: "asc" }, take, select: labelSelect }),
    batchSize,
  );
}

/** Accounts that wrote at least one post or page. */
export function authorBatches(db: PrismaClient, batchSize = BATCH_SIZE): AsyncGenerator<AuthorRow[]> {
  return inCreationOrder(
    (query) =>
      db.user.findMany({ ...query, where: { AND: [query.where, { OR: [{ posts: { some: {} } }, { pages: { some: {} } }] }] }, select: authorSelect }),
    batchSize,
  );
}

export interface CommentRow extends CreationKey {
  postId: string;
  parentId: string | null;
  /** The account's name for a signed-in commenter, else the guest name the comment was left with. */
  authorName: string;
  authorUrl: string | null;
  /** Private: the account's address, or the one a guest left. */
  authorEmail: string | null;
  bodyHtml: string;
  status: CommentStatus;
  idempotencyKey: string;
  editedAt: Date | null;
}

/**
 * The comments with one of `statuses` on some posts, by post, each post's in creation order (see
 * threadOrder for the order to write them in). All the comments of a batch of posts are read at
 * once: callers keep the batch of posts small enough for that.
 */
export async function commentsOnPosts(db: PrismaClient, postIds: string[], statuses: CommentStatus[]): Promise<Map<string, CommentRow[]>> {
  const comments = await db.comment.findMany({
    where: { postId: { in: postIds }, status: { in: statuses } },
    orderBy: [{ postId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      createdAt: true,
      postId: true,
      parentId: true,
      authorName: true,
      authorUrl: true,
      authorEmail: true,
      bodyHtml: true,
      status: true,
      idempotencyKey: true,
      editedAt: true,
      user: { select: { name: true, email: true } },
    },
  });
  const byPost = new Map<string, CommentRow[]>();
  for (const { user, ...comment } of comments) {
    const row = { ...comment, authorName: user?.name ?? comment.authorName ?? "", authorEmail: user?.email ?? comment.authorEmail };
    const rows = byPost.get(comment.postId);
    if (rows) rows.push(row);
    else byPost.set(comment.postId, [row]);
  }
  return byPost;
}

/**
 * A post's comments in the order to write them: by date, comments of the same instant by `tieBreak`
 * (an id the format carries, so that after a round trip, where database ids are new, the order is
 * the same), and every reply after the comment it answers.
 */
export function threadOrder(rows: CommentRow[], tieBreak: (row: CommentRow) => string | number): CommentRow[] {
  const keyed = rows.map((row) => ({ row, key: tieBreak(row) }));
  keyed.sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return parentsFirst(keyed.map(({ row }) => row));
}

// Clocks and imports can date a reply before the comment it answers; a reader of the file still
// meets the parent first. Otherwise the order stays as it was.
function parentsFirst(rows: CommentRow[]): CommentRow[] {
  const ids = new Set(rows.map((row) => row.id));
  const written = new Set<string>();
  const waitingFor = new Map<string, CommentRow[]>();
  const ordered: CommentRow[] = [];
  const write = (row: CommentRow) => {
    if (written.has(row.id)) return;
    ordered.push(row);
    written.add(row.id);
    const children = waitingFor.get(row.id) ?? [];
    waitingFor.delete(row.id);
    children.forEach(write);
  };
  for (const row of rows) {
    if (row.parentId && ids.has(row.parentId) && !written.has(row.parentId)) waitingFor.set(row.parentId, [...(waitingFor.get(row.parentId) ?? []), row]);
    else write(row);
  }
  // Only a cycle (which the app cannot make) leaves rows waiting: write them rather than lose them.
  for (const children of waitingFor.values()) children.forEach(write);
  return ordered;
}
