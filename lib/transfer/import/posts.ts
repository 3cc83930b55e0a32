import "server-only";
import type { EntryRecord } from "../records";
import { entryColumns, prepareEntry, sameEntry, STORED_ENTRY_COLUMNS, type EntryContext, type EntryRow } from "./entries";
import { newId } from "./sql";

type PreparedPost = EntryRow & { labelNames: string[]; oldPaths: string[] };
type StoredPost = Omit<EntryRow, "importKey"> & { importKey: string };

const POST_COLUMNS = ["id", "importKey", "title", "slug", "permalink", "bodyHtml", "excerpt", "status", "publishedAt", "commentsOpen", "authorId", "createdAt", "updatedAt", "trashedAt"] as const;
const UPDATED_COLUMNS = POST_COLUMNS.filter((column) => column !== "id" && column !== "importKey");
const BATCH_SIZE = 200;

/**
 * Writes imported posts a batch at a time, keyed on their source ids: new ones are inserted,
 * changed ones updated (with a revision when the words changed), identical ones left alone. A
 * batch costs the same few statements however many posts it holds.
 */
export class PostWriter {
  private pending: PreparedPost[] = [];
  // Permalinks this import has given out, so two source posts never share an address.
  private readonly taken = new Set<string>();

  constructor(private readonly context: EntryContext) {}

  async add(record: EntryRecord): Promise<void> {
    this.pending.push({ ...(await prepareEntry(record, this.context)), oldPaths: record.oldPaths });
    if (this.pending.length >= BATCH_SIZE) await this.flush();
  }

  async flush(): Promise<void> {
    // The same entry twice in one file: the later one is what the source last said.
    const batch = [...new Map(this.pending.map((post) => [post.importKey, post])).values()];
    this.pending = [];
    if (batch.length === 0) return;
    const { client } = this.context;
    const { rows: stored } = await client.query<StoredPost>(
      `SELECT ${STORED_ENTRY_COLUMNS}, permalink, excerpt, "commentsOpen", ("trashedAt" AT TIME ZONE 'UTC') AS "trashedAt" FROM "Post" WHERE "importKey" = ANY($1)`,
      [batch.map((post) => post.importKey)],
    );
    const storedByKey = new Map(stored.map((row) => [row.importKey, row]));
    for (const post of batch) {
      const existing = storedByKey.get(post.importKey);
      if (existing) post.id = existing.id;
      // Unpublishing keeps a post's address reserved; so does an import that finds it a draft now.
      if (existing && !post.permalink && existing.permalink) post.permalink = existing.permalink;
    }
    await this.claimPermalinks(batch);

    const created = batch.filter((post) => !storedByKey.has(post.importKey));
    const changed = batch.filter((post) => {
      const existing = storedByKey.get(post.importKey);
      return existing && !sameEntry(existing, post);
    });
    await this.insert(created);
    await this.update(changed);
    const relabelled = await this.syncLabels(batch);
    await this.recordRevisions(created, changed, storedByKey);
    this.stageRedirects(batch, storedByKey);

    const updated = new Set([...changed, ...batch.filter((post) => relabelled.has(post.id) && storedByKey.has(post.importKey))]);
    this.context.report.tally("posts", { total: batch.length, created: created.length, updated: updated.size });
  }

  /** A permalink held by another post (not this import's) gets "-2", "-3"… as the dashboard would ask for. */
  private async claimPermalinks(batch: PreparedPost[]) {
    const wanted = batch.filter((post) => post.permalink);
    const { rows } = await this.context.client.query<{ permalink: string; importKey: string | null }>(
      `SELECT permalink, "importKey" FROM "Post" WHERE permalink LIKE ANY($1)`,
      [wanted.map((post) => `${post.permalink!.replace(/[\\%_]/g, "\\$&")}%`)],
    );
    const heldByOthers = new Map(rows.map((row) => [row.permalink, row.importKey]));
    for (const post of wanted) {
      const base = post.permalink!;
      let candidate = base;
      for (let suffix = 2; this.taken.has(candidate) || (heldByOthers.has(candidate) && heldByOthers.get(candidate) !== post.importKey); suffix += 1) {
        candidate = `${base}-${suffix}`;
      }
      if (candidate !== base) {
        this.context.report.note("posts", `post “${post.title}”`, `another post already had ${base}, so it is at ${candidate}`);
        post.slug = candidate.split("/")[3]!;
      }
      post.permalink = candidate;
      this.taken.add(candidate);
    }
  }

  private async insert(posts: PreparedPost[]) {
    if (posts.length === 0) return;
    const { values, unnest, select } = entryColumns(posts, POST_COLUMNS);
    await this.context.client.query(
      `INSERT INTO "Post" (${POST_COLUMNS.map((column) => `"${column}"`).join(", ")}) SELECT ${select} FROM ${unnest}`,
      values,
    );
  }

  private async update(posts: PreparedPost[]) {
    if (posts.length === 0) return;
    const columns = ["id", ...UPDATED_COLUMNS] as const;
    const { values, unnest } = entryColumns(posts, columns);
    const assignments = UPDATED_COLUMNS.map((column) =>
      column.endsWith("At") ? `"${column}" = (incoming."${column}"::timestamptz AT TIME ZONE 'UTC')` : `"${column}" = incoming."${column}"`,
    );
    await this.context.client.query(
      `UPDATE "Post" SET ${assignments.join(", ")}, version = "Post".version + 1 FROM ${unnest} WHERE "Post".id = incoming.id`,
      values,
    );
  }

  /** Makes each post's labels the source's; returns the posts whose labels changed. */
  private async syncLabels(batch: PreparedPost[]): Promise<Set<string>> {
    const wanted = new Map<string, Set<string>>();
    for (const post of batch) {
      const ids = new Set<string>();
      for (const name of post.labelNames) {
        const label = await this.context.labels.resolve(name);
        if (label) ids.add(label.id);
      }
      wanted.set(post.id, ids);
    }
    const { rows } = await this.context.client.query<{ postId: string; labelId: string }>(`SELECT "postId", "labelId" FROM "PostLabel" WHERE "postId" = ANY($1)`, [[...wanted.keys()]]);
    const present = new Map<string, Set<string>>();
    for (const row of rows) present.set(row.postId, (present.get(row.postId) ?? new Set()).add(row.labelId));
    const added: [string, string][] = [];
    const removed: [string, string][] = [];
    for (const [postId, labelIds] of wanted) {
      const have = present.get(postId) ?? new Set<string>();
      for (const labelId of labelIds) if (!have.has(labelId)) added.push([postId, labelId]);
      for (const labelId of have) if (!labelIds.has(labelId)) removed.push([postId, labelId]);
    }
    const { client } = this.context;
    if (removed.length > 0) {
      await client.query(`DELETE FROM "PostLabel" WHERE ("postId", "labelId") IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [removed.map((pair) => pair[0]), removed.map((pair) => pair[1])]);
    }
    if (added.length > 0) {
      await client.query(`INSERT INTO "PostLabel" ("postId", "labelId") SELECT * FROM unnest($1::text[], $2::text[])`, [added.map((pair) => pair[0]), added.map((pair) => pair[1])]);
    }
    return new Set([...added, ...removed].map(([postId]) => postId));
  }

  /** A new post starts its history with the imported text; an update whose words changed adds to it. */
  private async recordRevisions(created: PreparedPost[], changed: PreparedPost[], stored: Map<string, StoredPost>) {
    const reworded = changed.filter((post) => {
      const before = stored.get(post.importKey)!;
      return before.title !== post.title || before.bodyHtml !== post.bodyHtml || before.excerpt !== post.excerpt;
    });
    const revisions = [...created, ...reworded];
    if (revisions.length === 0) return;
    await this.context.client.query(
      `INSERT INTO "PostRevision" (id, "postId", "authorId", kind, title, "bodyHtml", excerpt, "createdAt", "updatedAt")
       SELECT r.id, r."postId", r."authorId", r.kind::"RevisionKind", r.title, r."bodyHtml", r.excerpt, ${"(r.at::timestamptz AT TIME ZONE 'UTC')"}, ${"(r.at::timestamptz AT TIME ZONE 'UTC')"}
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS r(id, "postId", "authorId", kind, title, "bodyHtml", excerpt, at)`,
      [
        revisions.map(() => newId()),
        revisions.map((post) => post.id),
        revisions.map((post) => post.authorId),
        revisions.map((post) => (post.status === "DRAFT" ? "EDIT" : "PUBLISH")),
        revisions.map((post) => post.title),
        revisions.map((post) => post.bodyHtml),
        revisions.map((post) => post.excerpt),
        revisions.map((post) => post.updatedAt.toISOString()),
      ],
    );
  }

  private stageRedirects(batch: PreparedPost[], stored: Map<string, StoredPost>) {
    for (const post of batch) {
      const previous = stored.get(post.importKey)?.permalink;
      const oldPaths = previous && previous !== post.permalink ? [...post.oldPaths, previous] : post.oldPaths;
      for (const path of oldPaths) this.context.redirects.stage(path, { kind: "post", key: post.importKey });
    }
  }
}
