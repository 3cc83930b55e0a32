import "server-only";
import type { CommentStatus, PostStatus } from "../../generated/prisma/enums";
import { LONGHAND } from "../parsers/namespaces";
import { authorBatches, commentsOnPosts, labelBatches, pageBatches, postBatches, readSettings, threadOrder, type CommentRow, type EntryRow, type ExportCounts } from "./blog-rows";
import type { Exporter } from "./index";
import { publicPostPath, siteOrigin } from "./urls";
import { wxrNumberings, type WxrNumbering } from "./wxr-numbers";
import { cdataElement, element, inlineElement, parentElement, rssDate, wordpressDate, XML_DECLARATION } from "./xml-writer";

// WordPress eXtended RSS 1.2, as WordPress's own Tools › Export writes it (wp-admin/includes/export.php)
// and its importer reads it: authors, categories, then one item per post and page with its comments.
// One addition, longhand:time_zone, says which clock the local dates are on (WordPress ignores it;
// Longhand's importer sets the blog's zone from it, so a round trip keeps local dates).

const WXR_NAMESPACES = {
  "xmlns:excerpt": "http://wordpress.org/export/1.2/excerpt/",
  "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
  "xmlns:wfw": "http://wellformedweb.org/CommentAPI/",
  "xmlns:dc": "http://purl.org/dc/elements/1.1/",
  "xmlns:wp": "http://wordpress.org/export/1.2/",
  "xmlns:longhand": LONGHAND,
};
// Small enough that the comments of one batch of posts are read together without strain.
const POSTS_PER_BATCH = 100;
const ALL_COMMENTS: CommentStatus[] = ["VISIBLE", "PENDING", "SPAM", "DELETED"];
const APPROVAL: Record<CommentStatus, string> = { VISIBLE: "1", PENDING: "0", SPAM: "spam", DELETED: "trash" };
const WORDPRESS_STATUS: Record<PostStatus, string> = { PUBLISHED: "publish", SCHEDULED: "future", DRAFT: "draft" };
/** What WordPress writes as the publication instant of a draft never published. */
const NO_DATE = "0000-00-00 00:00:00";

interface Author {
  number: number;
  /** WordPress's user_login: the e-mail address, unique here as a login is there. */
  login: string;
}

interface Item {
  type: "post" | "page";
  entry: EntryRow;
  number: number;
  link: string;
  status: string;
  commentsOpen: boolean;
  excerpt: string;
  labels: { name: string; slug: string }[];
  comments: CommentRow[];
}

interface Context {
  origin: string;
  timeZone: string;
  authors: Map<string, Author>;
  commentNumbers: WxrNumbering;
}

function authorXml(author: Author, name: string): string {
  return parentElement(
    "wp:author",
    {},
    [
      element("wp:author_id", author.number),
      cdataElement("wp:author_login", author.login),
      cdataElement("wp:author_email", author.login),
      cdataElement("wp:author_display_name", name),
      cdataElement("wp:author_first_name", ""),
      cdataElement("wp:author_last_name", ""),
    ],
    "  ",
  );
}

function commentXml(comment: CommentRow, numbers: Map<string, number>, timeZone: string): string {
  const parent = comment.parentId ? numbers.get(comment.parentId) : undefined;
  return parentElement(
    "wp:comment",
    {},
    [
      element("wp:comment_id", numbers.get(comment.id)!),
      cdataElement("wp:comment_author", comment.authorName),
      cdataElement("wp:comment_author_email", comment.authorEmail ?? ""),
      cdataElement("wp:comment_author_url", comment.authorUrl ?? ""),
      cdataElement("wp:comment_author_IP", ""),
      cdataElement("wp:comment_date", wordpressDate(comment.createdAt, timeZone)),
      cdataElement("wp:comment_date_gmt", wordpressDate(comment.createdAt, "UTC")),
      cdataElement("wp:comment_content", comment.bodyHtml),
      cdataElement("wp:comment_approved", APPROVAL[comment.status]),
      cdataElement("wp:comment_type", "comment"),
      element("wp:comment_parent", parent ?? 0),
      element("wp:comment_user_id", 0),
    ],
    "    ",
  );
}

function itemXml(item: Item, context: Context): string {
  const { entry } = item;
  const author = context.authors.get(entry.author.id)!;
  const published = entry.publishedAt ?? entry.createdAt;
  // Numbered in creation order before any is written, so a reply can name its parent wherever it falls.
  const commentNumbers = new Map(item.comments.map((comment) => [comment.id, context.commentNumbers.numberFor(comment.idempotencyKey)]));
  return parentElement(
    "item",
    {},
    [
      element("title", entry.title),
      element("link", item.link),
      element("pubDate", rssDate(published)),
      cdataElement("dc:creator", author.login),
      element("guid", `${context.origin}/?p=${item.number}`, { isPermaLink: "false" }),
      element("description", ""),
      cdataElement("content:encoded", entry.bodyHtml),
      cdataElement("excerpt:encoded", item.excerpt),
      element("wp:post_id", item.number),
      cdataElement("wp:post_date", wordpressDate(published, context.timeZone)),
      cdataElement("wp:post_date_gmt", entry.publishedAt ? wordpressDate(entry.publishedAt, "UTC") : NO_DATE),
      cdataElement("wp:post_modified", wordpressDate(entry.updatedAt, context.timeZone)),
      cdataElement("wp:post_modified_gmt", wordpressDate(entry.updatedAt, "UTC")),
      cdataElement("wp:comment_status", item.commentsOpen ? "open" : "closed"),
      cdataElement("wp:ping_status", "closed"),
      cdataElement("wp:post_name", entry.slug),
      cdataElement("wp:status", item.status),
      element("wp:post_parent", 0),
      element("wp:menu_order", 0),
      cdataElement("wp:post_type", item.type),
      cdataElement("wp:post_password", ""),
      element("wp:is_sticky", 0),
      ...item.labels.map((label) => cdataElement("category", label.name, { domain: "category", nicename: label.slug })),
      // As WordPress keeps it, so restoring from the trash there puts the post back as it was.
      ...(item.status === "trash"
        ? [inlineElement("wp:postmeta", {}, [cdataElement("wp:meta_key", "_wp_trash_meta_status"), cdataElement("wp:meta_value", WORDPRESS_STATUS[entry.status])])]
        : []),
      ...threadOrder(item.comments, (comment) => commentNumbers.get(comment.id)!).map((comment) => commentXml(comment, commentNumbers, context.timeZone).trim()),
    ],
    "  ",
  );
}

async function authorNumbers(db: Parameters<Exporter>[0]): Promise<{ authors: Map<string, Author>; xml: string[] }> {
  const authors = new Map<string, Author>();
  const xml: string[] = [];
  for await (const batch of authorBatches(db)) {
    for (const user of batch) {
      const author = { number: authors.size + 1, login: user.email };
      authors.set(user.id, author);
      xml.push(authorXml(author, user.name));
    }
  }
  return { authors, xml };
}

export const exportWxr: Exporter = async function* (db, { now, siteUrl }): AsyncGenerator<string, ExportCounts> {
  const counts: ExportCounts = { posts: 0, pages: 0, comments: 0 };
  const origin = siteOrigin(siteUrl);
  const settings = await readSettings(db);
  const numberings = await wxrNumberings(db, new URL(origin).host);
  // One per account that wrote something: a handful, even on a big blog.
  const { authors, xml: authorsXml } = await authorNumbers(db);
  const context: Context = { origin, timeZone: settings.timeZone, authors, commentNumbers: numberings.comments };

  yield `${XML_DECLARATION}
<!-- A WordPress eXtended RSS file (WXR 1.2) of a Longhand blog: import it in WordPress with Tools › Import › WordPress. -->
<rss version="2.0"${Object.entries(WXR_NAMESPACES)
    .map(([name, uri]) => ` ${name}="${uri}"`)
    .join("")}>
<channel>
  ${element("title", settings.blogTitle)}
  ${element("link", origin)}
  ${element("description", settings.description)}
  ${element("pubDate", rssDate(now))}
  ${element("language", "en-GB")}
  ${element("wp:wxr_version", "1.2")}
  ${element("wp:base_site_url", origin)}
  ${element("wp:base_blog_url", origin)}
  ${element("generator", "Longhand")}
  ${element("longhand:time_zone", settings.timeZone)}
`;
  yield authorsXml.join("");

  let termId = 0;
  for await (const labels of labelBatches(db)) {
    yield labels
      .map((label) =>
        parentElement(
          "wp:category",
          {},
          [element("wp:term_id", ++termId), cdataElement("wp:category_nicename", label.slug), cdataElement("wp:category_parent", ""), cdataElement("wp:cat_name", label.name)],
          "  ",
        ),
      )
      .join("");
  }

  for await (const posts of postBatches(db, { includeTrashed: true }, POSTS_PER_BATCH)) {
    const comments = await commentsOnPosts(
      db,
      posts.map((post) => post.id),
      ALL_COMMENTS,
    );
    for (const post of posts) {
      const number = numberings.entries.numberFor(post.importKey);
      const onPost = comments.get(post.id) ?? [];
      counts.posts += 1;
      counts.comments += onPost.length;
      const path = publicPostPath(post, settings.timeZone);
      yield itemXml(
        {
          type: "post",
          entry: post,
          number,
          link: path ? `${origin}${path}` : `${origin}/?p=${number}`,
          status: post.trashedAt ? "trash" : WORDPRESS_STATUS[post.status],
          commentsOpen: post.commentsOpen,
          excerpt: post.excerpt ?? "",
          labels: post.labels,
          comments: onPost,
        },
        context,
      );
    }
  }

  for await (const pages of pageBatches(db)) {
    for (const page of pages) {
      const number = numberings.entries.numberFor(page.importKey);
      counts.pages += 1;
      yield itemXml(
        {
          type: "page",
          entry: page,
          number,
          link: page.status === "DRAFT" ? `${origin}/?page_id=${number}` : `${origin}/p/${page.slug}`,
          status: WORDPRESS_STATUS[page.status],
          commentsOpen: false,
          excerpt: "",
          labels: [],
          comments: [],
        },
        context,
      );
    }
  }
  yield "</channel>\n</rss>\n";
  return counts;
};
