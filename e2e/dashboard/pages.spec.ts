import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInWithPassword, trackedAccounts } from "../support/accounts";

// Static pages from the dashboard to the reader: create, publish (the page and its header link
// appear), unpublish (404), delete. Each test removes the pages its accounts made.
// A server action's answer: allow for a machine busy with other builds.
const AFTER_ACTION = { timeout: 15_000 };

const accounts = trackedAccounts();
test.afterEach(() => accounts.removeAll());

async function signedInPage(browser: Browser, role: "READER" | "AUTHOR" | "ADMIN", name: string) {
  const who = await accounts.make(role, name);
  const context = await browser.newContext();
  await signInWithPassword(context.request, who);
  return context.newPage();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
}

/** Pages share the posts' rich text editor; its HTML view takes markup as typed. */
async function fillBodyHtml(page: Page, html: string) {
  const source = page.getByLabel("Body (HTML source)");
  if (!(await source.isVisible())) await page.getByRole("button", { name: "HTML", exact: true }).click();
  await source.fill(html);
}

test("an author creates “About the garden”, publishes it for readers, unpublishes and deletes it", async ({ browser }) => {
  // Many first renders after the build, four axe runs and a reader beside the author.
  test.setTimeout(180_000);
  const page = await signedInPage(browser, "AUTHOR", "Rosa Lind");
  await page.goto("/dashboard/pages");
  await expect(page.getByRole("heading", { level: 1, name: "Pages" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "New page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New page" })).toBeVisible();
  // Exact accessible names: each field is labelled once, by its own label.
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Address", exact: true })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Body", exact: true })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("About the garden");
  // The address follows the title until it is edited; this one is made unique for parallel runs.
  await expect(page.getByLabel("Address", { exact: true })).toHaveValue("about-the-garden");
  const slug = `about-the-garden-${randomBytes(4).toString("hex")}`;
  await page.getByLabel("Address", { exact: true }).fill(slug);
  await page.getByLabel("Title", { exact: true }).fill("About the garden ");
  await expect(page.getByLabel("Address", { exact: true })).toHaveValue(slug);
  await fillBodyHtml(page, "<p>Raised beds, a pond and a bench by the hedge.</p><script>alert(1)</script>");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Create page" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit “About the garden”", AFTER_ACTION);
  await expect(page.getByText("Draft: readers cannot see it yet.")).toBeVisible();
  await expectNoAxeViolations(page);
  const editUrl = page.url();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published: readers see the page now.")).toBeVisible(AFTER_ACTION);
  await expect(page.getByRole("link", { name: `/p/${slug}` })).toBeVisible();

  const reader = await browser.newPage();
  const shown = await reader.goto(`/p/${slug}`);
  expect(shown?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("About the garden");
  await expect(reader.locator(".post-body")).toHaveText("Raised beds, a pond and a bench by the hedge.");
  await reader.goto("/");
  await expect(reader.getByRole("banner").getByRole("link", { name: "About the garden" })).toHaveAttribute("href", `/p/${slug}`);

  // A saved change to a published page waits for Update; readers keep the live text until then.
  await fillBodyHtml(page, "<p>Raised beds, a pond and a greenhouse.</p>");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved. Readers see the change once you press Update.")).toBeVisible(AFTER_ACTION);
  await expect(page.getByText(/changes not yet live/)).toBeVisible();
  await reader.goto(`/p/${slug}`);
  await expect(reader.locator(".post-body")).toHaveText("Raised beds, a pond and a bench by the hedge.");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText(/· up to date\./)).toBeVisible(AFTER_ACTION);
  await reader.goto(`/p/${slug}`);
  await expect(reader.locator(".post-body")).toHaveText("Raised beds, a pond and a greenhouse.");

  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByText("Unpublished: the page is a draft again.")).toBeVisible(AFTER_ACTION);
  expect((await reader.goto(`/p/${slug}`))?.status()).toBe(404);
  await reader.goto("/");
  await expect(reader.getByRole("banner").getByRole("link", { name: "About the garden" })).toHaveCount(0);

  await page.goto(editUrl);
  // By keyboard: open the confirmation, tick it, delete.
  await page.getByText("Delete this page").focus();
  await page.keyboard.press("Enter");
  await page.getByLabel(/Yes, delete “About the garden” for good/).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Delete page" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard\/pages$/, AFTER_ACTION);
  await expect(page.getByRole("link", { name: "About the garden" })).toHaveCount(0);
  await reader.close();
  await page.context().close();
});

test("a slug another page has is refused with a clear message", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser, "AUTHOR", "Rosa Lind");
  const slug = `garden-notes-${randomBytes(4).toString("hex")}`;
  const create = async (title: string) => {
    await page.goto("/dashboard/pages/new");
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Address", { exact: true }).fill(slug);
    await page.getByRole("button", { name: "Create page" }).click();
  };
  await create("Garden notes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit “Garden notes”", AFTER_ACTION);
  await create("Garden notes again");
  await expect(page.getByText(`Another page already lives at /p/${slug}. Choose a different slug.`)).toBeVisible(AFTER_ACTION);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Garden notes again");
  await page.context().close();
});

test("a reader gets the Not allowed page (403) on the pages dashboard and nothing of it", async ({ browser }) => {
  const page = await signedInPage(browser, "READER", "Pat Reader");
  for (const path of ["/dashboard/pages", "/dashboard/pages/new"]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
    await expect(page.getByRole("navigation", { name: "Dashboard" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "New page" })).toHaveCount(0);
    await expect(page.getByLabel("Title", { exact: true })).toHaveCount(0);
  }
  await page.context().close();
});
