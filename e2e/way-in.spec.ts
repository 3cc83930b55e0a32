import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { runSql } from "../tests/support/sql";
import { randomClientIp, signedInPage, signInThroughForm, trackedAccounts, type TestAccount } from "./support/accounts";

// The way from the blog into the dashboard, and addresses made from titles in other scripts.
// Each test makes its own accounts and posts (removed with the accounts); it runs in "writing".
const databaseUrl = () => process.env.DATABASE_URL!;
const unique = () => randomBytes(4).toString("hex");

const accounts = trackedAccounts();
const account = accounts.make;
test.use({ extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
test.afterEach(() => accounts.removeAll());

async function publishedPost(author: TestAccount, title: string) {
  const id = `way-${unique()}`;
  const permalink = `/2013/05/${id}`;
  await runSql(
    databaseUrl(),
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
     VALUES ($1, $2, $1, $3, '<p>Words.</p>', 'PUBLISHED', '2013-05-04T10:00:00Z', $4, now())`,
    [id, title, permalink, author.id],
  );
  return { id, permalink };
}

/** Opens a post page and waits until its per-reader part has been answered. */
async function openPost(page: Page, permalink: string) {
  const answered = page.waitForResponse((response) => response.url().includes("/api/viewer?postId="));
  await page.goto(permalink);
  await answered;
}

const header = (page: Page) => page.getByRole("banner");
const editPost = (page: Page) => page.getByRole("link", { name: "Edit post" });

test("an author finds Dashboard and New post in the header, and Edit post on their own post only", async ({ browser }) => {
  const [author, other] = [await account("AUTHOR", "Avery Author"), await account("AUTHOR", "Otto Other")];
  const own = await publishedPost(author, "Avery's own post");
  const theirs = await publishedPost(other, "Otto's post");
  const page = await signedInPage(browser, author);

  await openPost(page, theirs.permalink);
  await expect(header(page).getByRole("link", { name: "Dashboard" })).toHaveAttribute("href", "/dashboard");
  await expect(header(page).getByRole("button", { name: "New post" })).toBeVisible();
  await expect(editPost(page)).toHaveCount(0);

  await openPost(page, own.permalink);
  await expect(editPost(page)).toHaveAttribute("href", `/dashboard/posts/${own.id}`);
  await editPost(page).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/posts/${own.id}$`));
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue("Avery's own post");
});

test("readers and signed-out visitors see none of it, and the cached page carries none of it for anyone", async ({ browser, page, request }) => {
  const author = await account("AUTHOR");
  const post = await publishedPost(author, "A post everyone reads");
  const reader = await signedInPage(browser, await account("READER", "Rita Reader"));
  await openPost(reader, post.permalink);
  await expect(header(reader).getByText("Signed in as")).toBeVisible();
  for (const name of ["Dashboard", "New post", "Edit post"]) await expect(reader.getByText(name, { exact: true })).toHaveCount(0);

  await openPost(page, post.permalink);
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  for (const name of ["Dashboard", "New post", "Edit post"]) await expect(page.getByText(name, { exact: true })).toHaveCount(0);

  const authorPage = await signedInPage(browser, author);
  for (const html of [await (await request.get(post.permalink)).text(), await (await authorPage.request.get(post.permalink)).text()]) {
    expect(html).toContain("A post everyone reads");
    expect(html).not.toContain('href="/dashboard');
    expect(html).not.toContain("Edit post");
    expect(html).not.toContain("New post");
  }
});

test("New post in the header makes a draft and opens it in the editor", async ({ browser }) => {
  const author = await account("AUTHOR");
  const page = await signedInPage(browser, author);
  await page.goto("/");
  await header(page).getByRole("button", { name: "New post" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[^/]+$/);
  await expect(page.getByRole("textbox", { name: "Body" })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").at(-1);
  const drafts = await runSql(databaseUrl(), `SELECT id FROM "Post" WHERE "authorId" = $1 AND status = 'DRAFT'`, [author.id]);
  expect(drafts.rows).toEqual([{ id }]);
});

test("signing in from the dashboard's gate returns to the page asked for; from the blog, to the page it was on", async ({ page }) => {
  const author = await account("AUTHOR", "Avery Author");
  const post = await publishedPost(author, "Where I was reading");
  await page.goto(`/dashboard/posts/${post.id}`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=%2Fdashboard%2Fposts%2F${post.id}$`));
  await signInThroughForm(page, author.email, author.password);
  await expect(page).toHaveURL(new RegExp(`/dashboard/posts/${post.id}$`));
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue("Where I was reading");

  await page.context().clearCookies();
  await openPost(page, post.permalink);
  await header(page).getByRole("link", { name: "Sign in" }).click();
  await signInThroughForm(page, author.email, author.password);
  await expect(page).toHaveURL(new RegExp(`${post.permalink}$`));
  await expect(header(page).getByRole("link", { name: "Dashboard" })).toBeVisible();
});

test("a German title gives a plain ASCII address that works once published", async ({ browser }) => {
  test.setTimeout(90_000);
  const author = await account("AUTHOR");
  const page = await signedInPage(browser, author);
  const tag = unique();
  await page.goto("/");
  await header(page).getByRole("button", { name: "New post" }).click();
  await expect(page.getByRole("textbox", { name: "Body" })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").at(-1);
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(`Straße in Köln ${tag}`);
  await expect(page.getByRole("textbox", { name: "Slug" })).toHaveValue(`strasse-in-koln-${tag}`);
  await page.getByRole("textbox", { name: "Body" }).click();
  await page.keyboard.type("Along the Rhine in the rain.");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const permalinkOf = async () => (await runSql(databaseUrl(), `SELECT permalink FROM "Post" WHERE id = $1 AND status = 'PUBLISHED'`, [id])).rows[0]?.permalink as string | undefined;
  await expect.poll(permalinkOf, { timeout: 15_000 }).toMatch(new RegExp(`^/\\d{4}/\\d{2}/strasse-in-koln-${tag}$`));

  const reader = await browser.newPage();
  const response = await reader.goto((await permalinkOf())!);
  expect(response?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1, name: `Straße in Köln ${tag}` })).toBeVisible();
  await expect(reader.getByText("Along the Rhine in the rain.")).toBeVisible();
});
