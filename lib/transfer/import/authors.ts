import "server-only";
import { ImportFileError, type AuthorRecord } from "../records";
import type { ReportBuilder } from "./report";
import { freeAuthorSlug, newId, type ImportClient } from "./sql";

/**
 * Who wrote what: the source's authors matched by email to accounts here, else new AUTHOR accounts
 * with no password (they claim themselves with a password reset), or everyone mapped to one
 * account (`--author`). Entries whose author has no usable email go to the blog's first admin.
 */
export class AuthorDirectory {
  private readonly byKey = new Map<string, string>();
  private fallbackId: string | undefined;

  private constructor(
    private readonly client: ImportClient,
    private readonly report: ReportBuilder,
    private readonly everyoneIs: string | undefined,
  ) {}

  static async open(client: ImportClient, report: ReportBuilder, authorEmail?: string): Promise<AuthorDirectory> {
    if (!authorEmail) return new AuthorDirectory(client, report, undefined);
    const { rows } = await client.query<{ id: string; role: string }>(`SELECT id, role FROM "User" WHERE lower(email) = lower($1)`, [authorEmail]);
    const account = rows[0];
    if (!account) throw new ImportFileError(`No account has the email ${authorEmail}: create it (or pick another) before importing with --author.`);
    if (account.role === "READER") throw new ImportFileError(`${authorEmail} is a reader: make it an AUTHOR or ADMIN first (npm run user:role -- ${authorEmail} AUTHOR).`);
    return new AuthorDirectory(client, report, account.id);
  }

  async add(author: AuthorRecord): Promise<void> {
    if (this.everyoneIs || this.byKey.has(author.key) || !author.email) return;
    const email = author.email.trim().toLowerCase();
    const { rows } = await this.client.query<{ id: string; role: string }>(`SELECT id, role FROM "User" WHERE email = $1`, [email]);
    const existing = rows[0];
    if (existing) {
      if (existing.role === "READER") {
        // Their posts are theirs to edit: a reader who wrote on the old blog becomes an author here.
        await this.client.query(`UPDATE "User" SET role = 'AUTHOR', "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1`, [existing.id]);
        this.report.note("authors", `${author.name} <${email}>`, "an existing reader account wrote posts on the old blog, so it is an author now");
        this.report.count("authors", "updated");
      } else {
        this.report.count("authors", "unchanged");
      }
      this.byKey.set(author.key, existing.id);
      return;
    }
    const id = newId();
    const name = author.name.trim().slice(0, 100) || email.split("@")[0]!;
    await this.client.query(
      `INSERT INTO "User" (id, name, slug, email, role, "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'AUTHOR', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')`,
      [id, name, await freeAuthorSlug(this.client, name), email],
    );
    this.report.count("authors", "created");
    this.byKey.set(author.key, id);
  }

  /** The account an entry by this source author belongs to. */
  async accountFor(authorKey: string | null): Promise<string> {
    if (this.everyoneIs) return this.everyoneIs;
    const known = authorKey ? this.byKey.get(authorKey) : undefined;
    return known ?? (await this.fallback());
  }

  private async fallback(): Promise<string> {
    if (this.fallbackId) return this.fallbackId;
    const { rows } = await this.client.query<{ id: string }>(
      `SELECT id FROM "User" WHERE role = 'ADMIN' AND "disabledAt" IS NULL ORDER BY "createdAt", id LIMIT 1`,
    );
    if (rows[0]) {
      this.fallbackId = rows[0].id;
      this.report.note("authors", "authors without an email address", "their posts belong to the blog's first administrator");
      return this.fallbackId;
    }
    // An empty blog with no account yet: the posts need an owner, so one is made to hold them.
    const { rows: made } = await this.client.query<{ id: string }>(
      `INSERT INTO "User" (id, name, slug, email, role, "createdAt", "updatedAt")
       VALUES ($1, 'Imported author', $2, 'imported-author@longhand.invalid', 'AUTHOR', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
       ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
      [newId(), await freeAuthorSlug(this.client, "Imported author")],
    );
    this.fallbackId = made[0]!.id;
    this.report.note("authors", "authors without an email address", "no administrator exists yet, so their posts belong to a new account, imported-author@longhand.invalid: give the posts to a real account with --author");
    return this.fallbackId;
  }
}
