import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { storableText } from "../lib/validation/text";
import { runSql } from "../tests/support/sql";
import { signInWithPassword, trackedAccounts, type TestAccount } from "./support/accounts";
import { holdBlogSettings } from "./support/blog-settings-lock";
import { feedEntryTitles } from "./support/feed-titles";
import { HOSTILE_INPUTS, PWNED_FLAG, PWNED_MARKER, SHORT_HOSTILE_INPUTS, type HostileInput } from "./support/hostile-input";
import { htmlProblems } from "./support/html-validity";

// The hostile input corpus typed into every form a person can reach, then every page that shows
// what was stored is opened in Chromium: no dialog, no flag set by a script, no injected element,
// no javascript: address, valid HTML; JSON-LD parses and says exactly what was typed; feeds are
// well-formed XML. Each test makes its own accounts and content, and removes them.
const databaseUrl = () => process.env.DATABASE_URL!;
const sql = (statement: string, values: unknown[] = []) => runSql(databaseUrl(), statement, values);
const unique = () => randomBytes(4).toString("hex");
const SLOW = { timeout: 20_000 };
// Many forms and many pages per test, on a machine busy with other builds.
test.describe.configure({ timeout: 240_000 });

const accounts = trackedAccounts();
test.afterEach(async () => {
  await accounts.removeAll();
  // Labels outlive their posts; the ones the corpus made go with them.
  await sql(`DELETE FROM "Label" l WHERE NOT EXISTS (SELECT 1 FROM "PostLabel" pl WHERE pl."labelId" = l.id) AND l.name = ANY($1)`, [
    HOSTILE_INPUTS.map(({ payload }) => shown(payload.slice(0, 50))),
  ]);
});

/** Text as the blog stores and shows it: NUL dropped, a lone surrogate half as U+FFFD, trimmed. */
const shown = (typed: string) => storableText(typed).trim();
const isPlainText = ({ payload }: HostileInput) => !payload.includes("<");

/** A signed-in browser whose every dialog is recorded (and dismissed), in any of its pages. */
async function watchedContext(browser: Browser, who?: TestAccount) {
  const context = await browser.newContext();
  const dialogs: string[] = [];
  context.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()} on ${dialog.page()?.url()}`);
    void dialog.dismiss();
  });
  if (who) await signInWithPassword(context.request, who);
  return { context, dialogs, page: await context.newPage() };
}

// React gives a form whose action is a function this address, so a submit that bypasses React
// fails loudly (its wording differs between React's builds).
const REACT_FORM_ACTION = /^javascript:throw new Error\('(A )?React form (was )?unexpectedly submitted\./;

/**
 * Opens `path` and checks that nothing hostile came alive there: no dialog, no flag, no marker
 * element, no javascript: address in a link, image, form or frame, and valid HTML as served.
 */
async function expectHarmless(page: Page, dialogs: string[], path: string, { validate = true } = {}) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("load");
  expect(await page.evaluate((flag) => Reflect.get(window, flag), PWNED_FLAG), `${PWNED_FLAG} on ${path}`).toBeUndefined();
  expect(await page.locator(PWNED_MARKER).count(), `${PWNED_MARKER} on ${path}`).toBe(0);
  const scriptAddresses = await page.locator("[href], [src], [action], [formaction]").evaluateAll(
    (elements, reactsOwn) =>
      elements.flatMap((element) =>
        ["href", "src", "action", "formaction"]
          .map((name) => element.getAttribute(name) ?? "")
          // Browsers ignore tabs, newlines and leading spaces in a scheme.
          .filter((value) => /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, "")) && !new RegExp(reactsOwn).test(value)),
      ),
    REACT_FORM_ACTION.source,
  );
  expect(scriptAddresses, `javascript: addresses on ${path}`).toEqual([]);
  expect(await page.locator("[srcdoc]").count(), `frames with their own document on ${path}`).toBe(0);
  expect(dialogs, `dialogs by ${path}`).toEqual([]);
  if (validate) expect(await htmlProblems(await response!.text()), `HTML of ${path}`).toEqual([]);
}

/** The page's JSON-LD, parsed as JSON (a script closed early by a title would not parse). */
const jsonLd = async (page: Page) =>
  page.locator('script[type="application/ld+json"]').evaluateAll((scripts) => scripts.map((script) => JSON.parse(script.textContent ?? "") as Record<string, unknown>));

/** A feed is well-formed XML, and gives back the titles it carries. */
async function feedTitles(context: BrowserContext, path: string) {
  const response = await context.request.get(path);
  expect(response.status(), path).toBe(200);
  return feedEntryTitles(await response.text());
}

async function publishedPostBy(author: TestAccount) {
  const id = `hostile-${unique()}`;
  await sql(
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
     VALUES ($1, 'Say anything', $1, $2, '<p>Comments welcome.</p>', 'PUBLISHED', '2012-11-28T10:00:00Z', $3, now())`,
    [id, `/2012/11/${id}`, author.id],
  );
  return { id, path: `/2012/11/${id}` };
}

/** Lifts the browser's own length limit, as a script or a hand-made request would, so the server's is what answers. */
const withoutMaxLength = (page: Page, selector: string) => page.locator(selector).evaluate((field) => field.removeAttribute("maxlength"));

test("display names: hostile markup is kept as text, text that reverses its surroundings and 100 KB are refused, NUL is dropped", async ({ browser }) => {
  const reader = await accounts.make("READER", "Plain Name");
  const { page, dialogs } = await watchedContext(browser, reader);
  const saveName = async (name: string) => {
    await page.goto("/profile");
    await withoutMaxLength(page, 'input[name="name"]');
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
    await page.getByRole("button", { name: "Save name" }).click();
  };
  const storedName = async () => ((await sql(`SELECT name FROM "User" WHERE id = $1`, [reader.id])).rows[0] as { name: string }).name;

  await saveName(HOSTILE_INPUTS.find(({ name }) => name === "RTL override")!.payload);
  await expect(page.getByText("Your name cannot hold characters that reverse the text around it.")).toBeVisible(SLOW);
  await saveName(HOSTILE_INPUTS.find(({ name }) => name === "100 KB string")!.payload);
  await expect(page.getByText("Use at most 80 characters.")).toBeVisible(SLOW);
  expect(await storedName()).toBe("Plain Name");

  await saveName("before\u0000after");
  await expect.poll(storedName, SLOW).toBe("beforeafter");

  for (const { payload } of SHORT_HOSTILE_INPUTS.filter((input) => !isPlainText(input) && input.payload.length <= 80)) {
    await saveName(payload);
    await expect.poll(storedName, SLOW).toBe(payload);
    await expectHarmless(page, dialogs, "/profile");
    await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue(payload);
  }
});

test("comments and replies: every entry through the comment form, shown harmlessly on the post, in the feeds and in the moderation queue", async ({ browser }) => {
  const author = await accounts.make("AUTHOR", "Post Owner");
  const post = await publishedPostBy(author);
  // Five comments a minute each: a writer for every four entries, each under a hostile name.
  const names = SHORT_HOSTILE_INPUTS.filter((input) => !isPlainText(input) && input.payload.length <= 80).map(({ payload }) => payload);
  const writers: { page: Page; dialogs: string[] }[] = [];
  const commentIds: string[] = [];

  for (const [index, { name, payload }] of HOSTILE_INPUTS.entries()) {
    if (index % 4 === 0) {
      const writer = await accounts.make("READER", "Placeholder");
      await sql(`UPDATE "User" SET name = $2 WHERE id = $1`, [writer.id, names[writers.length % names.length]]);
      writers.push(await watchedContext(browser, writer));
    }
    const { page } = writers.at(-1)!;
    await page.goto(post.path);
    const form = page.locator("#comment-form");
    if (payload.length > 4096) {
      await withoutMaxLength(page, "#comment-form textarea");
      await form.getByLabel("Your comment").fill(payload);
      await form.getByRole("button", { name: "Publish" }).click();
      await expect(form.locator(".form-error"), name).toContainText(/keep it to 4,096 characters/i, SLOW);
      continue;
    }
    await form.getByLabel("Your comment").fill(payload);
    await form.getByRole("button", { name: "Publish" }).click();
    await expect(page, name).toHaveURL(/#c[a-z0-9]+$/, SLOW);
    const id = new URL(page.url()).hash.slice(1);
    commentIds.push(id);
    if (isPlainText({ name, payload })) await expect(page.locator(`#${id} .comment-body`), name).toHaveText(shown(payload));
  }

  // Replies to the first comment, from the last writer.
  const { page, dialogs } = writers.at(-1)!;
  const parent = page.locator(`#${commentIds[0]}`);
  for (const { name, payload } of SHORT_HOSTILE_INPUTS.filter(({ name }) => ["svg load handler", "mXSS through math and style", "NUL byte"].includes(name))) {
    await page.goto(post.path);
    await parent.getByRole("link", { name: "Reply", exact: true }).first().click();
    await parent.getByLabel("Your reply").first().fill(payload);
    await parent.getByRole("button", { name: "Publish reply" }).first().click();
    await expect(page, name).toHaveURL(/#c[a-z0-9]+$/, SLOW);
  }

  for (const writer of writers) await expectHarmless(writer.page, writer.dialogs, post.path);
  await expect(page.locator("#comments .comment-body")).toHaveCount(commentIds.length + 3);
  const stranger = await watchedContext(browser);
  await expectHarmless(stranger.page, stranger.dialogs, post.path);
  for (const path of ["/feeds/comments/default", `/feeds/${post.id}/comments/default`]) await feedTitles(page.context(), path);

  // The moderation queue lists held comments: hold them all, and look as the post's author.
  await sql(`UPDATE "Comment" SET status = 'PENDING' WHERE "postId" = $1`, [post.id]);
  const moderator = await watchedContext(browser, author);
  await expectHarmless(moderator.page, moderator.dialogs, "/dashboard/comments");
  await expect(moderator.page.locator("main")).toContainText("beforeafter");
  expect(dialogs).toEqual([]);
});

/** Writes one post through the dashboard editor, title, body, excerpt and a label all `payload`, and publishes it. */
async function writePost(page: Page, { name, payload }: HostileInput) {
  await page.goto("/dashboard/posts");
  await page.getByRole("button", { name: "New post" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[^/]+$/, SLOW);
  const id = new URL(page.url()).pathname.split("/").at(-1)!;
  const title = page.getByRole("textbox", { name: "Title", exact: true });
  const status = page.locator("#save-status");
  if (payload.length > 200) {
    await withoutMaxLength(page, "#post-title");
    await title.fill(payload);
    await expect(status, name).toHaveText("Not saved: Keep the title to 200 characters.", SLOW);
  }
  await title.fill(payload.slice(0, 200));
  // A hostile slug is refused by its pattern; a plain one (unique per run) is then accepted.
  await page.getByRole("textbox", { name: "Slug" }).fill(`"><script>${payload.slice(0, 20)}`);
  await expect(status, name).toHaveText("Not saved: Use lowercase letters and digits, with single hyphens between words.", SLOW);
  await page.getByRole("textbox", { name: "Slug" }).fill(`hostile-${id}`);
  await page.getByRole("button", { name: "HTML", exact: true }).click();
  await page.getByLabel("Body (HTML source)").fill(`<p>Hostile ${id}</p>${payload}`);
  await page.getByLabel(/^Excerpt/).fill(payload.slice(0, 1000));
  await page.getByLabel("Labels", { exact: true }).fill(payload.slice(0, 50));
  await page.getByLabel("Labels", { exact: true }).press("Enter");
  await expect(status, name).toHaveText(/^Saved \d\d:\d\d$/, SLOW);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.locator("#post-phase"), name).toHaveText("Published · up to date", SLOW);
  const stored = (await sql(`SELECT p.title, p.permalink, l.slug AS label FROM "Post" p JOIN "PostLabel" pl ON pl."postId" = p.id JOIN "Label" l ON l.id = pl."labelId" WHERE p.id = $1`, [id]))
    .rows[0] as { title: string; permalink: string; label: string };
  expect(stored.title, name).toBe(shown(payload.slice(0, 200)));
  return { id, ...stored };
}

// Two halves of the corpus, so the two workers share the editor's work.
const halves = [HOSTILE_INPUTS.slice(0, 7), HOSTILE_INPUTS.slice(7)];
for (const [half, inputs] of halves.entries()) {
  test(`posts (part ${half + 1}): title, body, excerpt, label and slug through the editor, on every page that shows them`, async ({ browser }) => {
    const author = await accounts.make("AUTHOR", "Hostile Author");
    const { page, dialogs, context } = await watchedContext(browser, author);
    const posts = [];
    for (const input of inputs) posts.push({ input, ...(await writePost(page, input)) });

    const reader = await watchedContext(browser);
    for (const { input, id, title, permalink, label } of posts) {
      await expectHarmless(reader.page, reader.dialogs, permalink);
      await expect(reader.page.getByRole("heading", { level: 1 }), input.name).toHaveText(title);
      const [posting] = (await jsonLd(reader.page)).filter((data) => data["@type"] === "BlogPosting");
      expect(posting?.headline, input.name).toBe(title);
      await expect(reader.page.locator('meta[property="og:title"]'), input.name).toHaveAttribute("content", title);
      expect(await reader.page.title(), input.name).toContain(title);
      await expectHarmless(reader.page, reader.dialogs, `/label/${label}`);
      await expectHarmless(page, dialogs, `/dashboard/posts/${id}`);
      expect(await feedTitles(context, `/feeds/posts/default/-/${label}`), input.name).toContain(title);
    }
    const month = posts[0]!.permalink.split("/").slice(0, 3).join("/");
    for (const path of ["/", month, `/search?q=hostile`]) await expectHarmless(reader.page, reader.dialogs, path);
    await expectHarmless(page, dialogs, "/dashboard/posts");
    const titles = [...(await feedTitles(context, "/feeds/posts/default?max-results=100")), ...(await feedTitles(context, "/feeds/posts/default?alt=rss&max-results=100"))];
    for (const { title } of posts) expect(titles).toContain(title);
    // The author's own preview of a post in the blog's frame.
    await expectHarmless(page, dialogs, `/dashboard/posts/${posts[0]!.id}/preview`);
  });
}

test("a static page: hostile title and body through the page editor, and a hostile address refused", async ({ browser }) => {
  const author = await accounts.make("AUTHOR", "Page Author");
  const { page, dialogs } = await watchedContext(browser, author);
  const title = HOSTILE_INPUTS.find(({ name }) => name === "closing the JSON-LD script")!.payload;
  const body = SHORT_HOSTILE_INPUTS.filter((input) => !isPlainText(input)).map(({ payload }) => `<p>${payload}</p>`).join("\n");
  await page.goto("/dashboard/pages/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Address", { exact: true }).fill(`"><img src=x onerror=alert(1)>`);
  await page.getByRole("button", { name: "HTML", exact: true }).click();
  await page.getByLabel("Body (HTML source)").fill(body);
  await page.getByRole("button", { name: "Create page" }).click();
  await expect(page.getByText("Use lowercase letters, digits and single hyphens between them, such as about-the-garden.")).toBeVisible(SLOW);
  const slug = `hostile-page-${unique()}`;
  await page.getByLabel("Address", { exact: true }).fill(slug);
  await page.getByRole("button", { name: "Create page" }).click();
  await expect(page.getByText("Draft: readers cannot see it yet.")).toBeVisible(SLOW);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published: readers see the page now.")).toBeVisible(SLOW);

  await expectHarmless(page, dialogs, page.url().replace(/^https?:\/\/[^/]+/, ""));
  await expectHarmless(page, dialogs, "/dashboard/pages");
  const reader = await watchedContext(browser);
  await expectHarmless(reader.page, reader.dialogs, `/p/${slug}`);
  await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectHarmless(reader.page, reader.dialogs, "/");
  await expect(reader.page.getByRole("banner").getByRole("link", { name: title, exact: true })).toHaveAttribute("href", `/p/${slug}`);
});

test("search: every entry through the search box's address, the long one refused with its message", async ({ browser }) => {
  const { page, dialogs } = await watchedContext(browser);
  await page.goto("/");
  await page.getByRole("searchbox").first().fill(SHORT_HOSTILE_INPUTS[1]!.payload);
  await page.getByRole("searchbox").first().press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expectHarmless(page, dialogs, page.url().replace(/^https?:\/\/[^/]+/, ""));
  for (const { name, payload } of HOSTILE_INPUTS) {
    // A 100 KB address is refused by the server before the blog sees it (431); 4 KB reaches the page.
    const query = payload.slice(0, 4096);
    await expectHarmless(page, dialogs, `/search?${new URLSearchParams({ q: query })}`);
    if (query.length > 200) await expect(page.getByRole("main").getByRole("alert"), name).toHaveText("Search for at most 200 characters.");
    else await expect(page.getByRole("heading", { level: 1 }), name).toHaveText(`Search results for “${shown(query)}”`);
  }
});

test("image file names: hostile names through the library's upload form, shown as text", async ({ browser }) => {
  const author = await accounts.make("AUTHOR", "Image Author");
  const { page, dialogs } = await watchedContext(browser, author);
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#3a7d44" } }).png().toBuffer();
  const names = [`"><img src=x onerror="top.${PWNED_FLAG}=1" data-pwned>.png`, "invoice\u202egnp.exe.png", "nul\u0000byte.png", `</script><svg data-pwned onload=alert(1)>.png`];
  for (const name of names) {
    await page.goto("/dashboard/images");
    await page.getByLabel("Upload an image").setInputFiles({ name, mimeType: "image/png", buffer: png });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    // The form names the file as the browser has it; what the server stored is read below.
    await expect(page.getByText(/^Uploaded .+\.$/)).toBeVisible(SLOW);
  }
  const stored = (await sql(`SELECT "originalName" FROM "Upload" WHERE "uploaderId" = $1`, [author.id])).rows.map((row: { originalName: string }) => row.originalName);
  expect(stored.sort()).toEqual(names.map(shown).sort());
  await expectHarmless(page, dialogs, "/dashboard/images");
});

test("blog settings: a hostile title and description on every reader page's header, head and JSON-LD, then put back", async ({ browser }) => {
  const admin = await accounts.make("ADMIN", "Settings Admin");
  const { page, dialogs } = await watchedContext(browser, admin);
  const releaseBlogSettings = await holdBlogSettings();
  const original = (await sql(`SELECT "blogTitle", description FROM "Setting" WHERE id = 1`)).rows[0] as { blogTitle: string; description: string };
  const blogTitle = HOSTILE_INPUTS.find(({ name }) => name === "attribute breakout")!.payload;
  const description = HOSTILE_INPUTS.find(({ name }) => name === "image error handler")!.payload;
  const save = async (values: { blogTitle: string; description: string }) => {
    await page.goto("/dashboard/settings");
    await page.getByLabel("Blog title").fill(values.blogTitle);
    await page.getByLabel("Description").fill(values.description);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Settings saved. Reader pages show them now.", SLOW);
  };
  try {
    await save({ blogTitle, description });
    await expectHarmless(page, dialogs, "/dashboard/settings");
    for (const path of ["/", "/2011/09/tool-6-i-have-joined-a-professional-networking-site", "/p/about", "/label/allotment"]) {
      await expectHarmless(page, dialogs, path);
      await expect(page.getByRole("banner")).toContainText(blogTitle);
    }
    await page.goto("/");
    const [blog] = (await jsonLd(page)).filter((data) => data["@type"] === "Blog");
    expect(blog).toMatchObject({ name: blogTitle, description });
    expect(await page.title()).toContain(blogTitle);
    await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", blogTitle);
    await feedTitles(page.context(), "/feeds/posts/default");
  } finally {
    await save(original);
    await releaseBlogSettings();
  }
});
