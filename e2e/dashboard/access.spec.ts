import { expect, test } from "@playwright/test";
import { runSql } from "../../tests/support/sql";
import { randomClientIp, signInThroughForm, trackedAccounts } from "../support/accounts";

// Who reaches the dashboard at all. The areas' own specs check their pages and actions one by one.
test.use({ extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });

const accounts = trackedAccounts();
const account = accounts.make;
test.afterEach(() => accounts.removeAll());

test("a signed-out visitor is sent to sign in and comes back to the page asked for", async ({ page }) => {
  const author = await account("AUTHOR", "Avery Author");
  await page.goto("/dashboard/comments");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard%2Fcomments$/);
  await signInThroughForm(page, author.email, author.password);
  await expect(page).toHaveURL(/\/dashboard\/comments$/);
  await expect(page.getByRole("navigation", { name: "Dashboard" })).toBeVisible();
});

test("a reader is refused with 403 on every area, and sees no dashboard navigation", async ({ page }) => {
  const reader = await account("READER", "Rita Reader");
  await page.goto("/sign-in?callbackUrl=%2F");
  await signInThroughForm(page, reader.email, reader.password);
  await expect(page).toHaveURL(/\/$/);
  for (const path of ["/dashboard", "/dashboard/posts", "/dashboard/comments", "/dashboard/pages", "/dashboard/users", "/dashboard/settings", "/dashboard/layout"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
    await expect(page.getByRole("navigation", { name: "Dashboard" })).toHaveCount(0);
  }
});

test("authors see their areas; only admins see People, Settings and Layout", async ({ page, browser }) => {
  const author = await account("AUTHOR", "Avery Author");
  await page.goto("/sign-in?callbackUrl=%2Fdashboard");
  await signInThroughForm(page, author.email, author.password);
  await expect(page).toHaveURL(/\/dashboard\/posts$/);
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  await expect(nav.getByRole("link", { name: "Posts" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "People" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Layout" })).toHaveCount(0);
  expect((await page.goto("/dashboard/settings"))?.status()).toBe(403);
  expect((await page.goto("/dashboard/layout"))?.status()).toBe(403);

  const adminContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
  const adminPage = await adminContext.newPage();
  const admin = await account("ADMIN", "Ada Admin");
  await adminPage.goto("/sign-in?callbackUrl=%2Fdashboard");
  await signInThroughForm(adminPage, admin.email, admin.password);
  const adminNav = adminPage.getByRole("navigation", { name: "Dashboard" });
  await expect(adminNav.getByRole("link", { name: "People" })).toBeVisible();
  await expect(adminNav.getByRole("link", { name: "Settings" })).toBeVisible();
  await expect(adminNav.getByRole("link", { name: "Layout" })).toBeVisible();
  await adminContext.close();
});

test("another author's post answers 404, exactly like a post that does not exist", async ({ page }) => {
  const [owner, other] = [await account("AUTHOR", "Olive Owner"), await account("AUTHOR", "Otto Other")];
  const postId = `gate-${owner.id}`;
  await runSql(
    process.env.DATABASE_URL!,
    `INSERT INTO "Post" (id, title, slug, "bodyHtml", "authorId", "updatedAt") VALUES ($1, 'Private draft', $1, '<p>Mine.</p>', $2, now())`,
    [postId, owner.id],
  );
  await page.goto("/sign-in?callbackUrl=%2Fdashboard");
  await signInThroughForm(page, other.email, other.password);
  await expect(page).toHaveURL(/\/dashboard\/posts$/);
  for (const path of [`/dashboard/posts/${postId}`, `/dashboard/posts/${postId}/preview`, "/dashboard/posts/no-such-post"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
    await expect(page.locator("body")).not.toContainText("Private draft");
  }
});
