import { randomBytes } from "node:crypto";
import { databaseUrl, runSql } from "../../tests/support/sql";
import { openTestServer } from "../../tests/support/test-server";
import { startMailCapture } from "./mail-capture";
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

  // Sign-in links and password resets go to a real SMTP server here; specs read MAIL_DIR.
  const mail = await startMailCapture();
  process.env.MAIL_DIR = mail.dir;

  // NEXTAUTH_URL is the address the browser uses, so sign-in redirects and cookies stay on one host.
  // GitHub is configured (with made-up credentials: the specs never reach github.com) and Google
  // is not, so the sign-in page shows one OAuth button and not the other.
  const blog = await startBlog({
    DATABASE_URL: process.env.DATABASE_URL,
    PORT: process.env.E2E_PORT,
    HOST: "127.0.0.1",
    NEXTAUTH_URL: `http://127.0.0.1:${process.env.E2E_PORT}`,
    GITHUB_ID: "e2e-github-client-id",
    GITHUB_SECRET: "e2e-github-client-secret",
    GOOGLE_CLIENT_ID: "",
    GOOGLE_CLIENT_SECRET: "",
    SMTP_URL: mail.smtpUrl,
    EMAIL_FROM: "Notes from the Reading Room <blog@example.test>",
    // The specs play a proxy on 127.0.0.1 that forwards each test's made-up client address
    // (randomClientIp), so per-address limits stay per test.
    TRUSTED_PROXIES: "127.0.0.1",
  });

  return async () => {
    await blog.interrupt();
    await mail.stop();
    await runSql(server.serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await server.stop();
  };
}
