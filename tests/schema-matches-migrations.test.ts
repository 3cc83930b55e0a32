import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inject } from "vitest";
import { applyMigrations } from "../scripts/lib/migrator";
import { migrationsDir, schemaFile } from "../scripts/lib/paths";
import { schemaDiffSql } from "../scripts/lib/schema-sql";
import { snapshotCatalog, type CatalogSnapshot } from "./support/catalog";
import { createTestDatabase, runSql, type TestDatabase } from "./support/databases";

// What the migrations do on purpose that schema.prisma cannot say. Each entry is applied to the
// snapshot of the schema's own SQL before comparing, so anything else that differs fails.
const HAND_WRITTEN: { column: string; becomes: string; why: string }[] = [
  {
    column: `Post.searchVector tsvector`,
    becomes: `Post.searchVector tsvector GENERATED STORED`,
    why: "full-text search: computed from title and body (migration post_search_vector)",
  },
];

/** The catalog Prisma's own SQL for a schema produces in an empty database. */
async function catalogOfSchema(schema: string): Promise<CatalogSnapshot> {
  const database = await createTestDatabase({ migrated: false });
  try {
    const sql = await schemaDiffSql({ toSchema: schema, databaseUrl: inject("serverUrl") });
    await runSql(database.url, sql);
    const snapshot = await snapshotCatalog(database.url);
    for (const { column, becomes } of HAND_WRITTEN) {
      const index = snapshot.columns.indexOf(column);
      if (index >= 0) snapshot.columns[index] = becomes;
    }
    snapshot.columns.sort();
    return snapshot;
  } finally {
    await database.drop();
  }
}

describe("prisma/migrations and prisma/schema.prisma", () => {
  let migrated: TestDatabase;
  let migratedCatalog: CatalogSnapshot;

  beforeAll(async () => {
    migrated = await createTestDatabase({ migrated: false });
    await applyMigrations({ databaseUrl: migrated.url, migrationsDir });
    migratedCatalog = await snapshotCatalog(migrated.url);
  });
  afterAll(() => migrated.drop());

  test("every migration applied to an empty database gives exactly what schema.prisma describes", async () => {
    const expected = await catalogOfSchema(schemaFile);

    expect(migratedCatalog.enums).toEqual(expected.enums);
    expect(migratedCatalog.tables).toEqual(expected.tables);
    expect(migratedCatalog.columns).toEqual(expected.columns);
    expect(migratedCatalog.constraints).toEqual(expected.constraints);
    expect(migratedCatalog.indexes).toEqual(expected.indexes);
  });

  test("the comparison notices a schema change that has no migration", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "longhand-schema-"));
    const changedSchema = path.join(dir, "schema.prisma");
    const original = await readFile(schemaFile, "utf8");
    await writeFile(
      changedSchema,
      original
        .replace(/model Label \{/, "model Label {\n  colour String @default(\"grey\")")
        .replace(/(model Redirect \{[^}]*)\}/, "$1  @@index([toPath])\n}"),
    );

    const changed = await catalogOfSchema(changedSchema).finally(() => rm(dir, { recursive: true, force: true }));

    expect(changed.columns).toContain(`Label.colour text NOT NULL DEFAULT 'grey'::text`);
    expect(migratedCatalog.columns).not.toContain(`Label.colour text NOT NULL DEFAULT 'grey'::text`);
    expect(changed.indexes).not.toEqual(migratedCatalog.indexes);
  });

  test("the search column is computed by PostgreSQL from title and body, with stemming", async () => {
    await runSql(migrated.url, `INSERT INTO "User" (id, name, email, "updatedAt") VALUES ('u1', 'Writer', 'w@example.com', now())`);
    await runSql(
      migrated.url,
      `INSERT INTO "Post" (id, title, slug, "bodyHtml", "authorId", "updatedAt")
       VALUES ('p1', 'Digging potatoes', 'digging', '<p>The <strong>allotments</strong> were muddy.</p>', 'u1', now())`,
    );
    const search = (query: string) =>
      runSql(migrated.url, `SELECT id FROM "Post" WHERE "searchVector" @@ websearch_to_tsquery('english', $1)`, [query]);

    expect((await search("allotment")).rowCount).toBe(1);
    expect((await search("potato dig")).rowCount).toBe(1);
    expect((await search("strong")).rowCount).toBe(0);
    expect((await search("carrots")).rowCount).toBe(0);
  });
});
