import { randomBytes } from "node:crypto";
import { expect, test, type Page, type Request, type Route } from "@playwright/test";
import sharp from "sharp";
import { runSql } from "../../tests/support/sql";
import { signedInPage, trackedAccounts, type TestAccount } from "../support/accounts";

// The editor's image upload, and its save action called directly by people who must not use it:
// another author passes the proxy's gate (the address is their own post's) and is refused by the
// action's ownership check; readers and signed-out callers are stopped before. Nothing changes.
const databaseUrl = () => process.env.DATABASE_URL!;
const accounts = trackedAccounts();
const account = accounts.make;
test.afterEach(() => accounts.removeAll());

async function draftBy(author: TestAccount, title: string) {
  const id = `act-${randomBytes(5).toString("hex")}`;
  await runSql(
    databaseUrl(),
    `INSERT INTO "Post" (id, title, slug, "bodyHtml", status, "authorId", "updatedAt") VALUES ($1, $2, $1, '<p>First words.</p>', 'DRAFT', $3, now())`,
    [id, title, author.id],
  );
  return id;
}

const storedPost = async (id: string) =>
  (await runSql(databaseUrl(), `SELECT title, "bodyHtml", version FROM "Post" WHERE id = $1`, [id])).rows[0] as { title: string; bodyHtml: string; version: number };

/** Types into the body and waits for the autosave's request, which the editor sends to its server action. */
async function autosaveRequest(page: Page, words: string): Promise<Request> {
  const saving = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await page.getByRole("textbox", { name: "Body" }).click();
  await page.keyboard.type(words);
  const request = await saving;
  await expect(page.locator("#save-status")).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 15_000 });
  return request;
}

test("an author uploads an image from the editor, and the post keeps it", async ({ browser }) => {
  test.setTimeout(90_000);
  const author = await account("AUTHOR", "Uma Uploader");
  const postId = await draftBy(author, "Pond life");
  const page = await signedInPage(browser, author);
  await page.goto(`/dashboard/posts/${postId}`);
  await page.getByRole("toolbar", { name: "Body formatting" }).getByRole("button", { name: "Image", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Insert an image" });
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a7d44" } }).png().toBuffer();
  await dialog.getByLabel("Upload an image").setInputFiles({ name: "frog.png", mimeType: "image/png", buffer: png });
  await dialog.getByRole("textbox", { name: "Alt text" }).fill("A frog on a lily pad");
  await expect(dialog.locator("img")).toHaveAttribute("src", /^\/uploads\//);
  await dialog.getByRole("button", { name: "Insert image" }).click();

  const image = page.getByRole("textbox", { name: "Body" }).getByRole("img", { name: "A frog on a lily pad" });
  await expect(image).toBeVisible({ timeout: 15_000 });
  await expect(page.locator("#save-status")).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 15_000 });
  const src = await image.getAttribute("src");
  expect(src).toMatch(/^\/uploads\/.+\.png$/);
  expect((await storedPost(postId)).bodyHtml).toContain(`<img src="${src}" alt="A frog on a lily pad"`);
  const served = await page.request.get(src!);
  expect(served.headers()["content-type"]).toBe("image/png");
  await page.context().close();
});

test("the save action, called directly by another author, a reader or nobody, changes nothing", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const [owner, intruder, reader] = [await account("AUTHOR", "Olga Owner"), await account("AUTHOR", "Ivan Intruder"), await account("READER", "Rae Reader")];
  const target = await draftBy(owner, "Owner's draft");
  const intruderPost = await draftBy(intruder, "Intruder's own draft");

  // The intruder learns what a save looks like from their own editor...
  const intruderPage = await signedInPage(browser, intruder);
  await intruderPage.goto(`/dashboard/posts/${intruderPost}`);
  const save = await autosaveRequest(intruderPage, " More.");
  const before = await storedPost(target);
  // ...and sends it with the owner's post id, from their own editor's address (which the proxy lets through).
  const forged = save.postData()!.replaceAll(intruderPost, target);
  expect(forged).toContain(target);
  const headers = { "next-action": save.headers()["next-action"]!, "content-type": save.headers()["content-type"]!, origin: baseURL! };
  const asIntruder = await intruderPage.request.post(`/dashboard/posts/${intruderPost}`, { headers, data: forged });
  expect(await asIntruder.text()).toContain("That post was not found.");

  // A reader and a signed-out caller are stopped at any dashboard address, and a page outside the
  // dashboard does not run the dashboard's actions at all.
  const readerPage = await signedInPage(browser, reader);
  expect((await readerPage.request.post(`/dashboard/posts/${target}`, { headers, data: forged, maxRedirects: 0 })).status()).toBe(403);
  await readerPage.request.post("/", { headers, data: forged });
  const nobody = await playwright.request.newContext({ baseURL });
  const asNobody = await nobody.post(`/dashboard/posts/${target}`, { headers, data: forged, maxRedirects: 0 });
  expect(asNobody.status()).toBe(307);
  expect(asNobody.headers().location).toContain("/sign-in?callbackUrl=");
  await nobody.post("/", { headers, data: forged });

  expect(await storedPost(target)).toEqual(before);
  await Promise.all([intruderPage.context().close(), readerPage.context().close(), nobody.dispose()]);
});

test("autosave keeps the words while saves fail, retries by itself, and saves once when the server is back", async ({ browser }) => {
  test.setTimeout(90_000);
  const author = await account("AUTHOR", "Rita Retry");
  const id = await draftBy(author, "Saved in the end");
  const page = await signedInPage(browser, author);
  await page.goto(`/dashboard/posts/${id}`);
  await expect(page.getByRole("textbox", { name: "Body" })).toContainText("First words.");

  // Saves post to the editor's own address: the first cannot reach the server, the next get an
  // error page instead of the action's answer.
  let failedSaves = 0;
  const failSaves = (route: Route) => {
    if (route.request().method() !== "POST") return route.fallback();
    failedSaves++;
    return failedSaves === 1 ? route.abort() : route.fulfill({ status: 503, contentType: "text/html", body: "<h1>Service Unavailable</h1>" });
  };
  await page.route(`**/dashboard/posts/${id}`, failSaves);
  await page.getByRole("textbox", { name: "Body" }).click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Words that must survive.");
  await expect(page.locator("#save-status")).toHaveText("Could not save: retrying by itself", { timeout: 15_000 });
  await expect.poll(() => failedSaves, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  await expect(page.locator("#save-status")).toHaveText("Could not save: retrying by itself");
  await expect(page.getByRole("textbox", { name: "Body" })).toContainText("Words that must survive.");
  expect(await storedPost(id)).toMatchObject({ bodyHtml: "<p>First words.</p>", version: 1 });

  await page.unroute(`**/dashboard/posts/${id}`, failSaves);
  await expect(page.locator("#save-status")).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 45_000 });
  expect(await storedPost(id)).toMatchObject({ bodyHtml: expect.stringContaining("Words that must survive."), version: 2 });
  const revisions = await runSql(databaseUrl(), `SELECT "bodyHtml" FROM "PostRevision" WHERE "postId" = $1`, [id]);
  expect(revisions.rows).toEqual([{ bodyHtml: expect.stringContaining("Words that must survive.") }]);
  await page.context().close();
});
