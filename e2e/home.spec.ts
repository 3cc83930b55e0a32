import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.describe("the home page of the demo blog", () => {
  test("lists the newest posts under Blogger's date headers, back to 8 September 2011", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle("Notes from the Reading Room");

    const headers = page.locator("main h2.date-header");
    await expect(headers.first()).toHaveText("Saturday, 22 December 2012");
    await expect(headers.last()).toHaveText("Thursday, 8 September 2011");

    const entry = page.locator("section", { has: page.getByRole("heading", { name: "Thursday, 8 September 2011" }) });
    await expect(entry.getByRole("heading", { level: 3 })).toHaveText(
      "Tool 6: I have joined a professional networking site, reluctantly",
    );
    await expect(entry.getByRole("link", { name: "1 comment on Tool 6" })).toHaveAttribute(
      "href",
      "/2011/09/tool-6-i-have-joined-a-professional-networking-site#comments",
    );
    await expect(entry).toContainText("Posted by Maggie Ellery at 09:41");
    await expect(entry.getByRole("link", { name: "Networking", exact: true })).toHaveAttribute("href", "/label/networking");
  });

  test("shows one header per day and the ten newest posts the settings ask for", async ({ page }) => {
    await page.goto("/");
    const headers = await page.locator("main h2.date-header").allTextContents();
    expect(new Set(headers).size).toBe(headers.length);
    await expect(page.locator("main article")).toHaveCount(10);
  });

  test("is complete without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Thursday, 8 September 2011" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Tool 6: I have joined a professional networking site, reluctantly", exact: true })).toBeVisible();
    await expect(page.locator("main article")).toHaveCount(10);
    await context.close();
  });

  test("has one h1, landmarks, a skip link, and no axe violations", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("complementary")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();

    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });

  test("sends no request off the site", async ({ page, baseURL }) => {
    const foreign: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol !== "data:" && url.host !== new URL(baseURL!).host) foreign.push(request.url());
    });
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    expect(foreign).toEqual([]);
  });
});
