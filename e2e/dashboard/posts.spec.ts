import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type Route } from "@playwright/test";
import { runSql } from "../../tests/support/sql";
import { signedInPage, trackedAccounts, type TestAccount } from "../support/accounts";

// The posts part of the dashboard, in a browser against the production build. Each test makes its
// own accounts and posts and removes them afterwards; the blog-wide Setting is only read.
const databaseUrl = () => process.env.DATABASE_URL!;
const unique = () => randomBytes(4).toString("hex");

const accounts = trackedAccounts({ name: "Sam Writer" });
const account = accounts.make;
test.afterEach(() => accounts.removeAll());


async function seedDraft(author: TestAccount, title: string) {
  const id = `spec-${unique()}`;
  await runSql(
    databaseUrl(),
    `INSERT INTO "Post" (id, title, slug, "bodyHtml", status, "authorId", "updatedAt") VALUES ($1, $2, $1, '<p>Seeded words.</p>', 'DRAFT', $3, now())`,
    [id, title, author.id],
  );
  return id;
}

const stored = async (id: string) =>
  (await runSql(databaseUrl(), `SELECT title, "bodyHtml", status, permalink, version FROM "Post" WHERE id = $1`, [id])).rows[0] as {
    title: string;
    bodyHtml: string;
    status: string;
    permalink: string | null;
    version: number;
  };

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
}

/** Waits for an autosave that follows an edit (not the "Saved" shown on load). */
async function expectAutosaved(page: Page) {
  const status = page.locator("#save-status");
  await expect(status).toHaveText(/Unsaved changes|Saving/);
  await expect(status).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 15_000 });
}

/** The picker's fields on the blog's clock, at the first whole minute at least 30 s from now. */
async function aboutAMinuteAhead() {
  const zone = (await runSql(databaseUrl(), `SELECT "timeZone" FROM "Setting" WHERE id = 1`)).rows[0]?.timeZone ?? "UTC";
  const due = new Date(Math.ceil((Date.now() + 30_000) / 60_000) * 60_000);
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: zone, year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(due);
  const part = (type: string) => parts.find((entry) => entry.type === type)!.value;
  return { due, day: part("day"), month: part("month"), year: part("year"), time: `${part("hour")}:${part("minute")}` };
}

test("an author writes a draft that autosaves and survives a reload, then schedules it to appear by itself", async ({ browser }) => {
  test.setTimeout(180_000);
  const author = await account("AUTHOR");
  const page = await signedInPage(browser, author);
  const title = `A walk along the canal ${unique()}`;

  await page.goto("/dashboard/posts");
  await expect(page.getByRole("heading", { level: 1, name: "Posts" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "New post" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[^/]+$/);
  const body = page.getByRole("textbox", { name: "Body" });
  await expect(body).toBeVisible();
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await expect(page.getByRole("textbox", { name: "Slug" })).toHaveValue(/^a-walk-along-the-canal-/);
  await body.click();
  await page.keyboard.type("The herons were out in force this morning.");
  await expectAutosaved(page);
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(title);
  await expect(page.getByRole("textbox", { name: "Body" })).toContainText("The herons were out in force this morning.");
  await expect(page.locator("#save-status")).toHaveText(/^Saved \d\d:\d\d$/);
  await expect(page.getByText(/Restore your unsaved changes/)).toHaveCount(0);

  // The picker asks day, month by name, year and a 24-hour time on the blog's clock.
  const { due, day, month, year, time } = await aboutAMinuteAhead();
  const picker = page.getByRole("group", { name: /Publish at/ });
  await picker.getByLabel("Day").selectOption(day);
  await picker.getByLabel("Month").selectOption(month);
  await picker.getByLabel("Year").fill(year);
  await picker.getByLabel("Time (24-hour)").fill(time);
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.locator("#post-phase")).toHaveText(/^Scheduled for \d{1,2} \w{3} \d{4}, \d\d:\d\d · up to date$/);

  const home = await page.context().newPage();
  await home.goto("/");
  const link = home.getByRole("link", { name: title, exact: true });
  await expect(link).toHaveCount(0);
  const deadline = due.getTime() + 60_000;
  while ((await link.count()) === 0 && Date.now() < deadline) {
    await home.waitForTimeout(3_000);
    await home.reload();
  }
  // The post's own entry, and its title in the sidebar's archive.
  await expect(link.first()).toBeVisible();
  expect(Date.now()).toBeGreaterThanOrEqual(due.getTime());
});

test("an edit the server never got is retried, offered back after a reload, previewed, then published at its permalink", async ({ browser }) => {
  test.setTimeout(90_000);
  const author = await account("AUTHOR");
  const id = await seedDraft(author, "Notes on bookbinding");
  const title = `Notes on bookbinding, revised ${unique()}`;
  const page = await signedInPage(browser, author);
  await page.goto(`/dashboard/posts/${id}`);
  await expect(page.getByRole("textbox", { name: "Body" })).toContainText("Seeded words.");

  // The network fails every save (server actions post to the page's own address).
  const failSaves = (route: Route) => (route.request().method() === "POST" ? route.abort() : route.fallback());
  await page.route(`**/dashboard/posts/${id}`, failSaves);
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await expect(page.locator("#save-status")).toHaveText("Could not save: retrying by itself", { timeout: 15_000 });
  expect((await stored(id)).title).toBe("Notes on bookbinding");

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue("Notes on bookbinding");
  await expect(page.getByText(/Restore your unsaved changes from/)).toBeVisible();
  await page.unroute(`**/dashboard/posts/${id}`, failSaves);
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(title);
  await expect(page.locator("#save-status")).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 15_000 });
  expect((await stored(id)).title).toBe(title);

  // The preview shows the draft in the reader's frame, kept out of search engines.
  const preview = await page.context().newPage();
  await preview.goto(`/dashboard/posts/${id}/preview`);
  await expect(preview.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(preview.getByRole("note")).toContainText("Preview: readers see this only once the post is published.");
  await expect(preview.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await preview.close();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.locator("#post-phase")).toHaveText("Published · up to date");
  const permalink = (await stored(id)).permalink!;
  expect(permalink).toMatch(new RegExp(`^/\\d{4}/\\d{2}/${id}$`));

  await page.getByRole("link", { name: permalink }).click();
  await expect(page).toHaveURL(new RegExp(`${permalink}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("a save from a second tab over an older version is refused and overwrites nothing", async ({ browser }) => {
  test.setTimeout(90_000);
  const author = await account("AUTHOR");
  const id = await seedDraft(author, "Two tabs");
  const first = await signedInPage(browser, author);
  const second = await first.context().newPage();
  await first.goto(`/dashboard/posts/${id}`);
  await second.goto(`/dashboard/posts/${id}`);
  await expect(second.getByRole("textbox", { name: "Body" })).toBeVisible();

  await first.getByRole("textbox", { name: "Title", exact: true }).fill("Written in the first tab");
  await expectAutosaved(first);

  await second.getByRole("textbox", { name: "Title", exact: true }).fill("Written in the second tab");
  await expect(second.getByText(/This post was changed in another tab or by someone else at/)).toBeVisible({ timeout: 30_000 });
  await expect(second.locator("#save-status")).toHaveText("Not saved: changed elsewhere");
  await expect(second.getByText("Written in the first tab")).toBeVisible();
  expect((await stored(id)).title).toBe("Written in the first tab");

  // The choice is the author's: keeping theirs overwrites on purpose.
  await second.getByRole("button", { name: "Keep mine (overwrite)" }).click();
  await expect(second.locator("#save-status")).toHaveText(/^Saved \d\d:\d\d$/);
  expect((await stored(id)).title).toBe("Written in the second tab");
});

test("readers are refused, other authors find nothing, and signed-out visitors are sent to sign in", async ({ browser, request }) => {
  const writer = await account("AUTHOR");
  const id = await seedDraft(writer, "Not for readers");
  const reader = await signedInPage(browser, await account("READER", "Robin Reader"));
  for (const path of ["/dashboard/posts", `/dashboard/posts/${id}`, `/dashboard/posts/${id}/preview`]) {
    expect((await reader.goto(path))?.status(), path).toBe(403);
    await expect(reader.getByRole("heading", { level: 1, name: "Not allowed" }), path).toBeVisible();
    await expect(reader.getByText("Not for readers"), path).toHaveCount(0);
  }
  await reader.context().close();

  // Another author's post answers as if it did not exist.
  const otherAuthor = await signedInPage(browser, await account("AUTHOR", "Kim Other"));
  for (const path of [`/dashboard/posts/${id}`, `/dashboard/posts/${id}/preview`]) {
    expect((await otherAuthor.goto(path))?.status(), path).toBe(404);
    await expect(otherAuthor.getByRole("heading", { level: 1, name: "Not found" }), path).toBeVisible();
    await expect(otherAuthor.getByText("Not for readers"), path).toHaveCount(0);
  }
  await otherAuthor.context().close();

  const signedOut = await request.get(`/dashboard/posts/${id}`, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers().location).toContain(`/sign-in?callbackUrl=${encodeURIComponent(`/dashboard/posts/${id}`)}`);
});
