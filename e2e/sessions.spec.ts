import { expect, test, type Browser, type Page } from "@playwright/test";
import { randomClientIp, signedInPage, trackedAccounts } from "./support/accounts";

// A session cookie copied out of a browser stops working once its sessions are ended: by signing
// out, by a password change (the browser that changed it stays signed in) and by "Sign out everywhere".
test.describe.configure({ timeout: 90_000 });

const accounts = trackedAccounts();
test.afterEach(() => accounts.removeAll());

/** Another browser holding a copy of `page`'s cookies, as someone who stole them would. */
async function copyOfSession(browser: Browser, page: Page, { javaScriptEnabled = true } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
  await context.addCookies(await page.context().cookies());
  return context.newPage();
}

async function expectSignedIn(page: Page) {
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
}

async function expectSentToSignIn(page: Page) {
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
}

test("signing out ends a copied session cookie too", async ({ browser }) => {
  const reader = await accounts.make();
  const original = await signedInPage(browser, reader);
  const copy = await copyOfSession(browser, original);
  await expectSignedIn(copy);

  await original.goto("/");
  await original.locator(".account-status").getByRole("button", { name: "Sign out" }).click();
  await expect(original.locator(".account-status").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expectSentToSignIn(copy);
});

test("a password change signs out every other browser, and the profile signs out everywhere without JavaScript", async ({ browser }) => {
  const reader = await accounts.make();
  const original = await signedInPage(browser, reader);
  const stolenBefore = await copyOfSession(browser, original);
  await expectSignedIn(stolenBefore);

  await original.goto("/profile");
  await original.getByLabel("Current password").fill(reader.password);
  await original.getByLabel("New password").fill("a brand new password");
  await original.getByRole("button", { name: "Change password" }).click();
  await expect(original.getByText("Your password is changed.")).toBeVisible();
  await expectSignedIn(original);
  await expectSentToSignIn(stolenBefore);

  const withoutScript = await copyOfSession(browser, original, { javaScriptEnabled: false });
  await withoutScript.goto("/profile");
  await withoutScript.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(withoutScript.locator(".account-status").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expectSentToSignIn(original);
});
