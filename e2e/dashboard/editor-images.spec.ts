import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { runSql } from "../../tests/support/sql";
import { signedInPage, trackedAccounts } from "../support/accounts";

// Images and links in the post editor, as an author uses them and as readers then get them. Each
// test makes its own account and post; the images it uploads are deleted through the library.
const databaseUrl = () => process.env.DATABASE_URL!;
const unique = () => randomBytes(4).toString("hex");
const accounts = trackedAccounts({ name: "Ivy Imagewright" });
test.afterEach(() => accounts.removeAll());

const png = (width: number, height: number, background: string) => sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();

const storedBody = async (title: string) => ((await runSql(databaseUrl(), `SELECT "bodyHtml" FROM "Post" WHERE title = $1`, [title])).rows[0]?.bodyHtml ?? "") as string;

async function newPost(page: Page, title: string) {
  await page.goto("/dashboard/posts");
  await page.getByRole("button", { name: "New post" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[^/]+$/);
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  return page.getByRole("textbox", { name: "Body" });
}

async function insertImage(page: Page, file: { name: string; buffer: Buffer }, choose: (dialog: Locator) => Promise<void>) {
  await page.getByRole("toolbar", { name: "Body formatting" }).getByRole("button", { name: "Image", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Insert an image" });
  await dialog.getByLabel("Upload an image").setInputFiles({ ...file, mimeType: "image/png" });
  await expect(dialog.locator("img")).toHaveAttribute("src", /^\/uploads\//);
  await choose(dialog);
  await dialog.getByRole("button", { name: "Insert image" }).click();
  await expect(dialog).toHaveCount(0);
}

test("an author inserts captioned, aligned images and a new-tab link; readers get figures, resized copies and the og:image", async ({ browser }) => {
  test.setTimeout(120_000);
  const author = await accounts.make("AUTHOR");
  const page = await signedInPage(browser, author);
  const title = `Blue cards ${unique()}`;
  const body = await newPost(page, title);
  await body.click();
  await page.keyboard.type("Before the pictures.");

  await insertImage(page, { name: "blue-card.png", buffer: await png(1200, 600, "#2a5aa0") }, async (dialog) => {
    // Alt text is asked for: inserting without it is refused with the reason.
    await dialog.getByRole("button", { name: "Insert image" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Describe the image in its alt text, or mark it as decorative.");
    await dialog.getByRole("textbox", { name: "Alt text" }).fill("A blue test card");
    await dialog.getByRole("textbox", { name: "Caption (optional)" }).fill("The card, in blue");
    await dialog.getByRole("group", { name: "Alignment" }).getByLabel("Left").check();
    await dialog.getByRole("group", { name: "Size" }).getByLabel("Medium").check();
  });
  // The caret is past the image: what is typed next goes after it and the image stays.
  await page.keyboard.type("Typed right after.");
  await expect(body.locator("figure.alignleft.size-medium img[alt='A blue test card']")).toHaveCount(1);
  await expect(body.locator("figure figcaption")).toHaveText("The card, in blue");
  await expect(body).toContainText("Typed right after.");

  await insertImage(page, { name: "red-card.png", buffer: await png(1000, 1000, "#a02a2a") }, async (dialog) => {
    await dialog.getByLabel("Decorative image (screen readers skip it)").check();
    await dialog.getByRole("group", { name: "Alignment" }).getByLabel("Centre").check();
  });
  await page.keyboard.type("After the second.");
  await expect(body.locator("img.aligncenter.size-full[alt='']")).toHaveCount(1);

  // The link dialog: javascript: is refused; Enter inserts from the keyboard.
  await page.getByRole("toolbar", { name: "Body formatting" }).getByRole("button", { name: "Link" }).click();
  const linkDialog = page.getByRole("dialog", { name: "Insert a link" });
  await linkDialog.getByRole("textbox", { name: "Address" }).fill("javascript:alert(1)");
  await linkDialog.getByRole("textbox", { name: "Link text" }).fill("my notes");
  await linkDialog.getByRole("button", { name: "Insert link" }).click();
  await expect(linkDialog.getByText(/Links can go to web addresses/)).toBeVisible();
  await linkDialog.getByRole("textbox", { name: "Address" }).fill("https://example.org/notes");
  await linkDialog.getByLabel("Open in a new tab").check();
  await linkDialog.getByRole("textbox", { name: "Address" }).press("Enter");
  await expect(linkDialog).toHaveCount(0);
  await expect(body.getByRole("link", { name: "my notes" })).toHaveAttribute("target", "_blank");

  // The featured image, chosen among the post's own images.
  await page.getByRole("button", { name: "Choose featured image" }).click();
  const picker = page.getByRole("dialog", { name: "Choose the featured image" });
  await picker.getByLabel("Blue card (in this post)").check();
  await picker.getByRole("button", { name: "Use this image" }).click();
  await expect(page.getByRole("img", { name: "Featured image: Blue card" })).toBeVisible();

  // Publishing saves what is on screen first.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect.poll(async () => (await runSql(databaseUrl(), `SELECT permalink FROM "Post" WHERE title = $1 AND status = 'PUBLISHED'`, [title])).rows[0]?.permalink, { timeout: 15_000 }).toMatch(/^\/\d{4}\/\d{2}\//);
  const permalink = (await runSql(databaseUrl(), `SELECT permalink FROM "Post" WHERE title = $1`, [title])).rows[0].permalink as string;

  const reader = await browser.newPage();
  await reader.goto(permalink);
  const figure = reader.locator(".post-body figure.alignleft.size-medium");
  await expect(figure.locator("figcaption")).toHaveText("The card, in blue");
  const first = figure.getByRole("img", { name: "A blue test card" });
  await expect(first).toHaveAttribute("srcset", /-480w\.webp 480w, .*-960w\.webp 960w, .*\.png 1200w$/);
  await expect(first).toHaveAttribute("sizes", /28rem$/);
  await expect(first).toHaveAttribute("width", "1200");
  await expect(first).toHaveAttribute("height", "600");
  // The first image is likely in view: it is not lazy; the next one is.
  expect(await first.getAttribute("loading")).toBeNull();
  const second = reader.locator(".post-body img.aligncenter");
  await expect(second).toHaveAttribute("loading", "lazy");
  await expect(second).toHaveAttribute("decoding", "async");
  await expect(second).toHaveAttribute("width", "1000");
  await expect(second).toHaveAttribute("srcset", /-960w\.webp 960w/);
  await expect(reader.locator(".post-body").getByRole("link", { name: "my notes" })).toHaveAttribute("rel", "noopener noreferrer");

  const featuredSrc = (await first.getAttribute("src"))!;
  await expect(reader.locator('meta[property="og:image"]')).toHaveAttribute("content", new RegExp(`^http://127\\.0\\.0\\.1:\\d+${featuredSrc}$`));
  await expect(reader.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
  await expect(reader.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await reader.close();

  // The library says where each image is used, and says so again before deleting one.
  await page.goto("/dashboard/images");
  const blue = page.getByRole("listitem").filter({ hasText: "blue-card.png" });
  await expect(blue).toContainText("Used in 1 post:");
  await expect(blue.getByRole("link", { name: title })).toBeVisible();
  let question = "";
  page.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.dismiss();
  });
  await blue.getByRole("button", { name: "Delete blue-card.png" }).click();
  await expect.poll(() => question).toContain("Used in 1 post. Delete “blue-card.png” anyway?");
  await expect(blue).toHaveCount(1);
  for (const name of ["blue-card.png", "red-card.png"]) {
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("listitem").filter({ hasText: name }).getByRole("button", { name: `Delete ${name}` }).click();
    await expect(page.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
  }
  await page.context().close();
});

test("an image can be edited after insertion: alt text, caption, alignment and size", async ({ browser }) => {
  const author = await accounts.make("AUTHOR");
  const page = await signedInPage(browser, author);
  const title = `Edited card ${unique()}`;
  const body = await newPost(page, title);
  await body.click();
  await insertImage(page, { name: "green-card.png", buffer: await png(600, 400, "#2aa05a") }, async (dialog) => {
    await dialog.getByRole("textbox", { name: "Alt text" }).fill("A green card");
  });
  await body.getByRole("img", { name: "A green card" }).click();
  await page.getByRole("toolbar", { name: "Body formatting" }).getByRole("button", { name: "Edit image" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit image" });
  await expect(dialog.getByRole("textbox", { name: "Alt text" })).toHaveValue("A green card");
  await dialog.getByRole("textbox", { name: "Alt text" }).fill("A green card on a desk");
  await dialog.getByRole("textbox", { name: "Caption (optional)" }).fill("Green");
  await dialog.getByRole("group", { name: "Alignment" }).getByLabel("Right").check();
  await dialog.getByRole("group", { name: "Size" }).getByLabel("Small").check();
  await dialog.getByRole("button", { name: "Save image" }).click();
  await expect(body.locator("figure.alignright.size-small img[alt='A green card on a desk'] + figcaption")).toHaveText("Green");
  await expect(body.locator("img")).toHaveCount(1);
  // Autosaved as the editor shows it: the sanitizer keeps the figure, its classes and caption.
  await expect.poll(() => storedBody(title), { timeout: 15_000 }).toMatch(/<figure class="alignright size-small"><img src="\/uploads\/[^"]+" alt="A green card on a desk" width="600" height="400" \/><figcaption>Green<\/figcaption><\/figure>/);

  await page.goto("/dashboard/images");
  page.once("dialog", (confirm) => void confirm.accept());
  await page.getByRole("listitem").filter({ hasText: "green-card.png" }).getByRole("button", { name: "Delete green-card.png" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "green-card.png" })).toHaveCount(0);
  await page.context().close();
});
