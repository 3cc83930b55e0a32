import { expect, test } from "@playwright/test";

// What a supervisor or load balancer asks the production server (server.mjs) for, and what it
// must never be handed from a cache: the answer of some earlier moment.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test("liveness and readiness answer JSON that no cache keeps", async ({ request }) => {
  for (const [address, body] of [
    ["/api/health", { status: "live" }],
    ["/api/health/ready", { status: "ready", checks: { database: "ok", migrations: "ok", fastPath: "on" } }],
  ] as const) {
    for (let attempt = 1; attempt <= 2; attempt++) {
      const answer = await request.get(address);
      expect(answer.status(), address).toBe(200);
      expect(await answer.json(), address).toEqual(body);
      const headers = answer.headers();
      expect(headers["content-type"], address).toContain("application/json");
      expect(headers["cache-control"], address).toBe("no-store");
      expect(headers["x-longhand-cache"], address).toBe("BYPASS");
      expect(headers["x-nextjs-cache"], address).toBeUndefined();
      expect(headers["x-nextjs-prerender"], address).toBeUndefined();
    }
  }
});

test("every response carries a request id: a new one each time, or the one our proxy sent", async ({ request }) => {
  const ids = await Promise.all([1, 2].map(async () => (await request.get("/api/health")).headers()["x-request-id"]));
  for (const id of ids) expect(id).toMatch(UUID);
  expect(ids[0]).not.toBe(ids[1]);
  // The blog under test trusts 127.0.0.1 as its proxy (TRUSTED_PROXIES), which the specs play.
  const fromProxy = await request.get("/", { headers: { "x-request-id": "0af7651916cd43dd8448eb211c80319c" } });
  expect(fromProxy.headers()["x-request-id"]).toBe("0af7651916cd43dd8448eb211c80319c");
});
