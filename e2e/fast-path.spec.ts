import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInWithPassword, trackedAccounts } from "./support/accounts";

// server.mjs says on every response how it was served (X-Longhand-Cache). If Next's private page
// cache shapes changed under the fast path, every page would still render, only through Next's
// router at a fraction of the speed: these checks are what notices.
const accounts = trackedAccounts();
test.afterEach(() => accounts.removeAll());

const READER_PAGES = ["/", "/2011/09/tool-6-i-have-joined-a-professional-networking-site", "/label/networking", "/2011", "/profile/maggie-ellery"];

const servedAs = async (request: APIRequestContext, address: string) => (await request.get(address, { maxRedirects: 0 })).headers()["x-longhand-cache"];

test("a reader page asked for again is answered from the page cache by server.mjs, not by Next", async ({ request }) => {
  for (const address of READER_PAGES) {
    const first = await request.get(address, { maxRedirects: 0 });
    expect(first.status(), address).toBe(200);
    // Not yet cached in this process (MISS), cached (HIT), or cached and being refilled (STALE).
    expect(["MISS", "HIT", "STALE"], address).toContain(first.headers()["x-longhand-cache"]);
    // A page past its revalidate time is served STALE until Next's refill is stored, then HIT.
    await expect.poll(() => servedAs(request, address), { message: address, timeout: 20_000 }).toBe("HIT");
  }
});

test("the dashboard, a POST and the router's own requests go through Next on purpose", async ({ request }) => {
  await signInWithPassword(request, await accounts.make("AUTHOR"));
  const dashboard = await request.get("/dashboard", { maxRedirects: 0 });
  expect(dashboard.status()).toBe(200);
  expect(dashboard.headers()["x-longhand-cache"]).toBe("BYPASS");
  expect((await request.post("/", { form: { anything: "x" }, maxRedirects: 0 })).headers()["x-longhand-cache"]).toBe("BYPASS");
  expect((await request.get("/", { headers: { rsc: "1" } })).headers()["x-longhand-cache"]).toBe("BYPASS");
});
