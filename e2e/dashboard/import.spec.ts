import { randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { runSql } from "../../tests/support/sql";
import { bloggerExport, importedPostSlug, importedPostTitle } from "../fixtures/blogger-export";
import { signedInPage, trackedAccounts, type TestAccount } from "../support/accounts";

// The dashboard's Import & export page. Imports run one at a time on the server, so the tests
// that upload run in order. The imported post is credited to the test's admin (matched by email)
// and goes with that account afterwards.
test.describe.configure({ timeout: 120_000 });
const SLOW = { timeout: 30_000 };
const databaseUrl = () => process.env.DATABASE_URL!;

const accounts = trackedAccounts();
const account = accounts.make;
test.afterEach(() => accounts.removeAll());

async function blogTitle(): Promise<string> {
  const { rows } = await runSql(databaseUrl(), `SELECT "blogTitle" FROM "Setting" LIMIT 1`);
  return (rows[0] as { blogTitle?: string } | undefined)?.blogTitle ?? "Longhand";
}

async function exportFor(admin: TestAccount, extraComments = 0) {
  const blogId = `7${randomInt(1e9, 1e10)}`;
  const xml = bloggerExport({ blogId, blogTitle: await blogTitle(), authorName: admin.name, authorEmail: admin.email, extraComments });
  return { blogId, buffer: Buffer.from(xml) };
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel("Export file").setInputFiles({ name, mimeType: "application/xml", buffer });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText(`Uploaded ${name}; the import has started.`)).toBeVisible(SLOW);
}

const latestImport = (page: Page) => page.getByRole("region", { name: /\.xml$/ });

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
}

test.describe("uploads, one at a time", () => {
  test.describe.configure({ mode: "serial" });

  test("an admin imports a Blogger export: the report counts it, the post is on the blog, and the same file again changes nothing", async ({ browser }) => {
    const admin = await account("ADMIN", "Import Admin");
    const { blogId, buffer } = await exportFor(admin);
    const page = await signedInPage(browser, admin);
    await page.goto("/dashboard/import");
    await expect(page.getByRole("heading", { level: 1, name: "Import & export" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Import & export" })).toHaveAttribute("aria-current", "page");

    await upload(page, "reading-room.xml", buffer);
    const latest = latestImport(page);
    await expect(latest.getByText("Import finished.")).toBeVisible(SLOW);
    await expect(latest).toContainText("Blogger export (classic)");
    const report = latest.getByRole("table", { name: "What the import did" });
    await expect(report.getByRole("row", { name: /^Posts/ })).toHaveText(/Posts\s*1\s*0\s*0\s*0/);
    await expect(report.getByRole("row", { name: /^Comments/ })).toHaveText(/Comments\s*1\s*0\s*0\s*0/);
    await expectNoAxeViolations(page);

    // A reload shows the same report: it lives on the job's row.
    await page.reload();
    await expect(latestImport(page).getByText("Import finished.")).toBeVisible();

    const reader = await browser.newPage();
    await reader.goto(`/2011/09/${importedPostSlug(blogId)}`);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(importedPostTitle(blogId));
    await expect(reader.locator("body")).toContainText("I had one just like it in my first flat.");
    await reader.close();

    await upload(page, "reading-room-again.xml", buffer);
    await expect(latestImport(page).getByText("Nothing changed: this file was already imported.")).toBeVisible(SLOW);
    await expect(page.getByRole("table", { name: /imports before the latest/ })).toContainText("reading-room.xml");
    await page.context().close();
  });

  test("a big file shows its progress bar and counts while it runs, then the report", async ({ browser }) => {
    const admin = await account("ADMIN", "Big Import Admin");
    const { buffer } = await exportFor(admin, 30_000);
    const page = await signedInPage(browser, admin);
    await page.goto("/dashboard/import");

    await upload(page, "big-reading-room.xml", buffer);
    const latest = latestImport(page);
    const bar = latest.getByRole("progressbar", { name: "Import progress" });
    await expect(bar).toBeVisible();
    // The page asks every second; the bar moves as the server reads the file.
    await expect(bar).toHaveAttribute("value", /^[1-9]\d*$/, SLOW);
    await expect(latest.getByText(/(Reading|Saving): [\d.]+ MB of [\d.]+ MB read; \d+ posts?, \d+ pages?, \d+ comments? and \d+ images? so far\./)).toBeVisible();
    await expect(latest.getByText("Import finished.")).toBeVisible({ timeout: 90_000 });
    await expect(bar).toHaveCount(0);
    const report = latest.getByRole("table", { name: "What the import did" });
    await expect(report.getByRole("row", { name: /^Comments/ })).toHaveText(/Comments\s*30,?001\s*0\s*0\s*0/);
    await page.context().close();
  });

  test("a broken file is refused with what is wrong and where, at 360 pixels wide", async ({ browser }) => {
    const admin = await account("ADMIN", "Broken File Admin");
    const { buffer } = await exportFor(admin);
    const page = await signedInPage(browser, admin);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/dashboard/import");

    await upload(page, "truncated.xml", buffer.subarray(0, Math.floor(buffer.length / 2)));
    await expect(latestImport(page).getByText(/^Import failed: .+\(line \d+, column \d+\)$/)).toBeVisible(SLOW);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

test("each export button downloads the whole blog in its format", async ({ browser }) => {
  const admin = await account("ADMIN", "Export Admin");
  const page = await signedInPage(browser, admin);
  await page.goto("/dashboard/import");
  const formats = [
    { link: "Download Atom (Blogger format)", fileName: /^longhand-export-\d{4}-\d{2}-\d{2}\.atom\.xml$/, start: /^<\?xml[^>]*\?>\s*<feed/ },
    { link: "Download WordPress (WXR)", fileName: /^longhand-export-\d{4}-\d{2}-\d{2}\.wordpress\.xml$/, start: /^<\?xml[^>]*\?>\s*(<!--[^]*?-->\s*)*<rss/ },
    { link: "Download JSON (complete backup)", fileName: /^longhand-export-\d{4}-\d{2}-\d{2}\.json$/, start: /^\{/ },
  ];
  for (const { link, fileName, start } of formats) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
    expect(download.suggestedFilename()).toMatch(fileName);
    const text = await readFile((await download.path())!, "utf8");
    expect(text.slice(0, 400)).toMatch(start);
  }
  expect((await page.request.get("/dashboard/import/export/csv")).status()).toBe(404);
  await page.context().close();
});

test("an author is refused the page, the import API and the exports", async ({ browser, baseURL }) => {
  const author = await account("AUTHOR", "Curious Author");
  const page = await signedInPage(browser, author);
  expect((await page.goto("/dashboard/import"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  await page.goto("/dashboard/posts");
  await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Import & export" })).toHaveCount(0);

  const posted = await page.request.post("/api/imports", { data: "<feed/>", headers: { origin: baseURL!, "x-file-name": "sneaky.xml" } });
  expect(posted.status()).toBe(403);
  expect(await posted.json()).toEqual({ error: "Only administrators can import a blog." });
  expect((await page.request.get("/api/imports/any-job")).status()).toBe(403);
  expect((await page.request.get("/dashboard/import/export/json")).status()).toBe(403);
  await page.context().close();
});
