import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { request as httpRequest } from "node:http";
import net from "node:net";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { runSql } from "../tests/support/sql";
import { randomClientIp, signInWithPassword, trackedAccounts, type TestAccount } from "./support/accounts";
import { startNginx, UPSTREAM_HEADER, type Nginx } from "./support/nginx";
import { copyTheBuild, startPrivateBlog, type PrivateBlog } from "./support/private-blog";
import { startSteadyLoad } from "./support/steady-load";

// A deployment as the README describes it: two server.mjs instances of one build, on one
// database, with one NEXTAUTH_SECRET, behind Debian's nginx running deploy/nginx.conf.
const ENTRY = "/2011/09/tool-6-i-have-joined-a-professional-networking-site";
// In order, in one worker: one set of instances for the file (the second test stops one).
test.describe.configure({ mode: "default" });
const accounts = trackedAccounts();
let build: Awaited<ReturnType<typeof copyTheBuild>> | undefined;
let instances: PrivateBlog[] = [];
let nginx: Nginx | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  build = await copyTheBuild();
  const secret = randomBytes(32).toString("base64url");
  instances = await Promise.all([0, 1].map(() => startPrivateBlog({ build: build!.dir, secret })));
  nginx = await startNginx(instances.map((instance) => instance.port));
});
test.afterAll(async () => {
  await nginx?.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
  await build?.remove();
});
test.afterEach(() => accounts.removeAll());

async function answer(url: string) {
  const response = await fetch(url);
  return { status: response.status, cache: response.headers.get("x-longhand-cache"), text: await response.text() };
}

/** Waits until every instance serves `path` from its page cache, so a later read shows what it cached, not a fresh render. */
async function cachedOnEveryInstance(path: string) {
  for (const instance of instances) {
    await expect.poll(async () => (await answer(instance.origin + path)).cache, { timeout: 20_000 }).toBe("HIT");
  }
}

/** Asks `url` over and over from `writtenAt` on: an answer to a request sent within one second of it must show `text`. */
async function expectShownWithinASecondOf(writtenAt: number, url: string, text: string) {
  const answers: string[] = [];
  do {
    const { status, cache, text: page } = await answer(url);
    if (page.includes(text)) return;
    answers.push(`${status} ${cache}`);
  } while (Date.now() < writtenAt + 1000);
  expect.soft(answers, `${url} did not show "${text}" within a second; it answered`).toEqual([]);
}

/** The instance nginx did not send the last answered POST of `page` to, and when that answer came. */
function recordPosts(page: Page) {
  const posts: { at: number; upstream: string }[] = [];
  page.on("response", (response) => {
    if (response.request().method() === "POST") posts.push({ at: Date.now(), upstream: response.headers()[UPSTREAM_HEADER] ?? "" });
  });
  return () => {
    const last = posts.at(-1);
    if (!last) throw new Error("no POST was answered");
    const port = Number(last.upstream.split(":").at(-1));
    const other = instances.find((instance) => instance.port !== port);
    if (!other || !instances.some((instance) => instance.port === port)) throw new Error(`nginx answered from "${last.upstream}"`);
    return { writtenAt: last.at, other };
  };
}

async function signedInThroughNginx(browser: Browser, who: TestAccount) {
  const context = await browser.newContext({ baseURL: nginx!.origin, extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
  await signInWithPassword(context.request, who);
  return context.newPage();
}

async function seedPost(author: TestAccount, status: "PUBLISHED" | "DRAFT", title: string) {
  const id = `inst-${randomBytes(5).toString("hex")}`;
  await runSql(
    process.env.DATABASE_URL!,
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
     VALUES ($1, $2, $1, $3, '<p>Seeded words.</p>', $4::"PostStatus", $5, $6, now())`,
    [id, title, status === "PUBLISHED" ? `/2012/11/${id}` : null, status, status === "PUBLISHED" ? "2012-11-30T10:00:00Z" : null, author.id],
  );
  return { id, path: `/2012/11/${id}` };
}

test("a comment, and a post its author publishes, through nginx on one instance are on the other's pages within a second", async ({ browser }) => {
  test.setTimeout(120_000);
  const author = await accounts.make("AUTHOR", "Ines Instance");
  const reader = await accounts.make("READER", "Rafa Reader");

  const post = await seedPost(author, "PUBLISHED", "A post read on two servers");
  await cachedOnEveryInstance(post.path);
  const page = await signedInThroughNginx(browser, reader);
  const lastPost = recordPosts(page);
  await page.goto(post.path);
  const form = page.locator("#comment-form");
  await expect(form).not.toContainText("Not signed in?");
  const comment = `Seen from both servers ${reader.id}`;
  await form.getByLabel("Your comment").fill(comment);
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(page.locator(".comment-body", { hasText: comment })).toHaveCount(1);
  const commented = lastPost();
  await expectShownWithinASecondOf(commented.writtenAt, commented.other.origin + post.path, comment);

  const title = `Published on one server ${author.id}`;
  const draft = await seedPost(author, "DRAFT", title);
  await cachedOnEveryInstance("/");
  const editor = await signedInThroughNginx(browser, author);
  const lastSave = recordPosts(editor);
  await editor.goto(`/dashboard/posts/${draft.id}`);
  await expect(editor.getByRole("textbox", { name: "Body" })).toContainText("Seeded words.");
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editor.locator("#post-phase")).toHaveText("Published · up to date");
  const published = lastSave();
  await expectShownWithinASecondOf(published.writtenAt, `${published.other.origin}/`, title);
});

/** A POST to `origin` whose body is held back after its headers were read; `finish` sends the rest and resolves with the answer. */
async function requestInFlight(origin: string) {
  // With Expect: 100-continue, Node answers "100 Continue" once it has read the headers and
  // handed the request on; server.mjs then waits for the body before passing a POST to Next.
  const request = httpRequest(`${origin}/`, { method: "POST", agent: false, headers: { expect: "100-continue", "content-type": "text/plain", "transfer-encoding": "chunked" } });
  const answered = new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
    request.once("error", reject);
    request.once("response", (response) => {
      response.resume();
      response.once("error", reject);
      response.once("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
    });
  });
  // Cut before `finish` is awaited, it is that await which fails.
  answered.catch(() => {});
  request.flushHeaders();
  await Promise.race([once(request, "continue"), answered]);
  return { finish: () => (request.end("held back until the server was stopping"), answered) };
}

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });

test("an instance stopped under load: every request through nginx is answered, and the stopping instance finishes what it had begun", async () => {
  test.setTimeout(120_000);
  const [stopping, staying] = instances as [PrivateBlog, PrivateBlog];
  const paths = ["/", ENTRY];
  for (const path of paths) await cachedOnEveryInstance(path);
  const load = startSteadyLoad(nginx!.origin, paths, 16);
  let outcome: Awaited<ReturnType<typeof load.stop>>;
  try {
    await expect.poll(() => Math.min(load.answeredBy(stopping.port), load.answeredBy(staying.port)), { timeout: 30_000 }).toBeGreaterThan(100);

    const inFlight = await requestInFlight(stopping.origin);
    stopping.process.kill("SIGTERM");
    await expect.poll(() => refusesConnections(stopping.port), { timeout: 10_000 }).toBe(true);
    // Answered after the server stopped listening, and told the connection goes no further.
    expect(await inFlight.finish()).toMatchObject({ connection: "close" });
    expect(await stopping.exited).toBe(0);

    const answeredAtExit = load.answered();
    await expect.poll(() => load.answered() - answeredAtExit, { timeout: 30_000 }).toBeGreaterThan(200);
  } finally {
    outcome = await load.stop();
  }
  console.log(`several instances: ${load.answered()} answers through nginx, ${outcome.retried} of them retried on the other instance`);
  expect(outcome.failures).toEqual([]);
  expect(load.answeredBy(staying.port)).toBeGreaterThan(200);
});
