import "server-only";
import type { EntryRecord } from "../records";
import { entryColumns, prepareEntry, sameEntry, STORED_ENTRY_COLUMNS, type EntryContext, type EntryRow } from "./entries";

type StoredPage = Omit<EntryRow, "importKey" | "permalink" | "excerpt" | "commentsOpen" | "trashedAt"> & { importKey: string };

const PAGE_COLUMNS = ["id", "importKey", "title", "slug", "bodyHtml", "status", "publishedAt", "authorId", "createdAt", "updatedAt"] as const;

/**
 * Static pages, one at a time (a blog has a handful). Pages have no trash, labels, excerpt or
 * comments here: a trashed page is skipped, and a scheduled one waits as a draft.
 */
export class PageWriter {
  constructor(private readonly context: EntryContext) {}

  async add(record: EntryRecord): Promise<void> {
    const { client, report } = this.context;
    if (record.trashed) {
      report.note("pages", `page “${record.title}”`, "it is in the old blog's trash", { skipped: true });
      return;
    }
    const page = await prepareEntry(record, this.context);
    if (page.status === "SCHEDULED") {
      report.note("pages", `page “${page.title}”`, "pages cannot be scheduled here: imported as a draft");
      page.status = "DRAFT";
      page.publishedAt = null;
    }
    const comparable = { ...page, permalink: null, excerpt: null, commentsOpen: true, trashedAt: null };
    const { rows } = await client.query<StoredPage>(`SELECT ${STORED_ENTRY_COLUMNS} FROM "Page" WHERE "importKey" = $1`, [page.importKey]);
    const existing = rows[0];
    if (existing) page.id = existing.id;
    page.slug = await this.freeSlug(page.slug, page.id);

    if (existing && sameEntry({ ...existing, permalink: null, excerpt: null, commentsOpen: true, trashedAt: null }, { ...comparable, slug: page.slug })) {
      report.count("pages", "unchanged");
    } else {
      const { values, unnest, select } = entryColumns([page], PAGE_COLUMNS);
      const updates = PAGE_COLUMNS.filter((column) => column !== "id" && column !== "importKey").map((column) => `"${column}" = EXCLUDED."${column}"`);
      await client.query(
        `INSERT INTO "Page" (${PAGE_COLUMNS.map((column) => `"${column}"`).join(", ")}) SELECT ${select} FROM ${unnest}
         ON CONFLICT ("importKey") DO UPDATE SET ${updates.join(", ")}, version = "Page".version + 1`,
        values,
      );
      report.count("pages", existing ? "updated" : "created");
    }
    for (const path of record.oldPaths) this.context.redirects.stage(path, { kind: "page", key: page.importKey });
  }

  /** Page slugs are unique across the blog: a clash with another page gets "-2", "-3"… */
  private async freeSlug(slug: string, id: string): Promise<string> {
    const { rows } = await this.context.client.query<{ slug: string }>(`SELECT slug FROM "Page" WHERE (slug = $1 OR slug LIKE $2) AND id <> $3`, [slug, `${slug}-%`, id]);
    const taken = new Set(rows.map((row) => row.slug));
    let candidate = slug;
    for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${slug}-${suffix}`;
    if (candidate !== slug) this.context.report.note("pages", `page /p/${slug}`, `another page already had that address, so it is at /p/${candidate}`);
    return candidate;
  }
}
