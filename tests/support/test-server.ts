import { startThrowawayPostgres } from "../../scripts/lib/embedded-postgres";
import { assertLocalDatabaseUrl } from "./local-database";
import { databaseUrl } from "./sql";

export interface TestServer {
  /** The server's maintenance database, from which the tests create and drop their own. */
  serverUrl: string;
  stop(): Promise<void>;
}

/** The PostgreSQL the tests use: DATABASE_URL_TEST (this machine only) or a throwaway embedded one. */
export async function openTestServer(): Promise<TestServer> {
  const external = process.env.DATABASE_URL_TEST;
  if (external) {
    assertLocalDatabaseUrl(external, "DATABASE_URL_TEST");
    return { serverUrl: databaseUrl(external, "postgres"), stop: async () => {} };
  }
  const cluster = await startThrowawayPostgres("postgres");
  return { serverUrl: cluster.url, stop: cluster.stop };
}
