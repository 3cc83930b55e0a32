import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { runSql } from "../../tests/support/sql";
import { signedInPage, trackedAccounts, type TestAccount } from "../support/accounts";

// A live post changes only on Update: the author edits while a signed-out reader (a browser
// context of their own, no cookies) keeps the published text; controls that fit each state;
// nothing lost when leaving the editor right after typing; the comments switch; a new post.
const databaseUrl = () => process.env.DATABASE_URL!;
const unique = () => randomBytes(4).toString("hex");
const accounts = trackedAccounts({ name: "Lee Live" });
const account = accounts.make;
test.afterEach(() => accounts.removeAll());

type Status = "DRAFT" | "SCHEDULED" | "PUBLISHED";

/** A post of the author's, straight into the database; published ones get a permalink in January 2020. */
async function seedPost(author: TestAccount, { status, publishedAt = null, body = "<p>The live words.</p>" }: { status: Status; publishedAt?: Date | null; body?: string }) {
  const id = `live-${unique()}`;
  const permalink = status === "DRAFT" ? null : `/2020/01/${id}`;
  await runSql(
    databaseUrl(),
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
     VALUES ($1, $2, $1, $3, $4, $5::"PostStatus", $6, $7, now())`,
    [id, `Live post ${id}`, permalink, body, status, publishedAt, author.id],
  );
  return { id, permalink: permalink ?? "" };
}

const storedBody = async (id: string) => (await runSql(databaseUrl(), `SELECT "bodyHtml" FROM "Post" WHERE id = $1`, [id])).rows[0]?.bodyHtml as string;
const pendingBody = async (id: string) => (await runSql(databaseUrl(), `SELECT "bodyHtml" FROM "PendingPostEdit" WHERE "postId" = $1`, [id])).rows[0]?.bodyHtml as string | undefined;

async function signedOutReader(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function typeInBody(page: Page, words: string) {
  const body = page.getByRole("textbox", { name: "Body" });
  await body.click();
  await page.keyboard.press("End");
  await page.keyboard.type(words);
}

async function expectAutosaved(page: Page) {
  await expect(page.locator("#save-status")).toHaveText(/Unsaved changes|Saving/);
  await expect(page.locator("#save-status")).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 15_000 });
}

test("readers keep the published text while the author edits, until Update; Discard changes brings the live text back", async ({ browser }) => {
  test.setTimeout(120_000);
  const author = await account("AUTHOR");
  const post = await seedPost(author, { status: "PUBLISHED", publishedAt: new Date("2020-01-15T10:00:00Z") });
  const reader = await signedOutReader(browser);
  await reader.goto(post.permalink);
  await expect(reader.locator(".post-body")).toHaveText("The live words.");

  const page = await signedInPage(browser, author);
  await page.goto(`/dashboard/posts/${post.id}`);
  await expect(page.locator("#post-phase")).toHaveText("Published · up to date");
  await expect(page.getByRole("button", { name: "Update" })).toBeDisabled();

  await typeInBody(page, " Half-written sent");
  await expectAutosaved(page);
  await expect(page.locator("#post-phase")).toHaveText("Published · changes not yet live");
  await reader.reload();
  await expect(reader.locator(".post-body")).toHaveText("The live words.");
  expect(await storedBody(post.id)).toBe("<p>The live words.</p>");

  // The preview shows the pending version.
  const preview = await page.context().newPage();
  await preview.goto(`/dashboard/posts/${post.id}/preview`);
  await expect(preview.locator(".post-body")).toHaveText("The live words. Half-written sent");
  await expect(preview.getByRole("note")).toContainText("Preview: readers still see the published version until you press Update.");
  await preview.close();

  await typeInBody(page, "ences, finished.");
  await expectAutosaved(page);
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("Updated: readers see this version now.")).toBeVisible();
  await expect(page.locator("#post-phase")).toHaveText("Published · up to date");
  await reader.reload();
  await expect(reader.locator(".post-body")).toHaveText("The live words. Half-written sentences, finished.");

  await typeInBody(page, " A thought to drop.");
  await expectAutosaved(page);
  expect(await pendingBody(post.id)).toContain("A thought to drop.");
  await page.getByRole("button", { name: "Discard changes" }).click();
  const dialog = page.getByRole("dialog", { name: "Discard the changes that are not live?" });
  await dialog.getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByText("Changes discarded: the editor shows what readers see.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Body" })).toHaveText("The live words. Half-written sentences, finished.");
  await expect(page.locator("#post-phase")).toHaveText("Published · up to date");
  expect(await pendingBody(post.id)).toBeUndefined();
  await reader.reload();
  await expect(reader.locator(".post-body")).toHaveText("The live words. Half-written sentences, finished.");
});

test("leaving the editor right after typing loses nothing", async ({ browser }) => {
  test.setTimeout(60_000);
  const author = await account("AUTHOR");
  const post = await seedPost(author, { status: "DRAFT", body: "<p>Start.</p>" });
  const page = await signedInPage(browser, author);
  await page.goto(`/dashboard/posts/${post.id}`);
  await expect(page.getByRole("textbox", { name: "Body" })).toHaveText("Start.");

  await typeInBody(page, " The last words typed");
  // Well inside the autosave's pause: the click itself must wait for the save.
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Posts" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts$/);
  expect(await storedBody(post.id)).toBe("<p>Start. The last words typed</p>");
});

test("the controls fit the state: draft, scheduled, published, and a scheduled post whose time has passed", async ({ browser }) => {
  test.setTimeout(90_000);
  const author = await account("AUTHOR");
  const zone = ((await runSql(databaseUrl(), `SELECT "timeZone" FROM "Setting" WHERE id = 1`)).rows[0]?.timeZone as string | undefined) ?? "UTC";
  const shown = (instant: Date) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
  const page = await signedInPage(browser, author);
  const buttons = (names: string[]) => Promise.all(names.map((name) => expect(page.getByRole("button", { name, exact: true })).toBeVisible()));
  const noButtons = (names: string[]) => Promise.all(names.map((name) => expect(page.getByRole("button", { name, exact: true })).toHaveCount(0)));

  const draft = await seedPost(author, { status: "DRAFT" });
  await page.goto(`/dashboard/posts/${draft.id}`);
  await expect(page.locator("#post-phase")).toHaveText("Draft");
  await buttons(["Publish", "Schedule", "Move to trash"]);
  await noButtons(["Publish now", "Unpublish", "Update", "Back to draft", "Reschedule"]);
  // The picker starts tomorrow at the next whole hour, on the blog's clock, day before month.
  const picker = page.getByRole("group", { name: `Publish at (${zone} time)` });
  await expect(picker.getByLabel("Time (24-hour)")).toHaveValue(/^\d\d:00$/);
  await expect(picker.getByLabel("Month").locator("option").first()).toHaveText("January");

  const later = new Date(Date.now() + 10 * 86_400_000);
  const scheduled = await seedPost(author, { status: "SCHEDULED", publishedAt: later });
  await page.goto(`/dashboard/posts/${scheduled.id}`);
  await expect(page.locator("#post-phase")).toHaveText(`Scheduled for ${shown(later)} · up to date`);
  await buttons(["Publish now", "Reschedule", "Back to draft", "Move to trash"]);
  await noButtons(["Publish", "Schedule", "Unpublish", "Update"]);

  const passed = new Date(Date.now() - 3_600_000);
  const wentOut = await seedPost(author, { status: "SCHEDULED", publishedAt: passed });
  await page.goto(`/dashboard/posts/${wentOut.id}`);
  await expect(page.locator("#post-phase")).toHaveText("Published · up to date");
  await expect(page.getByText(`Published on ${shown(passed)}`)).toBeVisible();
  await buttons(["Update", "Discard changes", "Unpublish", "Move to trash"]);
  await expect(page.getByRole("button", { name: "Update" })).toBeDisabled();
  await noButtons(["Publish", "Publish now", "Schedule", "Reschedule"]);
});

test("closing comments shows readers the comments so far and says they are closed", async ({ browser }) => {
  test.setTimeout(60_000);
  const author = await account("AUTHOR");
  const post = await seedPost(author, { status: "PUBLISHED", publishedAt: new Date("2020-01-20T10:00:00Z") });
  await runSql(
    databaseUrl(),
    `INSERT INTO "Comment" (id, "postId", "authorName", "bodyHtml", status, "idempotencyKey") VALUES ($1, $2, 'Pat Guest', '<p>Kept after closing.</p>', 'VISIBLE', $1)`,
    [`c-${post.id}`, post.id],
  );
  const reader = await signedOutReader(browser);
  await reader.goto(post.permalink);
  await expect(reader.getByText("Comments are closed.")).toHaveCount(0);

  const page = await signedInPage(browser, author);
  await page.goto(`/dashboard/posts/${post.id}`);
  const allow = page.getByRole("checkbox", { name: /Allow comments/ });
  await expect(allow).toBeChecked();
  await allow.uncheck();
  await expect(page.getByText(/^Comments are closed: /)).toBeVisible();

  await reader.reload();
  await expect(reader.getByText("Comments are closed.")).toBeVisible();
  await expect(reader.getByText("Kept after closing.")).toBeVisible();
});

test("a new post starts with an empty title and a placeholder, listed as an untitled draft", async ({ browser }) => {
  const author = await account("AUTHOR");
  const page = await signedInPage(browser, author);
  await page.goto("/dashboard/posts");
  await page.getByRole("button", { name: "New post" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[^/]+$/);
  const title = page.getByRole("textbox", { name: "Title", exact: true });
  await expect(title).toHaveValue("");
  await expect(title).toHaveAttribute("placeholder", "Title");
  await expect(page.locator("#post-phase")).toHaveText("Draft");

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Posts" }).click();
  await expect(page.getByRole("link", { name: "(untitled draft)" })).toBeVisible();
});
