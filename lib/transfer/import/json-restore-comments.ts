import "server-only";
import { sanitizeCommentHtml } from "../../html";
import type { ExportedComment } from "./json-elements";
import type { RestoreContext } from "./json-restore-context";
import { clashingRows, existingIds, upsertById, type Column } from "./json-sql";

// Comments arrive in id order, so a reply may come before the comment it answers: each batch is
// written without parents, and every comment's parent is set once all of them are in. The
// parents and outcomes wait in a temporary table, not in memory (a blog may have 300,000).

const PENDING = "longhand_restore_comments";

const COMMENT_COLUMNS: Column<ExportedComment>[] = [
  { name: "postId", arrayType: "text[]", value: (comment) => comment.postId },
  { name: "userId", arrayType: "text[]", value: (comment) => comment.userId },
  { name: "authorName", arrayType: "text[]", value: (comment) => comment.authorName },
  { name: "authorUrl", arrayType: "text[]", value: (comment) => comment.authorUrl },
  { name: "authorEmail", arrayType: "text[]", value: (comment) => comment.authorEmail },
  { name: "bodyHtml", arrayType: "text[]", value: (comment) => comment.bodyHtml },
  { name: "status", arrayType: `"CommentStatus"[]`, value: (comment) => comment.status },
  { name: "idempotencyKey", arrayType: "text[]", value: (comment) => comment.idempotencyKey },
  { name: "createdAt", arrayType: "timestamp(3)[]", value: (comment) => comment.createdAt },
  { name: "editedAt", arrayType: "timestamp(3)[]", value: (comment) => comment.editedAt },
  { name: "removedBy", arrayType: `"CommentRemover"[]`, value: (comment) => comment.removedBy },
];

export async function restoreComments({ client, report, userIds }: RestoreContext, comments: ExportedComment[]): Promise<void> {
  await client.query(`CREATE TEMPORARY TABLE IF NOT EXISTS ${PENDING} (id text PRIMARY KEY, "parentId" text, outcome text NOT NULL) ON COMMIT DROP`);
  const posts = await existingIds(client, "Post", comments.map((comment) => comment.postId));
  const keyClashes = await clashingRows(client, "Comment", "idempotencyKey", comments, (comment) => comment.idempotencyKey);
  const rows: ExportedComment[] = [];
  for (const comment of comments) {
    const what = `comment ${comment.id}`;
    if (!posts.has(comment.postId)) report.note("comments", what, "its post is not here (not in the file, or skipped)", { skipped: true });
    else if (keyClashes.has(comment.id)) report.note("comments", what, `another comment here has the key ${comment.idempotencyKey}`, { skipped: true });
    else {
      const userId = comment.userId === null ? null : (userIds.get(comment.userId) ?? null);
      if (comment.userId !== null && userId === null) report.note("comments", what, "its writer is not among the file's users, so it is kept without an account");
      rows.push({ ...comment, userId, bodyHtml: sanitizeCommentHtml(comment.bodyHtml) });
    }
  }
  const outcomes = await upsertById(client, "Comment", COMMENT_COLUMNS, rows);
  await client.query(
    `INSERT INTO ${PENDING} (id, "parentId", outcome) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (id) DO UPDATE SET "parentId" = EXCLUDED."parentId", outcome = EXCLUDED.outcome`,
    [rows.map((row) => row.id), rows.map((row) => row.parentId), rows.map((row) => outcomes.get(row.id) ?? "unchanged")],
  );
}

/** Sets every restored comment's parent, then counts the comments (a new parent makes an unchanged comment updated). */
export async function finishComments({ client, report }: RestoreContext): Promise<void> {
  const exists = await client.query<{ exists: boolean }>(`SELECT to_regclass('pg_temp.${PENDING}') IS NOT NULL AS exists`);
  if (!exists.rows[0]?.exists) return;
  const orphans = await client.query<{ id: string; parentId: string }>(
    `SELECT t.id, t."parentId" FROM ${PENDING} t WHERE t."parentId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Comment" p WHERE p.id = t."parentId")`,
  );
  for (const orphan of orphans.rows) report.note("comments", `comment ${orphan.id}`, `the comment it replies to (${orphan.parentId}) is not here, so it is kept as a comment on the post`);
  await client.query(
    `WITH reparented AS (
       UPDATE "Comment" c SET "parentId" = t."parentId" FROM ${PENDING} t
        WHERE c.id = t.id AND c."parentId" IS DISTINCT FROM t."parentId"
          AND (t."parentId" IS NULL OR EXISTS (SELECT 1 FROM "Comment" p WHERE p.id = t."parentId"))
       RETURNING c.id)
     UPDATE ${PENDING} t SET outcome = 'updated' FROM reparented r WHERE t.id = r.id AND t.outcome = 'unchanged'`,
  );
  const counts = await client.query<{ outcome: "created" | "updated" | "unchanged"; n: number }>(`SELECT outcome, count(*)::int AS n FROM ${PENDING} GROUP BY outcome`);
  for (const { outcome, n } of counts.rows) report.count("comments", outcome, n);
  await client.query(`DROP TABLE ${PENDING}`);
}
