import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, test, vi } from "vitest";
import { BATCH_BYTES, batchedLines, createAccessLog } from "../lib/access-log.mjs";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Served {
  lines: Record<string, unknown>[];
  raw: string[];
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; requestId: string | undefined }>;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that logs as server.mjs does (the hook first, its line once the response is closed) and answers like a cached page. */
async function serveWithLog(env: Record<string, string | undefined>): Promise<Served> {
  const raw: string[] = [];
  const logAccess = createAccessLog({ env, destination: { write: (line: string) => void raw.push(line) } });
  server = createServer((request, response) => {
    const { requestId, closed } = logAccess(request, response);
    response.once("close", () => closed("HIT"));
    response.setHeader("X-Request-Id", requestId);
    response.statusCode = request.url?.startsWith("/missing") ? 404 : 200;
    response.end("<!DOCTYPE html><title>A page</title>");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    raw,
    get lines() {
      return raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    get: (path, headers = {}) =>
      new Promise((resolve, reject) => {
        httpRequest({ host: "127.0.0.1", port, path, headers }, (response) => {
          response.resume();
          response.on("end", () => resolve({ status: response.statusCode!, requestId: response.headers["x-request-id"] as string | undefined }));
        })
          .on("error", reject)
          .end();
      }),
  };
}

/** The log line for the nth request, once it is written (after the response, and the session is read). */
const lineNumber = (served: Served, n: number) => vi.waitFor(() => served.lines[n] ?? Promise.reject(new Error(`no line ${n} yet`)), { timeout: 2_000 });

describe("the access log", () => {
  test("writes one JSON line per request: id, method, path, status, duration, cache outcome, client address", async () => {
    const served = await serveWithLog({ NEXTAUTH_SECRET: SECRET });
    const { requestId } = await served.get("/2011/09/a-post");
    await served.get("/missing");
    const [first, second] = [await lineNumber(served, 0), await lineNumber(served, 1)];
    expect(Object.keys(first).sort()).toEqual(["cache", "client", "durationMs", "level", "method", "msg", "path", "requestId", "status", "time"]);
    expect(first).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/2011/09/a-post", status: 200, cache: "HIT", client: "127.0.0.1", requestId });
    expect(first.durationMs).toEqual(expect.any(Number));
    expect(second).toMatchObject({ path: "/missing", status: 404 });
    expect(requestId).toMatch(UUID);
    expect(second.requestId).not.toBe(requestId);
  });

  test("names the signed-in account, and never logs a cookie, a token or a query string", async () => {
    const served = await serveWithLog({ NEXTAUTH_SECRET: SECRET });
    const session = await encode({ token: { sub: "user-0042", name: "Ada", email: "ada@example.test" }, secret: SECRET });
    const forged = await encode({ token: { sub: "someone-else" }, secret: "another-secret-of-at-least-thirty-two-characters" });
    await served.get("/reset-password?token=secret-reset-token", { cookie: `theme=dark; next-auth.session-token=${session}`, authorization: "Bearer secret-bearer" });
    await served.get("/dashboard?password=hunter2", { cookie: `next-auth.session-token=${forged}` });
    const [signedIn, notOurs] = [await lineNumber(served, 0), await lineNumber(served, 1)];
    expect(signedIn).toMatchObject({ path: "/reset-password", userId: "user-0042" });
    expect(notOurs).toMatchObject({ path: "/dashboard" });
    expect(notOurs).not.toHaveProperty("userId");
    const everything = served.raw.join("\n");
    for (const secret of [session, forged, "secret-reset-token", "hunter2", "secret-bearer", "ada@example.test", "theme"]) expect(everything).not.toContain(secret);
  });

  test("takes X-Request-Id and X-Forwarded-For only from a trusted proxy", async () => {
    const untrusted = await serveWithLog({ TRUSTED_PROXIES: "10.0.0.0/8" });
    const claimed = await untrusted.get("/", { "x-request-id": "made-up-by-the-client", "x-forwarded-for": "198.51.100.7" });
    expect(claimed.requestId).toMatch(UUID);
    expect(await lineNumber(untrusted, 0)).toMatchObject({ requestId: claimed.requestId, client: "127.0.0.1" });
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    const behindProxy = await serveWithLog({ TRUSTED_PROXIES: "127.0.0.1" });
    const forwarded = await behindProxy.get("/", { "x-request-id": "3f2b9c0e8a7d4b1c9e6f5a4b3c2d1e0f", "x-forwarded-for": "198.51.100.7" });
    expect(forwarded.requestId).toBe("3f2b9c0e8a7d4b1c9e6f5a4b3c2d1e0f");
    expect(await lineNumber(behindProxy, 0)).toMatchObject({ requestId: forwarded.requestId, client: "198.51.100.7" });
    // Even from our proxy, an id that could garble the log is replaced.
    const garbled = await behindProxy.get("/", { "x-request-id": "a\"b {c}" });
    expect(garbled.requestId).toMatch(UUID);
  });

  test("lines go out to stdout's writer in batches of 64 KB, and a quiet server's within a second", () => {
    vi.useFakeTimers();
    try {
      const written: string[] = [];
      let flushes = 0;
      const destination = batchedLines({ write: (text) => void written.push(text), flush: () => void flushes++, flushSync: () => {} });
      const line = `${JSON.stringify({ msg: "request", path: `/${"a".repeat(90)}` })}\n`;
      const lines = Math.ceil(BATCH_BYTES / line.length) + 40;
      for (let n = 0; n < lines; n++) destination.write(line);
      expect(BATCH_BYTES).toBe(65_536);
      expect(written).toEqual([line.repeat(Math.ceil(BATCH_BYTES / line.length))]);
      vi.advanceTimersByTime(999);
      expect(written).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(written.join("")).toBe(line.repeat(lines));
      expect(flushes).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  test("LOG_LEVEL=silent writes nothing, and still answers with a request id", async () => {
    const served = await serveWithLog({ LOG_LEVEL: "silent" });
    const { status, requestId } = await served.get("/");
    expect([status, requestId]).toEqual([200, expect.stringMatching(UUID)]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(served.raw).toEqual([]);
  });
});
