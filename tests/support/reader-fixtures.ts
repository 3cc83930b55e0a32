import { runSql } from "./sql";

/**
 * Posts readers must never see, each with a comment: a draft, a scheduled post not yet due, and a
 * trashed one, all with permalinks and in December 2012 so they would sort first if they leaked.
 */
export async function addHiddenPosts(url: string) {
  const author = (await runSql(url, `SELECT id FROM "User" WHERE role = 'ADMIN' LIMIT 1`)).rows[0].id as string;
  const hidden = [
    { id: "hidden-draft", status: "DRAFT", publishedAt: "2012-12-30T10:00:00Z", trashedAt: null, title: "Secret draft about allotments" },
    { id: "hidden-future", status: "SCHEDULED", publishedAt: "2999-01-01T10:00:00Z", trashedAt: null, title: "Future allotments" },
    { id: "hidden-trashed", status: "PUBLISHED", publishedAt: "2012-12-29T10:00:00Z", trashedAt: "2013-01-01T00:00:00Z", title: "Trashed allotments" },
  ];
  for (const post of hidden) {
    await runSql(
      url,
      `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "trashedAt", "authorId", "updatedAt")
       VALUES ($1, $2, $1, $3, '<p>Hidden allotments text.</p>', $4::"PostStatus", $5, $6, $7, now())`,
      [post.id, post.title, `/2012/12/${post.id}`, post.status, post.publishedAt, post.trashedAt, author],
    );
    await runSql(
      url,
      `INSERT INTO "Comment" (id, "postId", "authorName", "bodyHtml", "idempotencyKey") VALUES ($1, $2, 'Ghost', '<p>Boo</p>', $1)`,
      [`${post.id}-comment`, post.id],
    );
  }
  return hidden;
}
