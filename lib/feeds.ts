import "server-only";
import type { Metadata } from "next";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { conditionalResponse } from "@/lib/conditional-get";
import { db } from "@/lib/db";
import {
  absolutizeHtmlUrls,
  ATOM_CONTENT_TYPE,
  plainTextExcerpt,
  renderAtom,
  renderRss,
  RSS_CONTENT_TYPE,
  type Feed,
  type FeedEntry,
} from "@/lib/feed-xml";
import {
  findFeedComments,
  findFeedLabel,
  findFeedPost,
  findFeedPosts,
  findSitemapContent,
  type SitemapEntry,
} from "@/lib/queries/feeds";
import { READER_CACHE_LIFE } from "@/lib/reader";
import { messagesFor } from "@/lib/messages";
import { getBlogSettings } from "@/lib/settings";
import { absoluteUrl, siteOrigin } from "@/lib/site";
import { CACHED_FEEDS_PATH, feedOptions } from "@/lib/feed-addresses.mjs";
import { cachedFeedParamsSchema, feedLabelSchema, feedPostIdSchema } from "@/lib/validation/feeds";

// Feeds at Blogger's addresses, and the sitemap. The data is cached and tagged like the reader
// pages (refilled at least once a minute, so a scheduled post appears by itself). Each feed
// document is cached whole too, at /feeds/cached/... (lib/feed-addresses.mjs), where server.mjs's
// fast path serves it with its validators and 304s; the public routes render the same document
// from the cached data when Next answers them itself.

export const POSTS_FEED_PATH = "/feeds/posts/default";
export const COMMENTS_FEED_PATH = "/feeds/comments/default";

/** "/feeds/posts/default/-/Library%20life": Blogger's address for a label's feed. */
export function labelFeedPath(labelName: string): string {
  return `${POSTS_FEED_PATH}/-/${encodeURIComponent(labelName)}`;
}

export function postCommentsFeedPath(postId: string): string {
  return `/feeds/${encodeURIComponent(postId)}/comments/default`;
}

const rssPath = (path: string) => `${path}?alt=rss`;

/**
 * `<link rel="alternate">` for a page's head, shaped for `metadata.alternates.types`: the blog's
 * Atom and RSS feeds, or a label's on its label page. E.g. in a layout's generateMetadata:
 * `alternates: { types: feedAlternates(settings.blogTitle) }`.
 */
export function feedAlternates(blogTitle: string, { label }: { label?: { name: string } } = {}) {
  const path = label ? labelFeedPath(label.name) : POSTS_FEED_PATH;
  const title = label ? `${blogTitle}: ${label.name}` : blogTitle;
  return {
    "application/atom+xml": [{ url: absoluteUrl(path), title: `${title} - Atom` }],
    "application/rss+xml": [{ url: absoluteUrl(rssPath(path)), title: `${title} - RSS` }],
  } satisfies NonNullable<NonNullable<Metadata["alternates"]>["types"]>;
}

// Feeds refill as reader pages do (READER_CACHE_LIFE): a scheduled post reaches them within a minute.
async function getFeedLabel(nameOrSlug: string) {
  "use cache";
  cacheTag(tags.labels, tags.posts);
  cacheLife(READER_CACHE_LIFE);
  return findFeedLabel(db, { nameOrSlug, now: new Date() });
}

async function getFeedPosts({ take, labelId }: { take: number; labelId?: string }) {
  "use cache";
  cacheTag(tags.posts, tags.labels);
  cacheLife(READER_CACHE_LIFE);
  return findFeedPosts(db, { take, labelId, now: new Date() });
}

async function getFeedPost(postId: string) {
  "use cache";
  cacheTag(tags.posts, tags.post(postId));
  cacheLife(READER_CACHE_LIFE);
  return findFeedPost(db, { postId, now: new Date() });
}

async function getFeedComments({ take, postId }: { take: number; postId?: string }) {
  "use cache";
  cacheTag(tags.comments, tags.posts, ...(postId ? [tags.post(postId)] : []));
  cacheLife(READER_CACHE_LIFE);
  return findFeedComments(db, { take, postId, now: new Date() });
}

/** Every URL of the sitemap, root-relative, with when it last changed. */
export async function getSitemapEntries(): Promise<SitemapEntry[]> {
  "use cache";
  cacheTag(tags.posts, tags.labels, tags.pages, tags.settings);
  cacheLife(READER_CACHE_LIFE);
  const { timeZone } = await getBlogSettings();
  const content = await findSitemapContent(db, { now: new Date(), timeZone });
  return [content.home, ...content.posts, ...content.months, ...content.labels, ...content.pages];
}

function plainResponse(status: 400 | 404, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

// An empty feed still needs an updated date (RFC 4287); nothing in it has changed since the epoch.
const NEVER = new Date(0);

/** What differs from one feed to another; the rest follows from it. */
interface FeedContent {
  /** The feed's own path (Atom; RSS adds ?alt=rss). */
  path: string;
  title: string;
  description: string;
  /** The page the feed follows. */
  htmlPath: string;
  language: string;
  entries: FeedEntry[];
}

type FeedFormat = "atom" | "rss";
type LoadFeed = (take: number) => Promise<FeedContent | Response>;

/** The feed's Atom or RSS document with its validators, or the 404 from `load`. */
async function feedDocument(load: LoadFeed, { alt, take }: { alt: FeedFormat; take: number }) {
  const content = await load(take);
  if (content instanceof Response) return content;
  const feed: Feed = {
    title: content.title,
    description: content.description,
    language: content.language,
    htmlUrl: absoluteUrl(content.htmlPath),
    atomUrl: absoluteUrl(content.path),
    rssUrl: absoluteUrl(rssPath(content.path)),
    updated: content.entries.reduce((newest, entry) => (entry.updated > newest ? entry.updated : newest), NEVER),
    entries: content.entries,
  };
  return {
    body: alt === "rss" ? renderRss(feed) : renderAtom(feed),
    contentType: alt === "rss" ? RSS_CONTENT_TYPE : ATOM_CONTENT_TYPE,
    lastModified: feed.updated,
  };
}

/** Reads `alt` and `max-results`, and answers with the feed, or a 304 when the reader's copy is current. */
async function serveFeed(request: Request, load: LoadFeed): Promise<Response> {
  const options = feedOptions(new URL(request.url).searchParams);
  if ("error" in options) return plainResponse(400, options.error);
  const document = await feedDocument(load, options);
  return document instanceof Response ? document : conditionalResponse(request, document);
}

/** `/feeds/posts/default[/-/<label>]`: the newest posts, or a label's, as Atom or (`?alt=rss`) RSS. */
export function postsFeedResponse(request: Request, { label }: { label?: string } = {}): Promise<Response> {
  return serveFeed(request, loadPostsFeed(label));
}

/** `/feeds/comments/default` and `/feeds/<postId>/comments/default`: the newest visible comments, across the blog or on one post. */
export function commentsFeedResponse(request: Request, { postId }: { postId?: string } = {}): Promise<Response> {
  return serveFeed(request, loadCommentsFeed(postId));
}

/**
 * `/feeds/cached/<alt>/<take>/<posts|comments>[/<label|postId>]`: a feed as a whole document Next
 * caches, with the validators server.mjs answers conditional requests with. It reads nothing of
 * the request, which is what lets Next cache it.
 */
export async function cachedFeedResponse(params: { alt: string; take: string; feed: string[] }): Promise<Response> {
  const parsed = cachedFeedParamsSchema.safeParse(params);
  if (!parsed.success) return plainResponse(404, "There is no feed at this address.");
  const { alt, take, feed: [kind, subject] } = parsed.data;
  const document = await feedDocument(kind === "posts" ? loadPostsFeed(subject) : loadCommentsFeed(subject), { alt, take });
  // A request without validators: the whole document, every time.
  return document instanceof Response ? document : conditionalResponse(new Request(absoluteUrl(CACHED_FEEDS_PATH)), document);
}

/** The newest posts, or a label's (by its name or slug; a 404 for a label readers cannot see). */
function loadPostsFeed(label: string | undefined): LoadFeed {
  return async (take) => {
    let feedLabel = null;
    if (label !== undefined) {
      const name = feedLabelSchema.safeParse(label);
      feedLabel = name.success ? await getFeedLabel(name.data) : null;
      if (!feedLabel) return plainResponse(404, "There is no label of that name on this blog.");
    }
    const [settings, posts] = await Promise.all([getBlogSettings(), getFeedPosts({ take, labelId: feedLabel?.id })]);
    const origin = siteOrigin();
    return {
      path: feedLabel ? labelFeedPath(feedLabel.name) : POSTS_FEED_PATH,
      title: feedLabel ? `${settings.blogTitle}: ${feedLabel.name}` : settings.blogTitle,
      description: settings.description,
      htmlPath: feedLabel ? `/label/${feedLabel.slug}` : "/",
      language: settings.locale,
      entries: posts.map((post) => ({
        id: absoluteUrl(post.path),
        title: post.title,
        url: absoluteUrl(post.path),
        published: post.publishedAt,
        updated: post.updatedAt,
        author: { name: post.authorName },
        categories: post.labels,
        contentHtml: absolutizeHtmlUrls(post.bodyHtml, origin),
        comments: { url: absoluteUrl(`${post.path}#comments`), atomUrl: absoluteUrl(postCommentsFeedPath(post.id)) },
      })),
    };
  };
}

/** The newest visible comments, across the blog or on one post (a 404 for a post readers cannot see). */
function loadCommentsFeed(postId: string | undefined): LoadFeed {
  return async (take) => {
    let post = null;
    if (postId !== undefined) {
      const id = feedPostIdSchema.safeParse(postId);
      post = id.success ? await getFeedPost(id.data) : null;
      if (!post) return plainResponse(404, "There is no post with that id on this blog.");
    }
    const [settings, comments] = await Promise.all([getBlogSettings(), getFeedComments({ take, postId: post?.id })]);
    const origin = siteOrigin();
    const t = messagesFor(settings.locale);
    return {
      path: post ? postCommentsFeedPath(post.id) : COMMENTS_FEED_PATH,
      title: post ? t.postCommentsFeed(settings.blogTitle, post.title) : t.commentsFeedTitle(settings.blogTitle),
      description: post ? t.postCommentsFeedDescription(post.title) : t.commentsFeedDescription(settings.blogTitle),
      htmlPath: post ? `${post.path}#comments` : "/",
      language: settings.locale,
      entries: comments.map((comment) => {
        // The post page's anchor for each comment.
        const url = absoluteUrl(`${comment.post.path}#c${comment.id}`);
        const authorUrl = comment.author.url && /^https?:\/\//i.test(comment.author.url) ? comment.author.url : null;
        return {
          id: url,
          title: plainTextExcerpt(comment.bodyHtml, 80) || t.commentBy(comment.author.name),
          url,
          published: comment.createdAt,
          updated: comment.updatedAt,
          author: { name: comment.author.name, url: authorUrl },
          categories: [],
          contentHtml: absolutizeHtmlUrls(comment.bodyHtml, origin),
          inReplyTo: { id: absoluteUrl(comment.post.path), url: absoluteUrl(comment.post.path) },
        };
      }),
    };
  };
}
