import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { knownLocale } from "../../messages";
import type { ACCEPTED_TYPES } from "../../uploads/processing";
import { appearanceOrDefaults } from "../../validation/appearance";
import { gadgetConfigSchema, storedConfig } from "../../validation/gadgets";
import type { Exporter } from "./index";
import { FORMAT_NAME } from "../import/json-elements";
import { FORMAT_VERSION, SECTION_NAMES, type SectionName, type WrittenAppearance, type WrittenElement, type WrittenSettings } from "../import/json-formats";
import { rowsById } from "./json-rows";

// The document lib/transfer/longhand-export.schema.json describes. Every object is built key by
// key in the schema's order and every table is read in id order, so two exports of one blog
// differ only in exportedAt. One element per line keeps the file diffable.

function iso(date: Date): string;
function iso(date: Date | null): string | null;
function iso(date: Date | null) {
  return date?.toISOString() ?? null;
}
const after = (afterId: string | undefined) => (afterId === undefined ? {} : { id: { gt: afterId } });

// Typed by the format's newest version (lib/transfer/import/json-formats.ts): a field added there
// is a type error here until the exporter writes it.
const SECTIONS: { [Name in SectionName]: (db: PrismaClient) => AsyncGenerator<WrittenElement<Name>> } = {
  users,
  labels,
  posts,
  pages,
  comments,
  commentSubscriptions,
  redirects,
  uploads,
  gadgets,
};

export const exportJson: Exporter = async function* (db, { now }) {
  yield `{\n  "format": "${FORMAT_NAME}",\n  "version": ${FORMAT_VERSION},\n  "exportedAt": ${JSON.stringify(now.toISOString())},\n`;
  yield `  "settings": ${JSON.stringify(await settings(db))},\n`;
  yield `  "appearance": ${JSON.stringify(await appearance(db))},\n`;
  for (const [index, name] of SECTION_NAMES.entries()) {
    yield `  ${JSON.stringify(name)}: [`;
    let separator = "\n    ";
    for await (const element of SECTIONS[name](db)) {
      yield `${separator}${JSON.stringify(element)}`;
      separator = ",\n    ";
    }
    yield `${separator === "\n    " ? "" : "\n  "}]${index < SECTION_NAMES.length - 1 ? "," : ""}\n`;
  }
  yield "}\n";
};

async function settings(db: PrismaClient): Promise<WrittenSettings> {
  const row = await db.setting.findUnique({ where: { id: 1 } });
  if (!row) return null;
  const { blogTitle, description, postsPerPage, timeZone, locale, commentPermission, commentModeration, moderateAfterDays } = row;
  return { blogTitle, description, postsPerPage, timeZone, locale: knownLocale(locale), commentPermission, commentModeration, moderateAfterDays };
}

/** As reader pages show it: a saved choice that no longer reads (a font taken off the list) as the default. */
async function appearance(db: PrismaClient): Promise<WrittenAppearance> {
  const row = await db.appearance.findUnique({ where: { id: 1 }, omit: { id: true, updatedAt: true } });
  if (!row) return null;
  const { theme, accentLight, accentDark, headingFont, bodyFont, headerImageId, faviconId } = appearanceOrDefaults(row);
  return { theme, accentLight, accentDark, headingFont, bodyFont, headerImageId, faviconId };
}

async function* users(db: PrismaClient): AsyncGenerator<WrittenElement<"users">> {
  const rows = rowsById((afterId, take) => db.user.findMany({ where: after(afterId), orderBy: { id: "asc" }, take, omit: { passwordHash: true } }));
  for await (const user of rows) {
    yield {
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: iso(user.emailVerified),
      image: user.image,
      role: user.role,
      disabledAt: iso(user.disabledAt),
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
      slug: user.slug,
      bio: user.bio,
      commentNotices: user.commentNotices,
    };
  }
}

async function* labels(db: PrismaClient): AsyncGenerator<WrittenElement<"labels">> {
  for await (const label of rowsById((afterId, take) => db.label.findMany({ where: after(afterId), orderBy: { id: "asc" }, take }))) {
    yield { id: label.id, name: label.name, slug: label.slug, createdAt: iso(label.createdAt) };
  }
}

async function* posts(db: PrismaClient): AsyncGenerator<WrittenElement<"posts">> {
  const rows = rowsById((afterId, take) =>
    db.post.findMany({
      where: after(afterId),
      orderBy: { id: "asc" },
      take,
      include: { labels: { select: { labelId: true }, orderBy: { labelId: "asc" } }, revisions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
    }),
  );
  for await (const post of rows) {
    yield {
      id: post.id,
      title: post.title,
      slug: post.slug,
      permalink: post.permalink,
      bodyHtml: post.bodyHtml,
      excerpt: post.excerpt,
      status: post.status,
      publishedAt: iso(post.publishedAt),
      commentsOpen: post.commentsOpen,
      authorId: post.authorId,
      version: post.version,
      createdAt: iso(post.createdAt),
      updatedAt: iso(post.updatedAt),
      trashedAt: iso(post.trashedAt),
      importKey: post.importKey,
      featuredImageId: post.featuredImageId,
      labelIds: post.labels.map((label) => label.labelId),
      revisions: post.revisions.map((revision) => ({
        id: revision.id,
        authorId: revision.authorId,
        kind: revision.kind,
        title: revision.title,
        bodyHtml: revision.bodyHtml,
        excerpt: revision.excerpt,
        createdAt: iso(revision.createdAt),
        updatedAt: iso(revision.updatedAt),
      })),
    };
  }
}

async function* pages(db: PrismaClient): AsyncGenerator<WrittenElement<"pages">> {
  for await (const page of rowsById((afterId, take) => db.page.findMany({ where: after(afterId), orderBy: { id: "asc" }, take }))) {
    yield {
      id: page.id,
      title: page.title,
      slug: page.slug,
      bodyHtml: page.bodyHtml,
      status: page.status,
      publishedAt: iso(page.publishedAt),
      authorId: page.authorId,
      version: page.version,
      createdAt: iso(page.createdAt),
      updatedAt: iso(page.updatedAt),
      importKey: page.importKey,
    };
  }
}

async function* comments(db: PrismaClient): AsyncGenerator<WrittenElement<"comments">> {
  for await (const comment of rowsById((afterId, take) => db.comment.findMany({ where: after(afterId), orderBy: { id: "asc" }, take }))) {
    yield {
      id: comment.id,
      postId: comment.postId,
      parentId: comment.parentId,
      userId: comment.userId,
      authorName: comment.authorName,
      authorUrl: comment.authorUrl,
      authorEmail: comment.authorEmail,
      bodyHtml: comment.bodyHtml,
      status: comment.status,
      idempotencyKey: comment.idempotencyKey,
      createdAt: iso(comment.createdAt),
      editedAt: iso(comment.editedAt),
      removedBy: comment.removedBy,
    };
  }
}

async function* commentSubscriptions(db: PrismaClient): AsyncGenerator<WrittenElement<"commentSubscriptions">> {
  for await (const subscription of rowsById((afterId, take) => db.commentSubscription.findMany({ where: after(afterId), orderBy: { id: "asc" }, take }))) {
    yield { id: subscription.id, postId: subscription.postId, email: subscription.email, createdAt: iso(subscription.createdAt), unsubscribedAt: iso(subscription.unsubscribedAt) };
  }
}

async function* redirects(db: PrismaClient): AsyncGenerator<WrittenElement<"redirects">> {
  for await (const redirect of rowsById((afterId, take) => db.redirect.findMany({ where: after(afterId), orderBy: { id: "asc" }, take }))) {
    yield { id: redirect.id, fromPath: redirect.fromPath, toPath: redirect.toPath, createdAt: iso(redirect.createdAt) };
  }
}

async function* uploads(db: PrismaClient): AsyncGenerator<WrittenElement<"uploads">> {
  for await (const upload of rowsById((afterId, take) => db.upload.findMany({ where: after(afterId), orderBy: { id: "asc" }, take }))) {
    yield {
      id: upload.id,
      storageKey: upload.storageKey,
      // Only the upload path writes the column, and only with an accepted type.
      mimeType: upload.mimeType as (typeof ACCEPTED_TYPES)[number],
      byteSize: upload.byteSize,
      width: upload.width,
      height: upload.height,
      originalName: upload.originalName,
      widths: upload.widths,
      sourceUrl: upload.sourceUrl,
      uploaderId: upload.uploaderId,
      createdAt: iso(upload.createdAt),
    };
  }
}

async function* gadgets(db: PrismaClient): AsyncGenerator<WrittenElement<"gadgets">> {
  for await (const gadget of rowsById((afterId, take) => db.gadget.findMany({ where: after(afterId), orderBy: { id: "asc" }, take }))) {
    const config = gadgetConfigSchema.safeParse({ ...(gadget.config as Record<string, unknown>), kind: gadget.kind });
    // A row whose settings no longer read is not on the reader pages either (lib/gadgets/store.ts), and would only get the file refused.
    if (config.success) yield { id: gadget.id, area: gadget.area, position: gadget.position, kind: gadget.kind, title: gadget.title, config: storedConfig(config.data) };
  }
}
