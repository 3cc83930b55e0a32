import "server-only";
import pg from "pg";
import { readMigrationNames } from "@/scripts/lib/migrator";

export interface ReadinessChecks {
  database: "ok" | "unreachable";
  /** Migrations in the code that the database has not applied ("unknown" while it is unreachable). */
  migrations: "ok" | "pending" | "unknown";
  fastPath: "on" | "off";
}

export interface Readiness {
  ready: boolean;
  checks: ReadinessChecks;
}

interface ReadinessOptions {
  databaseUrl: string;
  migrationsDir: string;
  fastPathOn: boolean;
  /** How long the database gets to answer; a load balancer's probe must not hang on it. */
  timeoutMs: number;
}

/** The migrations applied and finished; a failed one (neither finished nor rolled back) counts as not applied. */
const APPLIED = `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
const UNDEFINED_TABLE = "42P01";

/**
 * The names of applied migrations, asked on a connection of its own (not the app's pool, whose
 * waits are longer and whose connections the app's requests need), or undefined when the
 * database does not answer within the timeout.
 */
async function appliedMigrations(databaseUrl: string, timeoutMs: number): Promise<Set<string> | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, statement_timeout: timeoutMs });
  client.on("error", () => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
  const asked = (async () => {
    await client.connect();
    try {
      return new Set((await client.query<{ migration_name: string }>(APPLIED)).rows.map((row) => row.migration_name));
    } catch (error) {
      // A database no migration has reached yet: every migration is pending.
      if ((error as { code?: string }).code === UNDEFINED_TABLE) return new Set<string>();
      throw error;
    }
  })().catch(() => undefined);
  try {
    return await Promise.race([asked, deadline]);
  } finally {
    clearTimeout(timer);
    // Not awaited: a database that stopped answering would hold the check open.
    void client.end().catch(() => {});
  }
}

/** Whether this server can take traffic: the database answers, has every migration, and the fast path is on. */
export async function checkReadiness({ databaseUrl, migrationsDir, fastPathOn, timeoutMs }: ReadinessOptions): Promise<Readiness> {
  const [applied, expected] = await Promise.all([appliedMigrations(databaseUrl, timeoutMs), readMigrationNames(migrationsDir)]);
  const checks: ReadinessChecks = {
    database: applied ? "ok" : "unreachable",
    migrations: !applied ? "unknown" : expected.every((name) => applied.has(name)) ? "ok" : "pending",
    fastPath: fastPathOn ? "on" : "off",
  };
  return { ready: checks.database === "ok" && checks.migrations === "ok" && checks.fastPath === "on", checks };
}
