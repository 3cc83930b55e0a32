import "server-only";
import { revalidateTag, updateTag } from "next/cache";
import { everyReaderTag, tags } from "@/lib/cache-tags";
import type { WriteOutcome } from "@/lib/posts/write";

// The one place that decides which reader pages each kind of write makes stale (the tags are in
// lib/cache-tags.ts). A write that changed nothing readers see expires nothing, so a draft's
// autosave or a resubmitted form never empties the cache.

/** A post saved, published, scheduled, moved, trashed or deleted: what the write says it changed. */
export function postWritten(outcome: WriteOutcome): string[] {
  return [...(outcome.posts ? [tags.post(outcome.postId), tags.posts] : []), ...(outcome.labels ? [tags.labels] : []), ...(outcome.redirects ? [tags.redirects] : [])];
}

/** "Allow comments" switched: only that post's page shows the form, or says they are closed. */
export function commentsSwitched(postId: string): string[] {
  return [tags.post(postId)];
}

/**
 * Comments stored, edited, moderated or deleted: the pages of the posts they are on (threads and
 * counts) and the comment feeds. Not `posts`: a comment on one post must not expire every other
 * post's page and every list; the lists' comment counts catch up on their own refill
 * (READER_CACHE_LIFE in lib/reader.ts).
 */
export function commentsWritten(postIds: string[]): string[] {
  return [...new Set(postIds)].map((postId) => tags.post(postId)).concat(tags.comments);
}

/** A static page went live, changed live, went back to draft or was deleted while readers saw it. */
export function staticPageChanged(): string[] {
  return [tags.pages];
}

/**
 * The blog's settings saved: the title and description head every reader page, the page size
 * shapes every list, and the time zone dates posts, comments and static pages; the comment
 * policy shows under each post.
 */
export function settingsSaved(): string[] {
  return [tags.settings, tags.posts, tags.comments, tags.pages];
}

/**
 * The blog's appearance saved: theme, colours, fonts and images are drawn by the chrome of every
 * reader page, which reads them with the settings (lib/appearance/store.ts).
 */
export function appearanceSaved(): string[] {
  return [tags.settings];
}

/**
 * A profile saved: the author page's heading, and every post that names its writer ("Posted by",
 * linked to the page whose address follows the name). Comment threads show names too, but each is
 * kept under its own post's tag: expiring every post's would empty the whole cache for one rename.
 * A rename also leaves a Redirect from the old address.
 */
export function profileSaved(): string[] {
  return [tags.authors, tags.posts, tags.redirects];
}

/**
 * An image deleted: reader pages that showed it (in a body, or as a featured image) drop it, and
 * so does every page's header and favicon when it was the blog's (the settings' tag).
 */
export function imageDeleted(): string[] {
  return [tags.uploads, tags.posts, tags.settings];
}

/** A gadget added, edited, removed or moved: every reader page has the sidebar and footer. */
export function layoutChanged(): string[] {
  return [tags.gadgets];
}

/** Scheduled posts came due: every list, post page and feed shows them. */
export function duePostsPublished(): string[] {
  return [tags.posts, tags.comments];
}

/** An import (or `npm run import` asking the running server): it may have changed anything. */
export function blogImported(): readonly string[] {
  return everyReaderTag;
}

/**
 * Inside a server action: the tags expire now and the writer's own next read waits for fresh
 * pages (read-your-writes).
 */
export function expireForWriter(expired: readonly string[]): void {
  for (const tag of expired) updateTag(tag);
}

/** Inside a route handler (updateTag is for actions only): each page is rebuilt on its next request. */
export function expireForReaders(expired: readonly string[]): void {
  for (const tag of expired) revalidateTag(tag, { expire: 0 });
}
