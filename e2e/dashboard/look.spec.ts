import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import sharp from "sharp";
import { runSql } from "../../tests/support/sql";
import { signedInPage, trackedAccounts, type TestAccount } from "../support/accounts";

// Every dashboard page as an admin sees it on a phone (360 × 740): no accessibility violations, no
// sideways scrolling, and a screenshot of each attached to the report. Then the posts list by
// keyboard alone. The test seeds its own post (with revisions and a held comment), page and image,
// and removes them with its accounts.
const databaseUrl = () => process.env.DATABASE_URL!;
const sql = (statement: string, values: unknown[]) => runSql(databaseUrl(), statement, values);
const PHONE = { width: 360, height: 740 };
// Fourteen pages, each rendered, checked and photographed, on a machine busy with other builds.
test.describe.configure({ timeout: 240_000 });
const SLOW = { timeout: 20_000 };

const accounts = trackedAccounts();
test.afterEach(() => accounts.removeAll());

/** A published post with a long unbroken word in its title, two revisions, and a comment held for moderation. */
async function seedContent(admin: TestAccount, reader: TestAccount) {
  const id = `look-${randomBytes(5).toString("hex")}`;
  const title = `Allotment notes ${id} with an Unbrokenwordthatwouldwidenatablecell`;
  await sql(
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", version, "updatedAt")
     VALUES ($1, $2, $1, $3, '<p>The slow fox sleeps by the shed.</p>', 'PUBLISHED', '2012-10-15T10:00:00Z', $4, 3, now())`,
    [id, title, `/2012/10/${id}`, admin.id],
  );
  await sql(
    `INSERT INTO "PostRevision" (id, "postId", "authorId", kind, title, "bodyHtml", "createdAt", "updatedAt") VALUES
       ($1 || '-older', $1, $2, 'EDIT', $3, '<p>The quick fox runs by the shed.</p>', '2012-10-14T10:00:00Z', '2012-10-14T10:00:00Z'),
       ($1 || '-newer', $1, $2, 'PUBLISH', $3, '<p>The slow fox sleeps by the shed.</p>', '2012-10-15T10:00:00Z', '2012-10-15T10:00:00Z')`,
    [id, admin.id, title],
  );
  await sql(`INSERT INTO "Comment" (id, "postId", "userId", "bodyHtml", status, "idempotencyKey") VALUES ($1, $2, $3, $4, 'PENDING', $1)`, [
    `${id}-comment`,
    id,
    reader.id,
    "<p>Which variety of beans did you sow, and when? Mine never came up.</p>",
  ]);
  await sql(
    `INSERT INTO "Page" (id, title, slug, "bodyHtml", status, "authorId", "updatedAt") VALUES ($1, 'About the allotment', $1, '<p>Plot 14, since 2009.</p>', 'DRAFT', $2, now())`,
    [`${id}-page`, admin.id],
  );
  return { id, title };
}

async function expectNoAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect.soft(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`), `axe on ${name}`).toEqual([]);
}

/** The page is no wider than the phone; if it is, the message names the elements that stick out. */
async function expectNoSidewaysScrolling(page: Page, name: string) {
  const { scrollWidth, offenders } = await page.evaluate((width) => {
    const describe = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.className && typeof element.className === "string" ? `.${element.className.split(" ").join(".")}` : ""}`;
    // An element reaching past the edge, or one whose text (a long unbroken word) spills out of it.
    const wide = [...document.querySelectorAll("body *")].filter(
      (element) => element.getBoundingClientRect().right > width + 0.5 || element.getBoundingClientRect().left + element.scrollWidth > width + 0.5,
    );
    // The innermost ones are the cause; their ancestors only contain them.
    const innermost = wide.filter((element) => !wide.some((other) => other !== element && element.contains(other)));
    return { scrollWidth: document.documentElement.scrollWidth, offenders: innermost.slice(0, 8).map(describe) };
  }, PHONE.width);
  expect.soft(scrollWidth, `${name} is ${scrollWidth} px wide at ${PHONE.width} px; sticking out: ${offenders.join(", ")}`).toBeLessThanOrEqual(PHONE.width);
}

async function photograph(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}-360.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`${name} at 360 px`, { path, contentType: "image/png" });
}

test("every dashboard page passes axe and fits a 360 px screen without sideways scrolling", async ({ browser }, testInfo) => {
  const admin = await accounts.make("ADMIN", "Lou Look");
  const reader = await accounts.make("READER", "Bea Beans");
  const post = await seedContent(admin, reader);
  const page = await signedInPage(browser, admin);
  await page.setViewportSize(PHONE);

  // An image of its own in the library, uploaded as an author does (so its resized copies exist).
  await page.goto("/dashboard/images");
  const imageName = `${post.id}.png`;
  await page.getByLabel("Upload an image").setInputFiles({
    name: imageName,
    mimeType: "image/png",
    buffer: await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#6a8f4e" } }).png().toBuffer(),
  });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByText(`Uploaded ${imageName}.`)).toBeVisible(SLOW);

  const postPath = `/dashboard/posts/${post.id}`;
  const pages: { name: string; path: string; heading: RegExp }[] = [
    { name: "overview", path: "/dashboard", heading: /Posts/ },
    { name: "posts", path: "/dashboard/posts", heading: /Posts/ },
    { name: "post-editor", path: postPath, heading: /post/i },
    { name: "revisions", path: `${postPath}/revisions`, heading: /Revisions of/ },
    { name: "revision", path: `${postPath}/revisions/${post.id}-older`, heading: /Revision of/ },
    { name: "preview", path: `${postPath}/preview`, heading: /Allotment notes/ },
    { name: "new-page", path: "/dashboard/pages/new", heading: /New page/ },
    { name: "page-editor", path: `/dashboard/pages/${post.id}-page`, heading: /About the allotment/ },
    { name: "pages", path: "/dashboard/pages", heading: /Pages/ },
    { name: "images", path: "/dashboard/images", heading: /Images/ },
    { name: "comments", path: "/dashboard/comments", heading: /Comments/ },
    { name: "people", path: "/dashboard/users", heading: /People/ },
    { name: "settings", path: "/dashboard/settings", heading: /Settings/ },
    { name: "layout", path: "/dashboard/layout", heading: /Layout/ },
    { name: "import-export", path: "/dashboard/import", heading: /Import & export/ },
  ];
  for (const { name, path, heading } of pages) {
    await test.step(name, async () => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible(SLOW);
      await expectNoAxeViolations(page, name);
      await expectNoSidewaysScrolling(page, name);
      await photograph(page, testInfo, name);
    });
  }

  // The seeded rows show as cards whose cells say what they are.
  await page.goto(`/dashboard/posts?q=${post.id}`);
  await expect(page.getByRole("link", { name: post.title })).toBeVisible(SLOW);
  await expect(page.locator('td[data-label="Status"]')).toHaveText("Published");
  await page.goto(`/dashboard/users?q=${encodeURIComponent(reader.email)}`);
  await expect(page.locator('td[data-label="Email"]')).toHaveText(reader.email, SLOW);
  await expectNoSidewaysScrolling(page, "people, searched");

  await page.goto("/dashboard/images");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: `Delete ${imageName}` }).click();
  await expect(page.getByText(imageName)).toHaveCount(0, SLOW);
  await page.context().close();
});

test("the posts list is usable by keyboard alone: Tab reaches every action, each with a visible focus ring", async ({ browser }) => {
  const admin = await accounts.make("ADMIN", "Kay Keys");
  const reader = await accounts.make("READER", "Bea Beans");
  const post = await seedContent(admin, reader);
  const page = await signedInPage(browser, admin);
  await page.setViewportSize(PHONE);
  await page.goto(`/dashboard/posts?q=${post.id}`);
  await expect(page.getByRole("link", { name: post.title })).toBeVisible(SLOW);

  const actions = await page.locator("main").locator("a[href], button, input:not([type=hidden]), select").evaluateAll((elements) =>
    elements.map((element) => element.getAttribute("id") || element.textContent?.trim() || element.getAttribute("name") || ""),
  );
  expect(actions).toEqual(expect.arrayContaining(["New post", "filter-status", "filter-label", "filter-title", "Filter", post.title]));

  // Tab from the top of the page until focus leaves the list's main area, noting each stop.
  const reached: string[] = [];
  for (let stop = 0; stop < 40 && reached.length < actions.length; stop++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || !element.closest("main")) return null;
      const style = getComputedStyle(element);
      return {
        name: element.getAttribute("id") || element.textContent?.trim() || element.getAttribute("name") || "",
        ring: element.matches(":focus-visible") && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (!focused) continue;
    expect(focused.ring, `a visible focus ring on “${focused.name}”`).toBe(true);
    reached.push(focused.name);
  }
  // In the order they are read: the main action, the filters, then the posts.
  expect(reached).toEqual(actions);
  await page.context().close();
});
