import { randomBytes } from "node:crypto";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import sharp from "sharp";
import { runSql } from "../tests/support/sql";
import { randomClientIp, signedInPage, signInThroughForm, trackedAccounts, type TestAccount } from "./support/accounts";

// The security headers on every kind of response, and Chromium finding nothing the
// Content-Security-Policy blocks on the pages readers, authors and admins use. It adds a post (with
// a video and a remote image), so it runs in "writing"; what it makes goes with its account.
const unique = () => randomBytes(4).toString("hex");
const accounts = trackedAccounts({ name: "Hedda Headers" });
test.afterEach(() => accounts.removeAll());
test.use({ extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });

const PLAYER = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ";
const REMOTE_IMAGE = "https://images.example.test/blue.png";
const png = (background: string) => sharp({ create: { width: 40, height: 30, channels: 3, background } }).png().toBuffer();

async function postWithVideo(author: TestAccount) {
  const id = `csp-${unique()}`;
  const permalink = `/2013/06/${id}`;
  const body = `<p>Watch this.</p><iframe loading="lazy" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" src="${PLAYER}" title="A video" allowfullscreen></iframe><p><img src="${REMOTE_IMAGE}" alt="A remote picture"></p>`;
  await runSql(
    process.env.DATABASE_URL!,
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
     VALUES ($1, 'A post with a video', $1, $2, $3, 'PUBLISHED', '2013-06-04T10:00:00Z', $4, now())`,
    [id, permalink, body, author.id],
  );
  return permalink;
}

/** Every "Content Security Policy" message Chromium logs on this page from now on. */
function cspViolationsOn(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

const policyOf = (response: APIResponse) => response.headers()["content-security-policy"] ?? "";

function expectPageHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  // The blog under test is served over plain HTTP (its NEXTAUTH_URL is http://).
  expect(headers["strict-transport-security"]).toBeUndefined();
  const policy = policyOf(response);
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "connect-src 'self'"]) {
    expect(policy).toContain(directive);
  }
  // GitHub sign-in is configured for the blog under test: its form posts here, then goes there.
  expect(policy).toContain(`form-action 'self' ${new URL(response.url()).origin} https://github.com;`);
}

test("reader pages, first rendered and then from the cache, 404s, feeds and route handlers carry the headers", async ({ request }) => {
  const permalink = await postWithVideo(await accounts.make("AUTHOR"));
  const firstRender = await request.get(permalink);
  expect(firstRender.headers()["x-nextjs-cache"]).not.toBe("HIT");
  expectPageHeaders(firstRender);
  // server.mjs answers a page Next has cached itself, with headers of its own making.
  await expect
    .poll(async () => {
      const cached = await request.get(permalink);
      expectPageHeaders(cached);
      return cached.headers()["x-nextjs-cache"];
    })
    .toBe("HIT");

  const notFound = await request.get(`/label/no-such-label-${unique()}`);
  expect(notFound.status()).toBe(404);
  expectPageHeaders(notFound);
  for (const address of ["/feeds/posts/default", "/api/viewer", "/sign-in", "/profile", "/dashboard/posts"]) {
    expectPageHeaders(await request.get(address, { maxRedirects: 0 }));
  }
});

test("the reader pages show everything with no Content-Security-Policy violation", async ({ page }) => {
  const permalink = await postWithVideo(await accounts.make("AUTHOR"));
  await page.route(`${PLAYER}**`, (route) => route.fulfill({ contentType: "text/html", body: "<p>The player</p>" }));
  await page.route(REMOTE_IMAGE, async (route) => route.fulfill({ contentType: "image/png", body: await png("#2a5aa0") }));
  const violations = cspViolationsOn(page);

  await page.goto(permalink);
  // Lazy: the player loads once it is scrolled to.
  await page.locator("iframe").scrollIntoViewIfNeeded();
  await expect(page.frameLocator("iframe").locator("p")).toHaveText("The player");
  await expect.poll(() => page.getByAltText("A remote picture").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(40);

  await page.goto("/");
  const firstPost = page.locator("article .post-title a").first();
  await firstPost.click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/");
  await page.getByRole("link", { name: "Older posts" }).click();
  await expect(page).toHaveURL(/\/page\//);
  for (const address of ["/2011", "/2011/09", "/search?q=tool", "/sign-in", "/sign-up", "/forgot-password", `/label/no-such-label-${unique()}`]) {
    await page.goto(address);
    await expect(page.locator("main")).toBeVisible();
  }
  const labels = await page.goto("/");
  expect(labels?.status()).toBe(200);
  await page.locator('a[href^="/label/"]').first().click();
  await expect(page).toHaveURL(/\/label\//);
  expect(violations).toEqual([]);
});

test("signing in with the password form lands signed in, with no violation", async ({ page }) => {
  const reader = await accounts.make("READER");
  const violations = cspViolationsOn(page);
  await page.goto("/sign-in");
  await signInThroughForm(page, reader.email, reader.password);
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
  expect(violations).toEqual([]);
});

test("signing in with GitHub leaves for github.com: form-action lets the provider's redirect through", async ({ page }) => {
  await page.route("https://github.com/**", (route) => route.fulfill({ contentType: "text/html", body: "<h1>GitHub</h1>" }));
  const violations = cspViolationsOn(page);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: /GitHub/ }).click();
  await expect(page).toHaveURL(/^https:\/\/github\.com\/login\/oauth\/authorize/);
  expect(violations).toEqual([]);
});

test("the dashboard and account pages work with no violation, and uploads come sandboxed", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await accounts.make("ADMIN");
  const page = await signedInPage(browser, admin);
  const violations = cspViolationsOn(page);

  for (const address of ["/dashboard", "/dashboard/posts", "/dashboard/pages", "/dashboard/comments", "/dashboard/images", "/dashboard/settings", "/dashboard/users", "/dashboard/import", "/profile"]) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(200);
    expect(response?.headers()["x-frame-options"]).toBe("DENY");
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  }

  await page.goto("/dashboard/posts");
  await page.getByRole("button", { name: "New post" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[^/]+$/);
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(`Headers ${unique()}`);
  await page.getByRole("textbox", { name: "Body" }).click();
  await page.keyboard.type("A body.");
  await page.getByRole("toolbar", { name: "Body formatting" }).getByRole("button", { name: "Image", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Insert an image" });
  await dialog.getByLabel("Upload an image").setInputFiles({ name: "card.png", mimeType: "image/png", buffer: await png("#a02a2a") });
  const preview = dialog.locator("img");
  await expect(preview).toHaveAttribute("src", /^\/uploads\//);
  await expect.poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);

  const upload = await page.request.get((await preview.getAttribute("src"))!);
  expect(upload.status()).toBe(200);
  expect(upload.headers()["x-content-type-options"]).toBe("nosniff");
  expect(policyOf(upload)).toContain("default-src 'none'");
  expect(policyOf(upload)).toContain("sandbox");
  expect(violations).toEqual([]);
});
