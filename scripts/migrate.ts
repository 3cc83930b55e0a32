import { openProjectDatabase } from "./lib/database";
import { applyMigrations, MigrationError } from "./lib/migrator";
import { migrationsDir } from "./lib/paths";

const database = await openProjectDatabase();
try {
  const result = await applyMigrations({ databaseUrl: database.url, migrationsDir, log: console.log });
  console.log(
    result.applied.length === 0
      ? `Nothing to apply: all ${result.alreadyApplied} migrations are applied to ${database.description}.`
      : `Applied ${result.applied.length} migration(s) to ${database.description}.`,
  );
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.release();
}
