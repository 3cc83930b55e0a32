import { rm } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { runSql } from "../../tests/support/sql";
import { signedInPage, signInWithPassword, trackedAccounts, type TestAccount } from "../support/accounts";

// The image library and the upload endpoint the editor calls. Each test makes its own accounts;
// images uploaded are deleted through the library (which removes their files), and any row left
// by a failing test goes with its account.
const databaseUrl = () => process.env.DATABASE_URL!;
const accounts = trackedAccounts();
const account = accounts.make;
test.afterEach(() => accounts.removeAll());


const uploadsBy = async (who: TestAccount) => (await runSql(databaseUrl(), `SELECT id FROM "Upload" WHERE "uploaderId" = $1`, [who.id])).rows;

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#2a5aa0" } }).png().toBuffer();
const notAnImage = "That file is not a PNG, JPEG, WebP or GIF image (whatever its name says), so it was not uploaded.";

test("an author uploads a PNG, finds it in the library, opens it from its URL and deletes it", async ({ browser }) => {
  const author = await account("AUTHOR", "Ada Author");
  const page = await signedInPage(browser, author);
  await page.goto("/dashboard/images");
  await expect(page.getByRole("heading", { level: 1, name: "Images" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Images" })).toHaveAttribute("aria-current", "page");

  await page.getByLabel("Upload an image").setInputFiles({ name: "reading-lamp.png", mimeType: "image/png", buffer: await png(1200, 600) });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByText("Uploaded reading-lamp.png.")).toBeVisible();

  const item = page.getByRole("listitem").filter({ hasText: "reading-lamp.png" });
  await expect(item.getByRole("img", { name: "Reading lamp" })).toBeVisible();
  await expect(item).toContainText("1200 × 600 px");
  const url = await item.getByLabel("URL of reading-lamp.png").inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/uploads\/\d{4}\/\d{2}\/[0-9a-f]+\.png$/);

  const image = await page.request.get(url);
  expect(image.status()).toBe(200);
  expect(image.headers()).toMatchObject({
    "content-type": "image/png",
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
  });
  expect((await sharp(await image.body()).metadata()).width).toBe(1200);
  const etag = image.headers().etag!;
  expect(etag).toMatch(/^"[\w-]+"$/);
  expect((await page.request.get(url, { headers: { "If-None-Match": etag } })).status()).toBe(304);
  expect((await page.request.get(url.replace(/\.png$/, "-480w.webp"))).headers()["content-type"]).toBe("image/webp");

  page.once("dialog", (dialog) => dialog.accept());
  await item.getByRole("button", { name: "Delete reading-lamp.png" }).click();
  await expect(item).toHaveCount(0);
  expect(await uploadsBy(author)).toEqual([]);
  expect((await page.request.get(url)).status()).toBe(404);
  await page.context().close();
});

test("a text file named .png is refused with the reason, announced by the form", async ({ browser }) => {
  const author = await account("AUTHOR", "Ada Author");
  const page = await signedInPage(browser, author);
  await page.goto("/dashboard/images");
  await page.getByLabel("Upload an image").setInputFiles({ name: "shopping-list.png", mimeType: "image/png", buffer: Buffer.from("Tea, more tea, biscuits.\n") });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  const status = page.getByText(notAnImage);
  await expect(status).toBeVisible();
  await expect(status).toHaveAttribute("aria-live", "polite");
  expect(await uploadsBy(author)).toEqual([]);
  await page.context().close();
});

test("without JavaScript the form posts itself and the library shows the outcome", async ({ browser }) => {
  const author = await account("AUTHOR", "Ada Author");
  const page = await signedInPage(browser, author, { javaScriptEnabled: false });
  await page.goto("/dashboard/images");
  await page.getByLabel("Upload an image").setInputFiles({ name: "shopping-list.png", mimeType: "image/png", buffer: Buffer.from("Tea, more tea, biscuits.\n") });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/images$/);
  await expect(page.getByText(notAnImage)).toBeVisible();

  await page.getByLabel("Upload an image").setInputFiles({ name: "quiet-corner.png", mimeType: "image/png", buffer: await png(300, 200) });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByText("Uploaded quiet-corner.png.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Quiet corner" })).toBeVisible();
  const [upload] = await uploadsBy(author);
  expect(upload).toBeDefined();
  const url = await page.getByLabel("URL of quiet-corner.png").inputValue();
  // Deleting asks for confirmation by script; the file goes here as the library would remove it (narrower than 480: no copies).
  await rm(path.join(process.cwd(), ".data/uploads", new URL(url).pathname.slice("/uploads/".length)));
  await page.context().close();
});

test("the upload endpoint: readers get 403, signed-out callers 401, other sites 403", async ({ browser, playwright, baseURL }) => {
  const file = { name: "tiny.png", mimeType: "image/png", buffer: await png(20, 20) };
  const sameOrigin = { origin: new URL(baseURL!).origin };

  const reader = await account("READER", "Rita Reader");
  const readerContext = await browser.newContext();
  await signInWithPassword(readerContext.request, reader);
  const asReader = await readerContext.request.post("/api/uploads", { multipart: { file }, headers: sameOrigin });
  expect(asReader.status()).toBe(403);
  expect(await asReader.json()).toEqual({ error: "Only authors can upload images." });
  await readerContext.close();

  const signedOut = await playwright.request.newContext({ baseURL });
  const anonymous = await signedOut.post("/api/uploads", { multipart: { file }, headers: sameOrigin });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error).toMatch(/sign in/);
  await signedOut.dispose();

  const author = await account("AUTHOR", "Ada Author");
  const authorContext = await browser.newContext();
  await signInWithPassword(authorContext.request, author);
  for (const headers of [{ origin: "http://evil.example" }, {}] as Record<string, string>[]) {
    const crossSite = await authorContext.request.post("/api/uploads", { multipart: { file }, headers });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.json()).toEqual({ error: "Uploads are only accepted from the blog's own pages." });
  }
  expect(await uploadsBy(author)).toEqual([]);

  // The editor's contract, from the blog's own origin.
  const accepted = await authorContext.request.post("/api/uploads", { multipart: { file: { ...file, name: "tiny_blue-square.png" } }, headers: sameOrigin });
  expect(accepted.status()).toBe(201);
  const answer = await accepted.json();
  expect(answer).toEqual({ id: expect.any(String), url: expect.stringMatching(/^\/uploads\/.+\.png$/), width: 20, height: 20, alt: "Tiny blue square" });
  // Too narrow for resized copies: the original is its only file (in the blog's default UPLOADS_DIR).
  await rm(path.join(process.cwd(), ".data/uploads", answer.url.slice("/uploads/".length)));
  await authorContext.close();
});

test("an author may send 60 uploads in 10 minutes; the 61st is refused with the time to wait", async ({ browser, baseURL }) => {
  const author = await account("AUTHOR", "Ada Author");
  const context = await browser.newContext();
  await signInWithPassword(context.request, author);
  // Refused files count as attempts too, and leave nothing to clean up.
  const send = () =>
    context.request.post("/api/uploads", {
      multipart: { file: { name: "notes.png", mimeType: "image/png", buffer: Buffer.from("Not a picture.") } },
      headers: { origin: new URL(baseURL!).origin },
    });
  for (let attempt = 1; attempt <= 60; attempt++) expect((await send()).status(), `attempt ${attempt}`).toBe(415);
  const limited = await send();
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(500);
  expect((await limited.json()).error).toMatch(/^You have uploaded a lot of images just now\. Try again in \d+ minutes\.$/);
  await context.close();
});

test("the image library has no accessibility violations, with an image in it", async ({ browser }) => {
  const author = await account("AUTHOR", "Ada Author");
  const page = await signedInPage(browser, author);
  await page.goto("/dashboard/images");
  await page.getByLabel("Upload an image").setInputFiles({ name: "garden_path.png", mimeType: "image/png", buffer: await png(800, 500) });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("img", { name: "Garden path" })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete garden_path.png" }).click();
  await expect(page.getByRole("img", { name: "Garden path" })).toHaveCount(0);
  await page.context().close();
});
