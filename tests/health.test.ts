// First: it sets up Next's request storage, which next/server would otherwise find missing.
import { inNextRequest, nextRequest } from "./support/next-request";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrationsDir } from "../scripts/lib/paths";
import { startTcpProxy, type TcpProxy } from "../scripts/lib/tcp-proxy";
import { checkReadiness } from "../lib/health";
import { createTestDatabase, runSql, withMigratedDatabase, type TestDatabase } from "./support/databases";

const database = withMigratedDatabase();
const ready = (databaseUrl: string, fastPathOn = true) => checkReadiness({ databaseUrl, migrationsDir, fastPathOn, timeoutMs: 500 });

/** The same database reached through a forwarder the test can cut. */
async function behindProxy(url: string): Promise<{ proxy: TcpProxy; url: string }> {
  const direct = new URL(url);
  const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port) });
  direct.port = String(proxy.port);
  return { proxy, url: direct.toString() };
}

describe("readiness", () => {
  test("a migrated database that answers, with the fast path on, is ready", async () => {
    expect(await ready(database.url)).toEqual({ ready: true, checks: { database: "ok", migrations: "ok", fastPath: "on" } });
  });

  test("with the fast path off it is not", async () => {
    expect(await ready(database.url, false)).toEqual({ ready: false, checks: { database: "ok", migrations: "ok", fastPath: "off" } });
  });

  describe("pending migrations", () => {
    let behind: TestDatabase;
    beforeAll(async () => {
      behind = await createTestDatabase({ migrated: true });
    });
    afterAll(() => behind.drop());

    test("a migration in the code that the database lacks, or that failed there, is pending", async () => {
      await runSql(behind.url, `DELETE FROM "_prisma_migrations" WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`);
      expect((await ready(behind.url)).checks).toEqual({ database: "ok", migrations: "pending", fastPath: "on" });

      const failed = await createTestDatabase({ migrated: true });
      try {
        await runSql(failed.url, `UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = (SELECT min(migration_name) FROM "_prisma_migrations")`);
        expect(await ready(failed.url)).toMatchObject({ ready: false, checks: { migrations: "pending" } });
      } finally {
        await failed.drop();
      }
    });

    test("a database no migration has reached has every one pending", async () => {
      const empty = await createTestDatabase({ migrated: false });
      try {
        expect(await ready(empty.url)).toEqual({ ready: false, checks: { database: "ok", migrations: "pending", fastPath: "on" } });
      } finally {
        await empty.drop();
      }
    });
  });

  test("a database that stopped, or stopped answering, makes it unready within its timeout", async () => {
    const { proxy, url } = await behindProxy(database.url);
    try {
      expect((await ready(url)).ready).toBe(true);
      await proxy.cut();
      expect(await ready(url)).toEqual({ ready: false, checks: { database: "unreachable", migrations: "unknown", fastPath: "on" } });
      await proxy.restore();
      await proxy.blackhole();
      // A stalled network would hold a probe for as long as TCP retries; the check gives up on its own.
      const started = Date.now();
      expect((await ready(url)).checks.database).toBe("unreachable");
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await proxy.close();
    }
  });
});

describe("GET /api/health/ready", () => {
  let proxy: TcpProxy;
  let route: typeof import("../app/api/health/ready/route");
  let liveness: typeof import("../app/api/health/route");
  let fastPath: typeof import("../lib/fast-path-status.mjs");

  beforeAll(async () => {
    const behind = await behindProxy(database.url);
    proxy = behind.proxy;
    process.env.DATABASE_URL = behind.url;
    route = await import("../app/api/health/ready/route");
    liveness = await import("../app/api/health/route");
    fastPath = await import("../lib/fast-path-status.mjs");
  });
  afterAll(() => proxy?.close());

  async function ask(path = "/api/health/ready", handler = () => route.GET()) {
    const request = nextRequest(new URL(`http://blog.example.test${path}`), { method: "GET" });
    const { outcome } = await inNextRequest({ page: `${path}/route`, request }, handler);
    if (outcome.status === "rejected") throw outcome.reason;
    return outcome.value;
  }

  test("answers 200 when ready and 503 naming the failed check, never cached, with nothing from the database's errors", async () => {
    fastPath.recordFastPath(undefined);
    const up = await ask();
    expect(up.status).toBe(200);
    expect(up.headers.get("cache-control")).toBe("no-store");
    expect(await up.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok", fastPath: "on" } });

    await proxy.cut();
    const down = await ask();
    expect(down.status).toBe(503);
    expect(down.headers.get("cache-control")).toBe("no-store");
    const body = await down.text();
    expect(JSON.parse(body)).toEqual({ status: "not ready", checks: { database: "unreachable", migrations: "unknown", fastPath: "on" } });
    expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
    // Liveness asks nothing of the database: the process answers, so nobody restarts it for this.
    const live = await ask("/api/health", () => liveness.GET());
    expect([live.status, live.headers.get("cache-control"), await live.json()]).toEqual([200, "no-store", { status: "live" }]);
    await proxy.restore();

    fastPath.recordFastPath("Next is not the release the fast path was written for");
    const off = await ask();
    expect(off.status).toBe(503);
    expect(await off.json()).toMatchObject({ checks: { fastPath: "off" } });
  });
});
