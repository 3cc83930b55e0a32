import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readFormAtMost } from "../lib/uploads/read-limited";
import { sendRaw } from "./support/raw-http";

// The upload route's body reading, against real chunked HTTP requests (no Content-Length): the
// limit holds on the bytes as they arrive, and the server answers before the client is done.
const LIMIT = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 7);
const GIGABYTE = 1024 * 1024 * 1024;

const server = createServer((request, response) => {
  const headers = new Headers(Object.entries(request.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as [string, string]] : [])));
  const webRequest = new Request("http://127.0.0.1/api/uploads", { method: "POST", headers, body: Readable.toWeb(request) as ReadableStream<Uint8Array>, duplex: "half" } as RequestInit);
  readFormAtMost(webRequest, LIMIT).then(
    (form) => {
      const file = form?.get("file");
      response.writeHead(form ? 200 : 413, { connection: "close" }).end(file instanceof File ? `${file.name} ${file.size}` : "too large");
    },
    () => response.writeHead(400, { connection: "close" }).end("not a form"),
  );
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** POSTs `body` chunk by chunk with Transfer-Encoding: chunked, stopping as soon as an answer arrives. */
const postChunked = (contentType: string, body: Iterable<Buffer>) =>
  sendRaw(`http://127.0.0.1:${port}`, { method: "POST", path: "/", headers: { "content-type": contentType }, body });

const boundary = "----longhand-test-boundary";
const multipartOpening = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cover.png"\r\nContent-Type: image/png\r\n\r\n`);
const multipartClosing = Buffer.from(`\r\n--${boundary}--\r\n`);

function* multipartFile(size: number) {
  yield multipartOpening;
  for (let sent = 0; sent < size; sent += CHUNK.length) yield CHUNK.subarray(0, Math.min(CHUNK.length, size - sent));
  yield multipartClosing;
}

describe("a chunked upload body", () => {
  test("within the limit is read whole and parsed as the form it is", async () => {
    const answer = await postChunked(`multipart/form-data; boundary=${boundary}`, multipartFile(LIMIT / 2));
    expect(answer).toMatchObject({ status: 200, text: `cover.png ${LIMIT / 2}` });
  });

  test("past the limit is refused with 413 while the client is still sending, long before a gigabyte", async () => {
    const answer = await postChunked(`multipart/form-data; boundary=${boundary}`, multipartFile(GIGABYTE));
    expect(answer.status).toBe(413);
    expect(answer.bytesSent).toBeLessThan(64 * LIMIT);
  });

  test("that is not a form is told apart from one that is too large", async () => {
    const answer = await postChunked("text/plain", [Buffer.from("hello")]);
    expect(answer.status).toBe(400);
  });
});
