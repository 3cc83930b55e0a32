import "server-only";
import { sanitizeCommentHtml } from "@/lib/html";
import type { CommentRecord } from "../records";
import type { ReportBuilder } from "./report";
import { asUtcTimestamp, utcText, type ImportClient } from "./sql";

const BATCH_SIZE = 1000;
const MAX_NAME = 100;
const MAX_URL = 500;

/** The idempotency key of an imported comment: a later import of the same comment finds it. */
export const importedCommentKey = (sourceId: string) => `import:${sourceId}`;

const webAddress = (url: string | null) => (url && /^https?:\/\//i.test(url.trim()) ? url.trim().slice(0, MAX_URL) : null);

/**
 * Comments, collected while the file streams in (a temporary table: a blog can have hundreds of
 * thousands, and a comment may come before its post or its parent) and merged in a few set-based
 * statements at the end.
 */
export class CommentStage {
  private pending: CommentRecord[] = [];
  // The batch PostgreSQL is writing while the next one is parsed: the two share the work's time.
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly client: ImportClient,
    private readonly report: ReportBuilder,
  ) {}

  static async open(client: ImportClient, report: ReportBuilder): Promise<CommentStage> {
    await client.query(`CREATE TEMPORARY TABLE import_comment (
      seq serial, id text NOT NULL DEFAULT 'c' || substr(md5(random()::text || clock_timestamp()::text), 1, 24), key text NOT NULL, post_key text NOT NULL, parent_key text, author_name text NOT NULL, author_url text,
      author_email text, body_html text NOT NULL, status "CommentStatus" NOT NULL, created_at timestamp(3) NOT NULL
    ) ON COMMIT DROP`);
    return new CommentStage(client, report);
  }

  async add(comment: CommentRecord): Promise<void> {
    this.pending.push(comment);
    if (this.pending.length >= BATCH_SIZE) await this.flush();
  }

  private async flush() {
    await this.writing;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.writing = this.client.query(
      `INSERT INTO import_comment (key, post_key, parent_key, author_name, author_url, author_email, body_html, status, created_at)
       SELECT c.key, c.post_key, c.parent_key, c.author_name, c.author_url, c.author_email, c.body_html, c.status, ${asUtcTimestamp("c.created_at")}
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::"CommentStatus"[], $9::text[])
         AS c(key, post_key, parent_key, author_name, author_url, author_email, body_html, status, created_at)`,
      [
        batch.map((comment) => importedCommentKey(comment.sourceId)),
        batch.map((comment) => comment.postSourceId),
        batch.map((comment) => (comment.parentSourceId ? importedCommentKey(comment.parentSourceId) : null)),
        batch.map((comment) => comment.authorName.replace(/\s+/g, " ").trim().slice(0, MAX_NAME) || "Anonymous"),
        batch.map((comment) => webAddress(comment.authorUrl)),
        batch.map((comment) => comment.authorEmail?.trim().toLowerCase().slice(0, 320) || null),
        batch.map((comment) => sanitizeCommentHtml(comment.bodyHtml)),
        batch.map((comment) => comment.status),
        batch.map((comment) => utcText(comment.createdAt)),
      ],
    );
    // A failure surfaces at the next flush or at merge, which await it; until then it is not unhandled.
    this.writing.catch(() => {});
  }

  /**
   * Writes the staged comments onto their posts: new ones inserted, changed ones updated, the same
   * left alone; a commenter whose email has an account here becomes that account's comment, the
   * others guests. Each staged comment first takes the id it already has here, so a reply finds
   * its parent whatever order the file had, and one statement writes them all.
   */
  async merge(): Promise<void> {
    await this.flush();
    await this.writing;
    await this.reportOrphans();
    await this.client.query(`UPDATE import_comment c SET id = existing.id FROM "Comment" existing WHERE existing."idempotencyKey" = c.key`);
    const { rows } = await this.client.query<{ created: string; updated: string; incoming: string }>(`
      WITH latest AS (
        SELECT DISTINCT ON (key) * FROM import_comment ORDER BY key, seq DESC
      ), incoming AS (
        SELECT c.*, p.id AS post_id, u.id AS user_id, parent.id AS parent_id
        FROM latest c
        JOIN "Post" p ON p."importKey" = c.post_key
        LEFT JOIN "User" u ON u.email = c.author_email
        LEFT JOIN latest parent ON parent.key = c.parent_key AND parent.post_key = c.post_key AND parent.key <> c.key
      ), written AS (
        INSERT INTO "Comment" (id, "postId", "parentId", "userId", "authorName", "authorUrl", "authorEmail", "bodyHtml", status, "idempotencyKey", "createdAt", "removedBy")
        SELECT id, post_id, parent_id, user_id, CASE WHEN user_id IS NULL THEN author_name END, author_url,
               author_email, body_html, status, key, created_at, CASE WHEN status = 'DELETED' THEN 'MODERATOR'::"CommentRemover" END
        FROM incoming
        ON CONFLICT ("idempotencyKey") DO UPDATE SET
          "postId" = EXCLUDED."postId", "parentId" = EXCLUDED."parentId", "userId" = EXCLUDED."userId", "authorName" = EXCLUDED."authorName",
          "authorUrl" = EXCLUDED."authorUrl", "authorEmail" = EXCLUDED."authorEmail", "bodyHtml" = EXCLUDED."bodyHtml", status = EXCLUDED.status,
          "createdAt" = EXCLUDED."createdAt", "removedBy" = EXCLUDED."removedBy"
        WHERE ("Comment"."postId", "Comment"."parentId", "Comment"."userId", "Comment"."authorName", "Comment"."authorUrl", "Comment"."authorEmail",
               "Comment"."bodyHtml", "Comment".status, "Comment"."createdAt", "Comment"."removedBy")
          IS DISTINCT FROM (EXCLUDED."postId", EXCLUDED."parentId", EXCLUDED."userId", EXCLUDED."authorName", EXCLUDED."authorUrl",
               EXCLUDED."authorEmail", EXCLUDED."bodyHtml", EXCLUDED.status, EXCLUDED."createdAt", EXCLUDED."removedBy")
        RETURNING (xmax = 0) AS inserted
      )
      SELECT (SELECT count(*) FROM incoming) AS incoming, count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated FROM written`);
    const { incoming, created, updated } = rows[0]!;
    this.report.tally("comments", { total: Number(incoming), created: Number(created), updated: Number(updated) });
  }

  /** Comments whose post is not in the blog (not in the file, skipped, or a page's comments). */
  private async reportOrphans() {
    const { rows } = await this.client.query<{ author_name: string; post_key: string; total: string }>(`
      SELECT c.author_name, c.post_key, count(*) OVER () AS total FROM import_comment c
      WHERE NOT EXISTS (SELECT 1 FROM "Post" p WHERE p."importKey" = c.post_key) LIMIT 50`);
    for (const row of rows) this.report.note("comments", `comment by ${row.author_name}`, `its post (${row.post_key}) is not in the blog: it was skipped, or the comment is on a page`, { skipped: true });
    const total = Number(rows[0]?.total ?? 0);
    if (total > rows.length) this.report.count("comments", "skipped", total - rows.length);
  }
}
