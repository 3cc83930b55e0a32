import "server-only";
import { plainTextExcerpt } from "@/lib/feed-xml";
import type { CommentStatus } from "../../generated/prisma/enums";
import { commentsOnPosts, pageBatches, postBatches, readSettings, threadOrder, type CommentRow, type EntryRow, type ExportCounts, type PostRow, type SettingsRow } from "./blog-rows";
import type { Exporter } from "./index";
import { publicPostPath, siteOrigin } from "./urls";
import { atomDate, element, emptyElement, inlineElement, parentElement, XML_DECLARATION } from "./xml-writer";

// The blog in the shape of Blogger's classic export ("Back up content"): one Atom feed whose entries
// are typed by a kind category (settings, post, page, comment) and named by Blogger's tag ids. Any
// Atom reader can read it; Blogger and Longhand's Blogger parser can import it.

const KIND_SCHEME = "http://schemas.google.com/g/2005#kind";
const KIND = "http://schemas.google.com/blogger/2008/kind#";
const LABEL_SCHEME = "http://www.blogger.com/atom/ns#";
/** Our own blog id in Blogger's ids, for what did not come from Blogger. */
const OWN_BLOG_ID = "longhand";
// Small enough that the comments of one batch of posts are read together without strain.
const POSTS_PER_BATCH = 100;
/**
 * Blogger's classic format has no moderation state: whatever it holds is published on import. So
 * only comments readers can see go out; held, spam and deleted ones stay behind.
 */
const EXPORTED_COMMENTS: CommentStatus[] = ["VISIBLE"];

/** A Blogger id, "tag:blogger.com,1999:blog-<blogId>.<kind>-<itemId>". */
interface BloggerId {
  blogId: string;
  kind: string;
  itemId: string;
}

/** An id an import kept ("blogger:<blog id>.post-<id>" behind `prefix`), or our own. */
function bloggerId(sourceKey: string | null, prefix: string, kind: "post" | "page", ownId: string): BloggerId {
  const kept = sourceKey?.startsWith(prefix) ? /^(.+)\.(post|page)-(.+)$/.exec(sourceKey.slice(prefix.length)) : null;
  return kept ? { blogId: kept[1]!, kind: kept[2]!, itemId: kept[3]! } : { blogId: OWN_BLOG_ID, kind, itemId: ownId };
}

const tagId = (id: BloggerId) => `tag:blogger.com,1999:blog-${id.blogId}.${id.kind}-${id.itemId}`;
const kindCategory = (kind: string) => emptyElement("category", { scheme: KIND_SCHEME, term: `${KIND}${kind}` });

/**
 * Blogger's setting names (the last part of a settings entry's id,
 * "tag:blogger.com,1999:blog-<id>.settings.BLOG_NAME") and the values written for ours. The Blogger
 * parser maps the same names and values back:
 *   BLOG_NAME, BLOG_DESCRIPTION: text. BLOG_TIME_ZONE: an IANA zone.
 *   BLOG_COMMENT_ACCESS: "REGISTERED" (signed-in readers), "ANYONE" (and named guests) or "NONE" (nobody).
 *   BLOG_COMMENT_MODERATION: "DISABLED" (never), "ALWAYS", "SOMETIMES" (Blogger's word for posts
 *   older than BLOG_COMMENT_MODERATION_DELAY days) or "FIRST_COMMENT" (Longhand's own: a commenter's first).
 *   BLOG_COMMENT_MODERATION_DELAY: whole days. BLOG_MAX_NUM with BLOG_MAX_UNIT "POSTS": posts per page.
 */
const COMMENT_ACCESS = { SIGNED_IN: "REGISTERED", ANYONE: "ANYONE", NOBODY: "NONE" } as const;

function settingValues(settings: SettingsRow): [string, string][] {
  const moderation = { NEVER: "DISABLED", ALWAYS: "ALWAYS", OLDER_POSTS: "SOMETIMES", FIRST_COMMENT: "FIRST_COMMENT" } as const;
  return [
    ["BLOG_NAME", settings.blogTitle],
    ["BLOG_DESCRIPTION", settings.description],
    ["BLOG_TIME_ZONE", settings.timeZone],
    ["BLOG_COMMENT_ACCESS", COMMENT_ACCESS[settings.commentPermission]],
    ["BLOG_COMMENT_MODERATION", moderation[settings.commentModeration]],
    ["BLOG_COMMENT_MODERATION_DELAY", String(settings.moderateAfterDays)],
    ["BLOG_MAX_NUM", String(settings.postsPerPage)],
    ["BLOG_MAX_UNIT", "POSTS"],
  ];
}

function settingsEntry(name: string, value: string, updated: Date): string {
  return parentElement(
    "entry",
    {},
    [
      element("id", `tag:blogger.com,1999:blog-${OWN_BLOG_ID}.settings.${name}`),
      element("published", atomDate(updated)),
      element("updated", atomDate(updated)),
      kindCategory("settings"),
      element("title", name, { type: "text" }),
      element("content", value, { type: "text" }),
    ],
    "  ",
  );
}

// No <summary>: Blogger's export has no excerpts (it cuts posts with a jump break in the body), so
// its importers, ours included, would drop one.
function entryXml(entry: EntryRow, options: { id: BloggerId; url: string | null; labels: string[] }): string {
  const draft = entry.status === "DRAFT";
  return parentElement(
    "entry",
    {},
    [
      element("id", tagId(options.id)),
      element("published", atomDate(entry.publishedAt ?? entry.createdAt)),
      element("updated", atomDate(entry.updatedAt)),
      ...(draft ? [inlineElement("app:control", {}, [element("app:draft", "yes")])] : []),
      kindCategory(options.id.kind),
      ...options.labels.map((term) => emptyElement("category", { scheme: LABEL_SCHEME, term })),
      element("title", entry.title, { type: "text" }),
      element("content", entry.bodyHtml, { type: "html" }),
      ...(options.url ? [emptyElement("link", { rel: "alternate", type: "text/html", href: options.url, title: entry.title })] : []),
      inlineElement("author", {}, [element("name", entry.author.name), element("email", entry.author.email)]),
    ],
    "  ",
  );
}

interface PostContext {
  id: BloggerId;
  url: string | null;
  origin: string;
}

function commentXml(comment: CommentRow, post: PostContext, ids: Map<string, BloggerId>): string {
  const id = ids.get(comment.id)!;
  const parent = comment.parentId ? ids.get(comment.parentId) : undefined;
  const author = [
    // Atom wants a name; a comment whose account was deleted has none left.
    element("name", comment.authorName || "Anonymous"),
    ...(comment.authorUrl ? [element("uri", comment.authorUrl)] : []),
    ...(comment.authorEmail ? [element("email", comment.authorEmail)] : []),
  ];
  return parentElement(
    "entry",
    {},
    [
      element("id", tagId(id)),
      element("published", atomDate(comment.createdAt)),
      element("updated", atomDate(comment.editedAt ?? comment.createdAt)),
      kindCategory("comment"),
      element("title", plainTextExcerpt(comment.bodyHtml, 50), { type: "text" }),
      element("content", comment.bodyHtml, { type: "html" }),
      ...(post.url
        ? [emptyElement("link", { rel: "alternate", type: "text/html", href: `${post.url}?showComment=${comment.createdAt.getTime()}#c${id.itemId}` })]
        : []),
      // Where Blogger points a reply at the comment it answers: the parent's id is the last segment.
      ...(parent
        ? [emptyElement("link", { rel: "related", type: "application/atom+xml", href: `${post.origin}/feeds/${parent.blogId}/${post.id.itemId}/comments/default/${parent.itemId}` })]
        : []),
      inlineElement("author", {}, author),
      emptyElement("thr:in-reply-to", { ref: tagId(post.id), href: post.url ?? undefined, type: post.url ? "text/html" : undefined }),
    ],
    "  ",
  );
}

function* postAndComments(post: PostRow, comments: CommentRow[], origin: string, timeZone: string): Generator<string> {
  const path = publicPostPath(post, timeZone);
  const context: PostContext = { id: bloggerId(post.importKey, "blogger:", "post", post.id), url: path ? `${origin}${path}.html` : null, origin };
  yield entryXml(post, { id: context.id, url: context.url, labels: post.labels.map((label) => label.name) });
  const ids = new Map(comments.map((comment) => [comment.id, bloggerId(comment.idempotencyKey, "import:blogger:", "post", comment.id)]));
  for (const comment of threadOrder(comments, (row) => ids.get(row.id)!.itemId)) yield commentXml(comment, context, ids);
}

export const exportAtom: Exporter = async function* (db, { now, siteUrl }): AsyncGenerator<string, ExportCounts> {
  const counts: ExportCounts = { posts: 0, pages: 0, comments: 0 };
  const origin = siteOrigin(siteUrl);
  const settings = await readSettings(db);
  yield `${XML_DECLARATION}
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:app="http://purl.org/atom/app#" xmlns:thr="http://purl.org/syndication/thread/1.0">
  ${element("id", `tag:blogger.com,1999:blog-${OWN_BLOG_ID}`)}
  ${element("updated", atomDate(now))}
  ${element("title", settings.blogTitle, { type: "text" })}
  ${element("subtitle", settings.description, { type: "text" })}
  ${emptyElement("link", { rel: "alternate", type: "text/html", href: `${origin}/` })}
  ${inlineElement("author", {}, [element("name", settings.blogTitle)])}
  ${element("generator", "Longhand")}
`;
  yield settingValues(settings)
    // Settings keep no date of their own that survives an import: they are as read at the export.
    .map(([name, value]) => settingsEntry(name, value, now))
    .join("");

  // Classic Blogger has no trash: trashed posts, and the comments on them, stay behind.
  for await (const posts of postBatches(db, { includeTrashed: false }, POSTS_PER_BATCH)) {
    const comments = await commentsOnPosts(
      db,
      posts.map((post) => post.id),
      EXPORTED_COMMENTS,
    );
    for (const post of posts) {
      const onPost = comments.get(post.id) ?? [];
      yield* postAndComments(post, onPost, origin, settings.timeZone);
      counts.posts += 1;
      counts.comments += onPost.length;
    }
  }

  for await (const pages of pageBatches(db)) {
    for (const page of pages) {
      const url = page.status === "DRAFT" ? null : `${origin}/p/${page.slug}.html`;
      yield entryXml(page, { id: bloggerId(page.importKey, "blogger:", "page", page.id), url, labels: [] });
      counts.pages += 1;
    }
  }
  yield "</feed>\n";
  return counts;
};
