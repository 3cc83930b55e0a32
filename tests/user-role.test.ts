import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { startEmbeddedPostgres } from "../scripts/lib/embedded-postgres";
import { applyMigrations } from "../scripts/lib/migrator";
import { migrationsDir, projectRoot } from "../scripts/lib/paths";
import { withMigratedDatabase } from "./support/databases";
import { runSql } from "./support/sql";

const database = withMigratedDatabase();

/** `npm run user:role -- …` as a person runs it, with these environment variables. */
async function userRole(args: string[], env: Record<string, string>) {
  const tsx = path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsx, "--conditions=react-server", "scripts/user-role.ts", ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function insertUser(url: string, email: string) {
  await runSql(url, `INSERT INTO "User" (id, name, email, role, "updatedAt") VALUES ($1, 'Role Test', $2, 'READER', now())`, [email.split("@")[0], email]);
}

async function roleOf(url: string, email: string) {
  return (await runSql(url, `SELECT role FROM "User" WHERE email = $1`, [email])).rows[0]?.role as string | undefined;
}

describe("npm run user:role", () => {
  test("with DATABASE_URL, gives the account the role, whatever the case of the email and role", async () => {
    await insertUser(database.url, "promoted@example.test");
    const result = await userRole(["Promoted@Example.test", "author"], { DATABASE_URL: database.url });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("promoted@example.test is now AUTHOR (was READER)");
    expect(await roleOf(database.url, "promoted@example.test")).toBe("AUTHOR");
  });

  test("an unknown email or role is a clear error that changes nothing", async () => {
    await insertUser(database.url, "unchanged@example.test");
    const unknownEmail = await userRole(["nobody@example.test", "ADMIN"], { DATABASE_URL: database.url });
    expect(unknownEmail.code).toBe(1);
    expect(unknownEmail.stderr.trim()).toBe("No account has the email nobody@example.test.");

    const unknownRole = await userRole(["unchanged@example.test", "OWNER"], { DATABASE_URL: database.url });
    expect(unknownRole.code).toBe(1);
    expect(unknownRole.stderr).toContain('"OWNER" is not a role: use one of READER, AUTHOR, ADMIN.');
    expect(unknownRole.stderr).toContain("Usage: npm run user:role -- <email> <READER|AUTHOR|ADMIN>");

    const missing = await userRole(["unchanged@example.test"], { DATABASE_URL: database.url });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Usage: npm run user:role");
    expect(await roleOf(database.url, "unchanged@example.test")).toBe("READER");
  });

  test("without DATABASE_URL, uses the embedded PostgreSQL: joins it while npm start runs it, else starts and stops it", { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "longhand-role-"));
    // As root the cluster runs as the "postgres" user, who must be able to reach its folder.
    await chmod(dataDir, 0o755);
    const clusterDir = path.join(dataDir, "postgres");
    const env = { DATABASE_URL: "", LONGHAND_DATA_DIR: dataDir };
    try {
      // As `npm start` leaves it: running, migrated, with an account.
      let cluster = await startEmbeddedPostgres({ dataDir: clusterDir });
      await applyMigrations({ databaseUrl: cluster.url, migrationsDir });
      await insertUser(cluster.url, "embedded@example.test");

      const whileRunning = await userRole(["embedded@example.test", "AUTHOR"], env);
      expect(whileRunning.stdout).toContain("embedded@example.test is now AUTHOR (was READER) in the embedded PostgreSQL");
      expect(await roleOf(cluster.url, "embedded@example.test")).toBe("AUTHOR");
      // It left the running cluster running.
      expect(existsSync(path.join(clusterDir, "postmaster.pid"))).toBe(true);
      await cluster.stop();

      const whileStopped = await userRole(["embedded@example.test", "ADMIN"], env);
      expect(whileStopped.stdout).toContain("embedded@example.test is now ADMIN (was AUTHOR)");
      // It stopped the cluster it started.
      expect(existsSync(path.join(clusterDir, "postmaster.pid"))).toBe(false);
      cluster = await startEmbeddedPostgres({ dataDir: clusterDir });
      expect(await roleOf(cluster.url, "embedded@example.test")).toBe("ADMIN");
      await cluster.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
