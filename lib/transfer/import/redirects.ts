import "server-only";
import type { ReportBuilder } from "./report";
import type { ImportClient } from "./sql";

/** What an old address leads to, once the import knows where that is. */
export type RedirectTarget = { kind: "post" | "page"; key: string } | { kind: "label"; slug: string };

// Addresses that are this blog's own: an old blog's path there must never shadow them.
const OWN_FIRST_SEGMENTS = new Set(["", "dashboard", "api", "feeds", "uploads", "label", "page", "search", "sign-in", "sign-up", "profile", "forgot-password", "reset-password", "check-email", "_next", "sitemap.xml", "robots.txt", "favicon.ico", "favicon.svg"]);
const BATCH_SIZE = 1000;

/** Whether an old path may become a redirect: root-relative, on this site, and not one of our own routes. */
export function isRedirectablePath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\") || path.length > 2000) return false;
  if (path.startsWith("/?")) return true;
  return !OWN_FIRST_SEGMENTS.has(path.slice(1).split(/[/?]/)[0]!);
}

/**
 * Old addresses, collected while entries stream in (a temporary table, so a big blog's paths are
 * not held in memory) and written as Redirect rows at the end, when every target has its address.
 */
export class RedirectStage {
  private pending: { fromPath: string; kind: string; key: string }[] = [];

  constructor(
    private readonly client: ImportClient,
    private readonly report: ReportBuilder,
  ) {}

  static async open(client: ImportClient, report: ReportBuilder): Promise<RedirectStage> {
    await client.query(`CREATE TEMPORARY TABLE import_redirect (seq serial, from_path text NOT NULL, kind text NOT NULL, key text NOT NULL) ON COMMIT DROP`);
    return new RedirectStage(client, report);
  }

  stage(fromPath: string, target: RedirectTarget): void {
    const path = fromPath.length > 1 ? fromPath.replace(/\/+$/, "") : fromPath;
    if (!isRedirectablePath(path)) return;
    this.pending.push({ fromPath: path, kind: target.kind, key: target.kind === "label" ? target.slug : target.key });
  }

  async flushIfFull(): Promise<void> {
    if (this.pending.length >= BATCH_SIZE) await this.flush();
  }

  private async flush() {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    await this.client.query(`INSERT INTO import_redirect (from_path, kind, key) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
      batch.map((row) => row.fromPath),
      batch.map((row) => row.kind),
      batch.map((row) => row.key),
    ]);
  }

  /**
   * Writes the redirects whose targets readers can reach (a draft has no address yet), the last
   * word winning when a path was staged twice. A path that is a post's own address is never
   * redirected, and an existing redirect away from one is removed (it would never be reached).
   */
  async merge(): Promise<void> {
    await this.flush();
    const { rows } = await this.client.query<{ usable: string; created: string; updated: string }>(`
      WITH latest AS (
        SELECT DISTINCT ON (from_path) from_path, kind, key FROM import_redirect ORDER BY from_path, seq DESC
      ), targets AS (
        SELECT from_path, CASE kind
          WHEN 'post' THEN (SELECT permalink FROM "Post" WHERE "importKey" = key AND status <> 'DRAFT' AND "trashedAt" IS NULL)
          WHEN 'page' THEN (SELECT '/p/' || slug FROM "Page" WHERE "importKey" = key AND status = 'PUBLISHED')
          WHEN 'label' THEN '/label/' || key
        END AS to_path
        FROM latest
      ), usable AS (
        SELECT from_path, to_path FROM targets t
        WHERE to_path IS NOT NULL AND to_path <> from_path AND NOT EXISTS (SELECT 1 FROM "Post" WHERE permalink = t.from_path)
      ), written AS (
        INSERT INTO "Redirect" (id, "fromPath", "toPath", "createdAt")
        SELECT 'c' || substr(md5(random()::text || from_path), 1, 24), from_path, to_path, now() AT TIME ZONE 'UTC' FROM usable
        ON CONFLICT ("fromPath") DO UPDATE SET "toPath" = EXCLUDED."toPath" WHERE "Redirect"."toPath" <> EXCLUDED."toPath"
        RETURNING (xmax = 0) AS inserted
      )
      SELECT (SELECT count(*) FROM usable) AS usable, count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated FROM written`);
    const { usable, created, updated } = rows[0]!;
    this.report.tally("redirects", { total: Number(usable), created: Number(created), updated: Number(updated) });
    // Older redirects that pointed at an address which moved now point at where it went: no chains.
    await this.client.query(`UPDATE "Redirect" r SET "toPath" = hop."toPath" FROM "Redirect" hop WHERE r."toPath" = hop."fromPath" AND hop."toPath" <> r."fromPath"`);
    await this.client.query(`DELETE FROM "Redirect" r USING "Post" p WHERE r."fromPath" = p.permalink`);
  }
}
