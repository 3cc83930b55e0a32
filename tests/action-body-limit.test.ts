import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, limitActionBody } from "../lib/action-body-limit.mjs";
import { sendRaw } from "./support/raw-http";

// server.mjs's guard in front of Next, against real HTTP: what it hands on is answered here with
// the body it carried, as Next would read it.
const CHUNK = Buffer.alloc(64 * 1024, "a");
const GIGABYTE = 1024 * 1024 * 1024;

const server = createServer((request, response) => {
  void limitActionBody(request, response).then(async (handedOn) => {
    if (!handedOn) return;
    let received = 0;
    for await (const chunk of handedOn) received += (chunk as Buffer).length;
    response.writeHead(200).end(`${received} bytes, content-length ${handedOn.headers["content-length"] ?? "none"}`);
  });
});
let baseURL = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function* bytes(size: number) {
  for (let sent = 0; sent < size; sent += CHUNK.length) yield CHUNK.subarray(0, Math.min(CHUNK.length, size - sent));
}

const post = (size: number, headers: Record<string, string> = {}, path = "/2026/11/a-post") => sendRaw(baseURL, { method: "POST", path, headers, body: bytes(size) });

describe("a server action's body", () => {
  test("sent chunked within the limit reaches Next whole, with its length", async () => {
    const answer = await post(ACTION_BODY_LIMIT_BYTES, { "next-action": "abc" });
    expect(answer).toMatchObject({ status: 200, text: `${ACTION_BODY_LIMIT_BYTES} bytes, content-length ${ACTION_BODY_LIMIT_BYTES}` });
  });

  test("sent chunked past the limit gets a 413 while the client is still sending, long before a gigabyte", async () => {
    const answer = await post(GIGABYTE);
    expect(answer.status).toBe(413);
    expect(answer.bytesSent).toBeLessThan(64 * ACTION_BODY_LIMIT_BYTES);
  });

  test("declaring a Content-Length past the limit gets a 413 page without JavaScript, plain text with it", async () => {
    const size = ACTION_BODY_LIMIT_BYTES + 1;
    const withoutScript = await post(size, { "content-length": String(size), "content-type": "multipart/form-data; boundary=x" });
    expect(withoutScript.status).toBe(413);
    expect(withoutScript.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(withoutScript.text).toContain("That was too long to send");
    const withScript = await post(size, { "content-length": String(size), "next-action": "abc" });
    expect(withScript).toMatchObject({ status: 413, text: "That is too large to send: a form can send at most 1 MB." });
    expect(withScript.headers["content-type"]).toBe("text/plain");
  });

  test("with a Content-Length within the limit is left for Next to read", async () => {
    const answer = await post(1000, { "content-length": "1000" });
    expect(answer).toMatchObject({ status: 200, text: "1000 bytes, content-length 1000" });
  });
});

test("route handlers under /api/ keep their own limits", async () => {
  const answer = await post(ACTION_BODY_LIMIT_BYTES * 2, {}, "/api/uploads");
  expect(answer).toMatchObject({ status: 200, text: `${ACTION_BODY_LIMIT_BYTES * 2} bytes, content-length none` });
});
