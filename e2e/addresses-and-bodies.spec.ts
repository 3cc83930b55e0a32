import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { sendRaw } from "../tests/support/raw-http";
import { signInWithPassword, trackedAccounts } from "./support/accounts";

// The blog under test trusts one proxy address, 127.0.0.1 (e2e/support/global-setup.ts). A client
// connecting from another loopback address is not a proxy, so what it says in X-Forwarded-For
// must not count; the requests here go out over plain sockets to pick that address.
const accounts = trackedAccounts({ role: "AUTHOR" });
test.afterEach(() => accounts.removeAll());


const otherLoopbackAddress = () => `127.${randomInt(1, 255)}.${randomInt(256)}.${randomInt(1, 255)}`;
const forgedAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** One wrong-password sign-in through next-auth, as the form posts it; answers where it redirects. */
async function signInAttempt(baseURL: string, localAddress: string, forwardedFor: string): Promise<string> {
  const csrf = await sendRaw(baseURL, { path: "/api/auth/csrf", localAddress });
  const cookie = [csrf.headers["set-cookie"] ?? []].flat().map((entry) => entry.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email: `nobody-${randomInt(1e9)}@example.test`, password: "wrong-password", callbackUrl: "/" });
  const answer = await sendRaw(baseURL, {
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": forwardedFor },
    body: [Buffer.from(form.toString())],
    localAddress,
  });
  expect(answer.status).toBe(302);
  return String(answer.headers.location);
}

test("a client that is not a trusted proxy cannot reset the sign-in limit with X-Forwarded-For", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const client = otherLoopbackAddress();
  // 30 attempts an address per 15 minutes (lib/auth/credentials.ts), each under a new made-up address.
  for (let attempt = 1; attempt <= 30; attempt++) {
    expect(await signInAttempt(baseURL!, client, forgedAddress()), `attempt ${attempt}`).not.toContain("RateLimited");
  }
  expect(await signInAttempt(baseURL!, client, forgedAddress())).toContain("RateLimited");
  // Through the trusted proxy, the address it forwards has a budget of its own.
  expect(await signInAttempt(baseURL!, "127.0.0.1", forgedAddress())).not.toContain("RateLimited");
});

test("a chunked upload past 10 MB is refused with 413 while it is still being sent", async ({ browser, baseURL }) => {
  const author = await accounts.make();
  const context = await browser.newContext();
  await signInWithPassword(context.request, author);
  const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  const boundary = "----longhand-e2e";
  const chunk = Buffer.alloc(256 * 1024, 1);
  function* gigabyteImage() {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.png"\r\nContent-Type: image/png\r\n\r\n`);
    for (let sent = 0; sent < 1024 * 1024 * 1024; sent += chunk.length) yield chunk;
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  const answer = await sendRaw(baseURL!, {
    method: "POST",
    path: "/api/uploads",
    headers: { cookie, origin: new URL(baseURL!).origin, "content-type": `multipart/form-data; boundary=${boundary}` },
    body: gigabyteImage(),
  });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.text)).toEqual({ error: "Images can be at most 10 MB." });
  // Reading the whole gigabyte first would also end in this 413, but only after all of it was sent.
  expect(answer.bytesSent).toBeLessThan(100 * 1024 * 1024);
  await context.close();
});
