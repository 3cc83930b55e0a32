import { randomBytes } from "node:crypto";
import { databaseUrl, runSql } from "../../tests/support/sql";
import { openTestServer } from "../../tests/support/test-server";
import { startBlog } from "./start-script";

/**
 * The blog under test is `npm start`'s own script (migrate, seed the demo blog, build, `next
 * start`) on 127.0.0.1:E2E_PORT, against a database of its own on the test PostgreSQL. Specs
 * read DATABASE_URL to seed what they need.
 */
export default async function globalSetup() {
  const server = await openTestServer();
  const database = `longhand_e2e_${randomBytes(6).toString("hex")}`;
  await runSql(server.serverUrl, `CREATE DATABASE "${database}"`);
  process.env.DATABASE_URL = databaseUrl(server.serverUrl, database);

  // NEXTAUTH_URL is the address the browser uses, so sign-in redirects and cookies stay on one host.
  const blog = await startBlog({
    DATABASE_URL: process.env.DATABASE_URL,
    PORT: process.env.E2E_PORT,
    HOST: "127.0.0.1",
    NEXTAUTH_URL: `http://127.0.0.1:${process.env.E2E_PORT}`,
  });

  return async () => {
    await blog.interrupt();
    await runSql(server.serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await server.stop();
  };
}
