import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { databaseUrl, runSql } from "./sql";

export { databaseUrl, runSql };

/** Holds every migration; test databases are cloned from it. */
export const TEMPLATE_DATABASE = "longhand_test_template";

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new database of its own: migrated (cloned from the template) or empty. */
export async function createTestDatabase({ migrated }: { migrated: boolean }): Promise<TestDatabase> {
  const serverUrl = inject("serverUrl");
  const name = `longhand_test_${randomBytes(6).toString("hex")}`;
  await runSql(serverUrl, `CREATE DATABASE "${name}"${migrated ? ` TEMPLATE "${TEMPLATE_DATABASE}"` : ""}`);
  return {
    name,
    url: databaseUrl(serverUrl, name),
    drop: async () => {
      await runSql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A migrated database for the tests of one file, dropped when they finish. */
export function withMigratedDatabase(): { readonly url: string } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: true });
  });
  afterAll(() => database?.drop());
  return {
    get url() {
      if (!database) throw new Error("the test database is only there inside tests");
      return database.url;
    },
  };
}
