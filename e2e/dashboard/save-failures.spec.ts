import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page, type Route } from "@playwright/test";
import { runSql } from "../../tests/support/sql";
import { signedInPage, trackedAccounts } from "../support/accounts";
import { holdBlogSettings } from "../support/blog-settings-lock";
import { untilHydrated } from "../support/hydration";

// Dashboard saves while the server cannot be reached, then while it answers with an error page:
// the form says so and keeps everything typed; once the server is back, the same button saves, once.
const databaseUrl = () => process.env.DATABASE_URL!;
const unique = () => randomBytes(4).toString("hex");
const COULD_NOT_SAVE = "Could not save, try again.";
// A server action's answer: allow for a machine busy with other builds.
const AFTER_ACTION = { timeout: 15_000 };

const accounts = trackedAccounts();
test.afterEach(() => accounts.removeAll());

/**
 * Fails the server actions posted to `path` (a page's own address): the first cannot reach the
 * server, every later one gets a 500 page, until `restore`.
 */
async function failActions(page: Page, path: string) {
  let failed = 0;
  const fail = (route: Route) => {
    if (route.request().method() !== "POST") return route.fallback();
    failed++;
    return failed === 1 ? route.abort("connectionrefused") : route.fulfill({ status: 500, contentType: "text/html", body: "<!DOCTYPE html><h1>Internal Server Error</h1>" });
  };
  await page.route(`**${path}`, fail);
  return { failed: () => failed, restore: () => page.unroute(`**${path}`, fail) };
}

/** Presses `button` once without a network, once against an error page: both times the form says it could not save. */
async function saveFailsTwice(page: Page, path: string, button: Locator, message: Locator) {
  const outage = await failActions(page, path);
  for (const attempt of [1, 2]) {
    await button.click();
    await expect.poll(outage.failed, AFTER_ACTION).toBeGreaterThanOrEqual(attempt);
    await expect(button).toBeEnabled(AFTER_ACTION);
    await expect(message).toHaveText(COULD_NOT_SAVE, AFTER_ACTION);
  }
  await outage.restore();
}

test("the page form keeps a new page's title, address and body through failed saves, then creates it once", async ({ browser }) => {
  test.setTimeout(90_000);
  const author = await accounts.make("AUTHOR", "Petra Pages");
  const page = await signedInPage(browser, author);
  const slug = `kept-page-${unique()}`;
  await page.goto("/dashboard/pages/new");
  await page.getByLabel("Title", { exact: true }).fill("Opening hours");
  await page.getByLabel("Address", { exact: true }).fill(slug);
  await page.getByRole("textbox", { name: "Body", exact: true }).click();
  await page.keyboard.type("Open from nine until the light goes.");

  const form = page.locator("form").filter({ has: page.getByLabel("Title", { exact: true }) });
  await saveFailsTwice(page, "/dashboard/pages/new", page.getByRole("button", { name: "Create page" }), form.getByRole("status"));
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Opening hours");
  await expect(page.getByLabel("Address", { exact: true })).toHaveValue(slug);
  await expect(page.getByRole("textbox", { name: "Body", exact: true })).toHaveText("Open from nine until the light goes.");
  const pages = () => runSql(databaseUrl(), `SELECT title, "bodyHtml" FROM "Page" WHERE "authorId" = $1`, [author.id]).then((result) => result.rows);
  expect(await pages()).toEqual([]);

  await page.getByRole("button", { name: "Create page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit “Opening hours”", AFTER_ACTION);
  expect(await pages()).toEqual([{ title: "Opening hours", bodyHtml: expect.stringContaining("Open from nine until the light goes.") }]);
  await page.context().close();
});

test("the post editor keeps the words through a failed Publish, then saves and publishes once", async ({ browser }) => {
  test.setTimeout(90_000);
  const author = await accounts.make("AUTHOR", "Pablo Publish");
  const id = `fail-${unique()}`;
  await runSql(
    databaseUrl(),
    `INSERT INTO "Post" (id, title, slug, "bodyHtml", status, "authorId", "updatedAt") VALUES ($1, 'Rain at last', $1, '<p>First words.</p>', 'DRAFT', $2, now())`,
    [id, author.id],
  );
  const stored = async () => (await runSql(databaseUrl(), `SELECT "bodyHtml", status, version FROM "Post" WHERE id = $1`, [id])).rows[0];
  const page = await signedInPage(browser, author);
  await page.goto(`/dashboard/posts/${id}`);
  const body = page.getByRole("textbox", { name: "Body" });
  await expect(body).toContainText("First words.");

  // Typed just before Publish: the save that goes first fails too, and autosave keeps retrying.
  const outage = await failActions(page, `/dashboard/posts/${id}`);
  await body.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Words typed during the outage.");
  const publish = page.getByRole("button", { name: "Publish", exact: true });
  const notice = page.getByText(COULD_NOT_SAVE, { exact: true });
  for (const attempt of [1, 2]) {
    await publish.click();
    await expect.poll(outage.failed, AFTER_ACTION).toBeGreaterThanOrEqual(attempt);
    await expect(publish).toBeEnabled(AFTER_ACTION);
    await expect(notice).toBeVisible(AFTER_ACTION);
  }
  await expect(body).toContainText("First words. Words typed during the outage.");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Rain at last");
  expect(await stored()).toEqual({ bodyHtml: "<p>First words.</p>", status: "DRAFT", version: 1 });

  await outage.restore();
  await publish.click();
  await expect(page.getByText("Published.", { exact: true })).toBeVisible(AFTER_ACTION);
  // One save of the words (version 2), one publish (version 3).
  expect(await stored()).toEqual({ bodyHtml: expect.stringContaining("Words typed during the outage."), status: "PUBLISHED", version: 3 });
  await page.context().close();
});

test("autosave stops at a post too large to send (a 413), says so, and saves once it is shortened", async ({ browser }) => {
  test.setTimeout(90_000);
  const author = await accounts.make("AUTHOR", "Lena Long");
  const id = `long-${unique()}`;
  await runSql(
    databaseUrl(),
    `INSERT INTO "Post" (id, title, slug, "bodyHtml", status, "authorId", "updatedAt") VALUES ($1, 'A long one', $1, '<p>First words.</p>', 'DRAFT', $2, now())`,
    [id, author.id],
  );
  const page = await signedInPage(browser, author);
  await page.goto(`/dashboard/posts/${id}`);
  await page.getByRole("button", { name: "HTML", exact: true }).click();
  const source = page.getByLabel("Body (HTML source)");
  // Past the 1 MB a server action may send: the server answers 413 before the action runs.
  const tooLarge = `<p>${"Too much. ".repeat(110_000)}</p>`;
  await source.fill(tooLarge);
  await expect(page.locator("#save-status")).toHaveText("Not saved: The post is too large to save. Keep its body under 500 KB.", AFTER_ACTION);
  await expect(source).toHaveValue(tooLarge);

  await source.fill("<p>Short again.</p>");
  await expect(page.locator("#save-status")).toHaveText(/^Saved \d\d:\d\d$/, AFTER_ACTION);
  const stored = await runSql(databaseUrl(), `SELECT "bodyHtml", version FROM "Post" WHERE id = $1`, [id]);
  expect(stored.rows).toEqual([{ bodyHtml: "<p>Short again.</p>", version: 2 }]);
  await page.context().close();
});

test.describe("settings", () => {
  // The blog-wide Setting row: only its description changes, and it is put back afterwards.
  let original: string | undefined;
  let releaseBlogSettings: (() => Promise<void>) | undefined;
  const storedDescription = async () => ((await runSql(databaseUrl(), `SELECT description FROM "Setting" WHERE id = 1`)).rows[0] as { description: string }).description;
  test.beforeAll(async () => {
    releaseBlogSettings = await holdBlogSettings();
    original = await storedDescription();
  });
  test.afterAll(async () => {
    if (original !== undefined) await runSql(databaseUrl(), `UPDATE "Setting" SET description = $1 WHERE id = 1`, [original]);
    await releaseBlogSettings?.();
  });

  test("the settings form keeps what was typed through failed saves, then saves it once", async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await signedInPage(browser, await accounts.make("ADMIN", "Sid Settings"));
    const description = `Notes from the garden, ${unique()}`;
    await page.goto("/dashboard/settings");
    await untilHydrated(page.getByLabel("Description"));
    await page.getByLabel("Description").fill(description);
    const save = page.getByRole("button", { name: "Save settings" });
    const message = page.getByRole("status");

    await saveFailsTwice(page, "/dashboard/settings", save, message);
    await expect(page.getByLabel("Description")).toHaveValue(description);
    expect(await storedDescription()).toBe(original);

    await save.click();
    await expect(message).toHaveText("Settings saved. Reader pages show them now.", AFTER_ACTION);
    expect(await storedDescription()).toBe(description);
    // Put back through the form, so reader pages drop the test's description too.
    await page.getByLabel("Description").fill(original!);
    await save.click();
    await expect.poll(storedDescription, AFTER_ACTION).toBe(original);
    await page.context().close();
  });
});
