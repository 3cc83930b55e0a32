import "server-only";
import { sanitizePostHtml } from "../../html";
import type { ExportedPage, ExportedPost } from "./json-elements";
import { countOutcomes, quoted, type RestoreContext } from "./json-restore-context";
import { clashingRows, upsertById, type Column, type WriteOutcome } from "./json-sql";

// Posts with their labels and revisions, and pages. Bodies are sanitized on the way in: the file
// may not be one Longhand wrote.

type PostRow = Omit<ExportedPost, "labelIds" | "revisions" | "featuredImageId">;
type RevisionRow = ExportedPost["revisions"][number] & { postId: string };

const POST_COLUMNS: Column<PostRow>[] = [
  { name: "title", arrayType: "text[]", value: (post) => post.title },
  { name: "slug", arrayType: "text[]", value: (post) => post.slug },
  { name: "permalink", arrayType: "text[]", value: (post) => post.permalink },
  { name: "bodyHtml", arrayType: "text[]", value: (post) => post.bodyHtml },
  { name: "excerpt", arrayType: "text[]", value: (post) => post.excerpt },
  { name: "status", arrayType: `"PostStatus"[]`, value: (post) => post.status },
  { name: "publishedAt", arrayType: "timestamp(3)[]", value: (post) => post.publishedAt },
  { name: "commentsOpen", arrayType: "boolean[]", value: (post) => post.commentsOpen },
  { name: "authorId", arrayType: "text[]", value: (post) => post.authorId },
  { name: "version", arrayType: "int[]", value: (post) => post.version },
  { name: "createdAt", arrayType: "timestamp(3)[]", value: (post) => post.createdAt },
  { name: "updatedAt", arrayType: "timestamp(3)[]", value: (post) => post.updatedAt },
  { name: "trashedAt", arrayType: "timestamp(3)[]", value: (post) => post.trashedAt },
  { name: "importKey", arrayType: "text[]", value: (post) => post.importKey },
];

const REVISION_COLUMNS: Column<RevisionRow>[] = [
  { name: "postId", arrayType: "text[]", value: (revision) => revision.postId },
  { name: "authorId", arrayType: "text[]", value: (revision) => revision.authorId },
  { name: "kind", arrayType: `"RevisionKind"[]`, value: (revision) => revision.kind },
  { name: "title", arrayType: "text[]", value: (revision) => revision.title },
  { name: "bodyHtml", arrayType: "text[]", value: (revision) => revision.bodyHtml },
  { name: "excerpt", arrayType: "text[]", value: (revision) => revision.excerpt },
  { name: "createdAt", arrayType: "timestamp(3)[]", value: (revision) => revision.createdAt },
  { name: "updatedAt", arrayType: "timestamp(3)[]", value: (revision) => revision.updatedAt },
];

/** A post counts as updated when its row, its labels or any of its revisions changed. */
export async function restorePosts(context: RestoreContext, posts: ExportedPost[]): Promise<void> {
  const { client, report, userIds, labelIds } = context;
  const permalinkClashes = await clashingRows(client, "Post", "permalink", posts, (post) => post.permalink);
  const importKeyClashes = await clashingRows(client, "Post", "importKey", posts, (post) => post.importKey);
  const rows: PostRow[] = [];
  const labels: { postId: string; labelId: string }[] = [];
  const revisions: RevisionRow[] = [];
  for (const { labelIds: postLabelIds, revisions: postRevisions, featuredImageId, ...post } of posts) {
    const what = `post ${quoted(post.title)}`;
    const authorId = userIds.get(post.authorId);
    if (authorId === undefined) report.note("posts", what, "its author is not among the file's users", { skipped: true });
    else if (permalinkClashes.has(post.id)) report.note("posts", what, `another post here already has the address ${post.permalink}`, { skipped: true });
    else if (importKeyClashes.has(post.id)) report.note("posts", what, `another post here was imported from ${post.importKey}`, { skipped: true });
    else {
      rows.push({ ...post, authorId, bodyHtml: sanitizePostHtml(post.bodyHtml) });
      if (featuredImageId) context.featuredImages.push({ postId: post.id, uploadId: featuredImageId });
      for (const labelId of postLabelIds) {
        const here = labelIds.get(labelId);
        if (here === undefined) report.note("posts", what, `its label ${labelId} is not among the file's labels, so it is left off`);
        else labels.push({ postId: post.id, labelId: here });
      }
      for (const revision of postRevisions) {
        revisions.push({ ...revision, postId: post.id, authorId: userIds.get(revision.authorId) ?? authorId, bodyHtml: sanitizePostHtml(revision.bodyHtml) });
      }
    }
  }
  const outcomes = await upsertById(client, "Post", POST_COLUMNS, rows);
  // One statement may write a row once: a revision id the file repeats is written as its last copy.
  const uniqueRevisions = [...new Map(revisions.map((revision) => [revision.id, revision])).values()];
  const revisionOutcomes = await upsertById(client, "PostRevision", REVISION_COLUMNS, uniqueRevisions);
  const touched = new Set([...(await syncLabels(context, rows, labels)), ...revisionPosts(revisionOutcomes, uniqueRevisions)]);
  for (const postId of touched) if (!outcomes.has(postId)) outcomes.set(postId, "updated");
  countOutcomes(report, "posts", rows, outcomes);
}

/** Gives each post exactly the file's labels; returns the posts whose labels changed. */
async function syncLabels({ client }: RestoreContext, posts: PostRow[], labels: { postId: string; labelId: string }[]): Promise<string[]> {
  if (posts.length === 0) return [];
  const changed = await client.query<{ postId: string }>(
    `WITH wanted AS (SELECT * FROM unnest($1::text[], $2::text[]) AS w("postId", "labelId")),
          removed AS (
            DELETE FROM "PostLabel" pl
             WHERE pl."postId" = ANY($3::text[])
               AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w."postId" = pl."postId" AND w."labelId" = pl."labelId")
            RETURNING pl."postId"),
          added AS (
            INSERT INTO "PostLabel" ("postId", "labelId") SELECT "postId", "labelId" FROM wanted
            ON CONFLICT DO NOTHING
            RETURNING "postId")
     SELECT "postId" FROM removed UNION SELECT "postId" FROM added`,
    [labels.map((label) => label.postId), labels.map((label) => label.labelId), posts.map((post) => post.id)],
  );
  return changed.rows.map((row) => row.postId);
}

function revisionPosts(outcomes: Map<string, WriteOutcome>, revisions: RevisionRow[]): string[] {
  return revisions.filter((revision) => outcomes.has(revision.id)).map((revision) => revision.postId);
}

const PAGE_COLUMNS: Column<ExportedPage>[] = [
  { name: "title", arrayType: "text[]", value: (page) => page.title },
  { name: "slug", arrayType: "text[]", value: (page) => page.slug },
  { name: "bodyHtml", arrayType: "text[]", value: (page) => page.bodyHtml },
  { name: "status", arrayType: `"PostStatus"[]`, value: (page) => page.status },
  { name: "publishedAt", arrayType: "timestamp(3)[]", value: (page) => page.publishedAt },
  { name: "authorId", arrayType: "text[]", value: (page) => page.authorId },
  { name: "version", arrayType: "int[]", value: (page) => page.version },
  { name: "createdAt", arrayType: "timestamp(3)[]", value: (page) => page.createdAt },
  { name: "updatedAt", arrayType: "timestamp(3)[]", value: (page) => page.updatedAt },
  { name: "importKey", arrayType: "text[]", value: (page) => page.importKey },
];

export async function restorePages({ client, report, userIds }: RestoreContext, pages: ExportedPage[]): Promise<void> {
  const slugClashes = await clashingRows(client, "Page", "slug", pages, (page) => page.slug);
  const importKeyClashes = await clashingRows(client, "Page", "importKey", pages, (page) => page.importKey);
  const rows: ExportedPage[] = [];
  for (const page of pages) {
    const what = `page ${quoted(page.title)}`;
    const authorId = userIds.get(page.authorId);
    if (authorId === undefined) report.note("pages", what, "its author is not among the file's users", { skipped: true });
    else if (slugClashes.has(page.id)) report.note("pages", what, `another page here already has the address /p/${page.slug}`, { skipped: true });
    else if (importKeyClashes.has(page.id)) report.note("pages", what, `another page here was imported from ${page.importKey}`, { skipped: true });
    else rows.push({ ...page, authorId, bodyHtml: sanitizePostHtml(page.bodyHtml) });
  }
  countOutcomes(report, "pages", rows, await upsertById(client, "Page", PAGE_COLUMNS, rows));
}

/** The posts' featured images, once the uploads are in (an upload the file does not have leaves none). */
export async function finishFeaturedImages({ client, featuredImages }: RestoreContext): Promise<void> {
  if (featuredImages.length === 0) return;
  await client.query(
    `UPDATE "Post" p SET "featuredImageId" = f.upload_id
       FROM unnest($1::text[], $2::text[]) AS f(post_id, upload_id)
      WHERE p.id = f.post_id AND EXISTS (SELECT 1 FROM "Upload" u WHERE u.id = f.upload_id) AND p."featuredImageId" IS DISTINCT FROM f.upload_id`,
    [featuredImages.map((entry) => entry.postId), featuredImages.map((entry) => entry.uploadId)],
  );
}
