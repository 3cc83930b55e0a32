// `npm run db:new-migration -- <name> [--from <old schema file>]`: writes the next migration in
// Prisma Migrate's format from the change to prisma/schema.prisma since the last commit (or since
// the given file). Review the SQL; tests/schema-matches-migrations.test.ts checks the result.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openProjectDatabase } from "./lib/database";
import { migrationsDir, projectRoot, schemaFile } from "./lib/paths";
import { schemaDiffSql } from "./lib/schema-sql";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { from: { type: "string" } } });
const name = positionals[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name_in_snake_case> [--from <old schema.prisma>]");
  process.exit(1);
}

async function committedSchema(): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "longhand-schema-")), "schema.prisma");
  await writeFile(file, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: projectRoot }));
  return file;
}

const database = await openProjectDatabase();
try {
  const sql = await schemaDiffSql({ fromSchema: values.from ?? (await committedSchema()), toSchema: schemaFile, databaseUrl: database.url });
  if (!sql.replace(/--.*$/gm, "").trim()) {
    console.log("schema.prisma has not changed: no migration written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir);
    await writeFile(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(projectRoot, dir)}/migration.sql`);
  }
} finally {
  await database.release();
}
