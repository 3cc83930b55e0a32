import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { runSql } from "../tests/support/sql";
import { signedInPage, trackedAccounts, type TestAccount } from "./support/accounts";
import { htmlProblems } from "./support/html-validity";

// Each test's author, slug and posts are its own, at addresses no cached page has seen yet.
const accounts = trackedAccounts({ role: "AUTHOR", name: "Perpetua Quill" });
test.afterEach(() => accounts.removeAll());

async function authorWithPosts() {
  const author = await accounts.make();
  const slug = `perpetua-quill-${author.id.slice(-12)}`;
  const sql = (text: string, values: unknown[]) => runSql(process.env.DATABASE_URL!, text, values);
  await sql(`UPDATE "User" SET slug = $1, bio = $2 WHERE id = $3`, [slug, "I write about inks.\n\nAnd about paper.", author.id]);
  const post = (key: string, title: string, status: string, day: number) => {
    const id = `${key}-${author.id}`;
    return sql(
      `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
       VALUES ($1, $2, $1, $3, '<p>On ink.</p>', $4::"PostStatus", $5, $6, now())`,
      [id, title, `/2013/03/${id}`, status, `2013-03-${String(day).padStart(2, "0")}T10:00:00Z`, author.id],
    ).then(() => `/2013/03/${id}`);
  };
  const permalink = await post("ink", "Iron gall ink", "PUBLISHED", 12);
  await post("paper", "Laid paper", "PUBLISHED", 14);
  await post("draft", "A draft about quills", "DRAFT", 15);
  return { author, slug, permalink };
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
}

async function commentAs(user: TestAccount, postPermalink: string, body: string) {
  const postId = postPermalink.split("/").at(-1)!;
  await runSql(
    process.env.DATABASE_URL!,
    `INSERT INTO "Comment" (id, "postId", "userId", "bodyHtml", "idempotencyKey", "createdAt") VALUES ($1, $2, $3, $4, $1, now())`,
    [`c-${user.id}-${postId}`, postId, user.id, `<p>${body}</p>`],
  );
}

test("'Posted by' leads to the author's page: name, bio and their published posts, valid and accessible", async ({ page, request }) => {
  const { author, slug, permalink } = await authorWithPosts();
  await page.goto(permalink);
  await page.getByRole("link", { name: author.name }).click();
  await expect(page).toHaveURL(`/profile/${slug}`);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText(author.name);
  await expect(main.getByText("And about paper.")).toBeVisible();
  await expect(main.getByRole("heading", { level: 3 })).toHaveText(["Laid paper", "Iron gall ink"]);
  await expect(main.getByText("A draft about quills")).toHaveCount(0);
  await expectAccessible(page);
  expect(await htmlProblems(await (await request.get(`/profile/${slug}`)).text())).toEqual([]);
});

test("the author page shows everything without JavaScript, and a reader's account has no page", async ({ browser, request }) => {
  const { author, slug } = await authorWithPosts();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/profile/${slug}`);
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(author.name);
  await expect(page.getByRole("main").getByRole("link", { name: "Iron gall ink", exact: true })).toBeVisible();
  await context.close();

  const reader = await accounts.make("READER", "Rhoda Reader");
  await runSql(process.env.DATABASE_URL!, `UPDATE "User" SET slug = $1 WHERE id = $2`, [`rhoda-${reader.id.slice(-12)}`, reader.id]);
  expect((await request.get(`/profile/rhoda-${reader.id.slice(-12)}`)).status()).toBe(404);
});

test("a new bio shows on the author's cached page at once, and a new name moves the page to its own address, the old one leading there", async ({ browser, request }) => {
  const { author, slug } = await authorWithPosts();
  const readerSees = async (address: string) => {
    const response = await request.get(address);
    return { status: response.status(), text: await response.text() };
  };
  expect((await readerSees(`/profile/${slug}`)).text).toContain("And about paper.");

  const page = await signedInPage(browser, author);
  await page.goto("/profile");
  await expect(page.getByRole("link", { name: `/profile/${slug}` })).toBeVisible();
  await page.getByRole("textbox", { name: "Bio" }).fill("Now I write about quills.");
  await page.getByRole("button", { name: "Save bio" }).click();
  await expect(page.getByText("Your bio is saved.")).toBeVisible();
  expect((await readerSees(`/profile/${slug}`)).text).toContain("Now I write about quills.");

  const suffix = author.id.slice(-12);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(`Perpetua Nib ${suffix}`);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Your name is saved.")).toBeVisible();
  const old = await request.get(`/profile/${slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers().location).toBe(`/profile/perpetua-nib-${suffix}`);
  const moved = await readerSees(`/profile/perpetua-nib-${suffix}`);
  expect(moved.status).toBe(200);
  expect(moved.text).toContain(`Perpetua Nib ${suffix}`);
  await page.context().close();
});

test("the post's author's comment carries the Author badge; a reader of the same name's does not", async ({ page }) => {
  const { author, permalink } = await authorWithPosts();
  const namesake = await accounts.make("READER", author.name);
  await commentAs(author, permalink, "Thank you for reading.");
  await commentAs(namesake, permalink, "I share a name with her.");
  await page.goto(permalink);
  const comments = page.locator(".comment-author");
  await expect(comments).toHaveText([`${author.name} Author said...`, `${author.name} said...`]);
});

test("share links point at each network's share address for the post, and Copy link copies and says so", async ({ page, context, baseURL }) => {
  const { permalink } = await authorWithPosts();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(permalink);
  const url = new URL(permalink, baseURL).toString();
  const share = page.getByRole("region", { name: "Share this post" });
  const href = (name: string | RegExp) => share.getByRole("link", { name }).getAttribute("href");
  expect(await href("Email")).toBe(`mailto:?subject=Iron%20gall%20ink&body=${encodeURIComponent(url)}`);
  expect(await href(/^X/)).toBe(`https://twitter.com/intent/tweet?url=${encodeURIComponent(url)}&text=Iron+gall+ink`);
  expect(await href(/^Facebook/)).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`);
  expect(await href(/^LinkedIn/)).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`);
  expect(await href(/^Pinterest/)).toBe(`https://pinterest.com/pin/create/button/?url=${encodeURIComponent(url)}&description=Iron+gall+ink`);
  await expect(share.getByRole("link", { name: /^Facebook/ })).toHaveAttribute("rel", "noopener noreferrer");
  await expect(share.getByText(url)).toBeVisible();

  await share.getByRole("button", { name: "Copy link" }).click();
  await expect(share.getByRole("status")).toHaveText("Link copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expectAccessible(page);
});

test("without JavaScript the post's link is there to copy by hand, and no dead Copy button shows", async ({ browser }) => {
  const { permalink } = await authorWithPosts();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(permalink);
  const share = page.getByRole("region", { name: "Share this post" });
  await expect(share.getByText(permalink)).toBeVisible();
  await expect(share.getByRole("button", { name: "Copy link" })).toHaveCount(0);
  await context.close();
});
