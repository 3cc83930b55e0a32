import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { HtmlValidate } from "html-validate";
import { runSql } from "../tests/support/sql";
import { randomClientIp, signInThroughForm, signInWithPassword, trackedAccounts } from "./support/accounts";
import { linkIn, waitForMail } from "./support/mail-capture";

// Sign-ins are rate limited per address. Each worker's requests come from an address of its own
// (the blog reads the nearest proxy's X-Forwarded-For), so these specs never use up the budget of
// other specs.
test.use({ extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
// Each sign-up and password change hashes with argon2id (deliberately slow), on two shared cores.
test.describe.configure({ timeout: 90_000 });

const databaseUrl = () => process.env.DATABASE_URL!;
const baseUrl = () => `http://127.0.0.1:${process.env.E2E_PORT}`;
// The review's open redirect: the URL parser normalises it to //evil.example/again, another host.
const LEAVES_THE_SITE = "/.//evil.example/again";
// The same answer whether or not the email already had an account (the e2e server has SMTP set).
const CHECK_EMAIL = "We sent a link to finish signing up. It works once, for one day.";
const FINISH_SIGNING_UP = "To finish signing up, sign in with the password you chose.";
const validator = new HtmlValidate({ extends: ["html-validate:document"], rules: { "require-sri": "off" } });

// Rows each test made, removed after that test.
const accounts = trackedAccounts();
let signedUpEmails: string[] = [];
test.afterEach(async () => {
  const emails = [...accounts.all.map((account) => account.email), ...signedUpEmails];
  await accounts.removeAll();
  await runSql(databaseUrl(), `DELETE FROM "User" WHERE email = ANY($1)`, [signedUpEmails]);
  await runSql(databaseUrl(), `DELETE FROM "VerificationToken" WHERE identifier = ANY($1)`, [
    emails.flatMap((email) => [email, `password-reset:${email}`, `sign-up:${email}`]),
  ]);
  signedUpEmails = [];
});

const account = ({ name }: { name?: string } = {}) => accounts.make("READER", name);

function newEmail() {
  const email = `signup-${randomBytes(6).toString("hex")}@example.test`;
  signedUpEmails.push(email);
  return email;
}

// Next's route announcer is an (empty) alert too: ours are the ones in the page.
const problem = (page: Page) => page.getByRole("main").getByRole("alert");
const passwordForm = (page: Page) => page.locator('form[action="/api/auth/callback/credentials"]');

async function expectAccessiblePage(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
  // The HTML as served: after a client-side navigation the document also holds the previous page, hidden.
  const report = await validator.validateString(await (await page.request.get(page.url())).text());
  expect(report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`))).toEqual([]);
}

async function csrfToken(request: APIRequestContext) {
  return ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

async function signUpThroughForm(page: Page, { name, email, password }: { name: string; email: string; password: string }) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function expectCheckEmailScreen(page: Page) {
  await expect(page).toHaveURL(/\/check-email\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page.getByRole("status")).toHaveText(CHECK_EMAIL);
}

const confirmationLink = async (email: string) => linkIn(await waitForMail(email, { subject: "Finish signing up" }), baseUrl());

test.describe("signing up", () => {
  test("a new reader signs up, cannot sign in until the mailed link, then signs in through it and is back where they started", async ({ page }) => {
    const email = newEmail();
    await page.goto("/sign-up?callbackUrl=/2011/09");
    await signUpThroughForm(page, { name: "Ruth Marsh", email, password: "a long enough password" });
    await expectCheckEmailScreen(page);
    await expectAccessiblePage(page);

    await page.goto("/sign-in");
    await signInThroughForm(page, email, "a long enough password");
    await expect(problem(page)).toHaveText("Wrong email or password");

    await page.goto(await confirmationLink(email));
    await expect(page.getByRole("status")).toHaveText(FINISH_SIGNING_UP);
    await expect(passwordForm(page).getByLabel("Email")).toHaveValue(email);
    await passwordForm(page).getByLabel("Password").fill("a long enough password");
    await passwordForm(page).getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(`${baseUrl()}/2011/09`);
    await expect(page.locator(".account-status")).toContainText("Signed in as Ruth Marsh");
    const { rows } = await runSql(databaseUrl(), `SELECT role, "passwordHash" FROM "User" WHERE email = $1`, [email]);
    expect(rows[0].role).toBe("READER");
    expect(rows[0].passwordHash).toMatch(/^\$argon2id\$/);
  });

  test("says what is wrong beside each field; a taken email gets the same answer as a new one, and its owner an email", async ({ page }) => {
    const existing = await account();
    await page.goto("/sign-up");
    await expectAccessiblePage(page);
    await signUpThroughForm(page, { name: "Someone", email: existing.email, password: "short" });
    await expect(page.locator("#field-password-error")).toHaveText("Use 10 or more characters.");
    await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email")).toHaveValue(existing.email);

    await page.getByLabel("Password").fill(existing.email.toUpperCase());
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#field-password-error")).toHaveText("Your password cannot be your email address.");

    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expectCheckEmailScreen(page);
    expect((await waitForMail(existing.email, { subject: "Someone tried to sign up with your email" })).text).toContain("yours is unchanged");
    await page.goto("/sign-in");
    await signInThroughForm(page, existing.email, existing.password);
    await expect(page.locator(".account-status")).toContainText(`Signed in as ${existing.name}`);
  });

  test("signing up with someone's email shows what a new email shows, and the password chosen fails like any wrong one", async ({ browser }) => {
    const owner = await account();
    const screens: string[] = [];
    for (const email of [newEmail(), owner.email]) {
      const context = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
      const page = await context.newPage();
      await page.goto("/sign-up");
      await signUpThroughForm(page, { name: "Mallory", email, password: "the attacker's choice" });
      await expectCheckEmailScreen(page);
      screens.push(`${page.url()}\n${await page.getByRole("main").innerText()}`);

      await page.goto("/sign-in");
      await signInThroughForm(page, email, "the attacker's choice");
      await expect(problem(page)).toHaveText("Wrong email or password");
      await expect(page.locator(".account-status")).toHaveCount(0);
      await context.close();
    }
    expect(screens[1]).toBe(screens[0]);
    expect((await waitForMail(owner.email, { subject: "Someone tried to sign up with your email" })).text).toContain("No new account was made");
  });

  test("signing up and signing in work with JavaScript off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
    const page = await context.newPage();
    const email = newEmail();
    await page.goto("/sign-up?callbackUrl=/profile");
    await signUpThroughForm(page, { name: "Quiet Reader", email, password: "tiny" });
    await expect(page.locator("#field-password-error")).toHaveText("Use 10 or more characters.");
    await expect(page.getByLabel("Name")).toHaveValue("Quiet Reader");

    await page.getByLabel("Password").fill("no script needed here");
    await page.getByRole("button", { name: "Create account" }).click();
    await expectCheckEmailScreen(page);
    await page.goto(await confirmationLink(email));
    await signInThroughForm(page, email, "no script needed here");
    await expect(page).toHaveURL(`${baseUrl()}/profile`);
    await expect(page.getByRole("main")).toContainText(`Signed in as Quiet Reader (${email})`);
    await context.close();
  });
});

test.describe("signing in", () => {
  test("a wrong password or unknown email says exactly 'Wrong email or password'", async ({ page }) => {
    const reader = await account();
    await page.goto("/sign-in");
    await expectAccessiblePage(page);
    await signInThroughForm(page, reader.email, "not the password");
    await expect(problem(page)).toHaveText("Wrong email or password");
    await signInThroughForm(page, "nobody-at-all@example.test", "whatever it is");
    await expect(problem(page)).toHaveText("Wrong email or password");
    await expect(page.locator(".account-status")).toHaveCount(0);
  });

  test("made-up error text in the address is never shown", async ({ page }) => {
    await page.goto(`/sign-in?error=${encodeURIComponent('<img src=x onerror="window.pwned=1">Your account was suspended, call us')}`);
    await expect(problem(page)).toHaveText("Signing in did not work. Please try again.");
    await expect(page.locator("body")).not.toContainText("suspended");
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.goto("/sign-in?error=OAuthAccountNotLinked");
    await expect(problem(page)).toContainText("That email address already has an account here.");
  });

  test("too many attempts from one address are refused with the time to wait, but not the owner elsewhere", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
    const reader = await account();
    const token = await csrfToken(context.request);
    for (let attempt = 0; attempt < 5; attempt++) {
      await context.request.post("/api/auth/callback/credentials", { form: { csrfToken: token, email: reader.email, password: "guess" }, maxRedirects: 0 });
    }
    const page = await context.newPage();
    await page.goto("/sign-in");
    // Even the right password waits now, from this address: a minute first, longer as guesses go on.
    await signInThroughForm(page, reader.email, reader.password);
    await expect(problem(page)).toHaveText(/^Too many sign-in attempts\. Try again in \d+ seconds?\.$/);
    await context.close();

    // The owner, from another address, is not locked out by someone else's guesses.
    const owner = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
    const ownerPage = await owner.newPage();
    await ownerPage.goto("/sign-in");
    await signInThroughForm(ownerPage, reader.email, reader.password);
    await expect(ownerPage).toHaveURL(`${baseUrl()}/`);
    await owner.close();
  });

  test("returns to the page it was sent from, even after a mistake, and never to another site", async ({ page }) => {
    const reader = await account();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("https://evil.example/steal")}`);
    await expect(passwordForm(page).locator('input[name="callbackUrl"]')).toHaveValue("/");
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("//evil.example/steal")}`);
    await expect(passwordForm(page).locator('input[name="callbackUrl"]')).toHaveValue("/");
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(LEAVES_THE_SITE)}`);
    await expect(passwordForm(page).locator('input[name="callbackUrl"]')).toHaveValue("/");
    await page.goto(`/sign-up?callbackUrl=${encodeURIComponent(LEAVES_THE_SITE)}`);
    await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("/");

    await page.goto("/sign-in?callbackUrl=/label/allotment");
    await signInThroughForm(page, reader.email, "wrong password");
    await expect(problem(page)).toHaveText("Wrong email or password");
    await signInThroughForm(page, reader.email, reader.password);
    await expect(page).toHaveURL(`${baseUrl()}/label/allotment`);
  });

  test("neither the credentials callback nor a signed-in visit to sign-in or sign-up leaves the site", async ({ page }) => {
    const reader = await account();
    const response = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken: await csrfToken(page.request), email: reader.email, password: reader.password, callbackUrl: LEAVES_THE_SITE },
      maxRedirects: 0,
    });
    const location = new URL(response.headers().location ?? "", baseUrl());
    expect(location.host).not.toBe("evil.example");
    expect(location.pathname).toBe("/");
    for (const form of ["/sign-in", "/sign-up"]) {
      await page.goto(`${form}?callbackUrl=${encodeURIComponent(LEAVES_THE_SITE)}`);
      await expect(page).toHaveURL(`${baseUrl()}/`);
    }
  });

  test("a disabled account cannot sign in with its password or an emailed link", async ({ page }) => {
    const reader = await account();
    await runSql(databaseUrl(), `UPDATE "User" SET "disabledAt" = now() WHERE id = $1`, [reader.id]);
    await page.goto("/sign-in");
    await signInThroughForm(page, reader.email, reader.password);
    await expect(problem(page)).toHaveText("Wrong email or password");
    await page.getByLabel("Email", { exact: true }).last().fill(reader.email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(problem(page)).toHaveText(/^This account cannot sign in\./);
  });
});

test.describe("signed in", () => {
  test("reader pages are the same cached page for everyone; the reader's name comes from /api/viewer", async ({ request }) => {
    const reader = await account({ name: "Shell Reader" });
    for (const signedIn of [false, true]) {
      if (signedIn) await signInWithPassword(request, reader);
      const response = await request.get("/");
      // Served whole from Next's cache: no per-request rendering, signed in or not.
      expect(["HIT", "STALE"]).toContain(response.headers()["x-nextjs-cache"]);
      expect(response.headers()["x-nextjs-postponed"]).toBeUndefined();
      const html = await response.text();
      expect(html).toContain("Notes from the Reading Room");
      expect(html).not.toContain("Shell Reader");
      const viewer = await request.get("/api/viewer");
      expect(viewer.headers()["cache-control"]).toBe("private, no-store");
      expect(await viewer.json()).toEqual({ user: signedIn ? { name: "Shell Reader", role: "READER" } : null });
    }
  });

  test("the header names the reader as text, however their name is made, and signs out", async ({ page }) => {
    const name = `<script>window.pwned=1</script>"><img src=x onerror="window.pwned=2">`;
    const reader = await account({ name });
    await signInWithPassword(page.request, reader);
    await page.goto("/");
    await expect(page.locator(".account-status")).toContainText(`Signed in as ${name}`);
    await expect(page.locator(".account-status img")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

    await page.locator(".account-status").getByRole("button", { name: "Sign out" }).click();
    await expect(page.locator(".account-status").getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/profile");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
  });

  test("the profile changes the name and, given the current one, the password", async ({ page }) => {
    const reader = await account({ name: "Before Rename" });
    await page.goto("/profile");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
    await signInThroughForm(page, reader.email, reader.password);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
    await expectAccessiblePage(page);

    await page.getByRole("textbox", { name: "Name" }).fill("After Rename");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText("Your name is saved.")).toBeVisible();

    await page.getByLabel("Current password").fill("not it");
    await page.getByLabel("New password").fill("a brand new password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.locator("#field-currentPassword-error")).toHaveText("That is not your current password.");
    await page.getByLabel("Current password").fill(reader.password);
    await page.getByLabel("New password").fill("short");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.locator("#field-newPassword-error")).toHaveText("Use 10 or more characters.");
    await page.getByLabel("Current password").fill(reader.password);
    await page.getByLabel("New password").fill("a brand new password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password is changed.")).toBeVisible();

    await page.goto("/");
    await expect(page.locator(".account-status")).toContainText("Signed in as After Rename");
    await page.locator(".account-status").getByRole("button", { name: "Sign out" }).click();
    await expect(page.locator(".account-status").getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/sign-in");
    await signInThroughForm(page, reader.email, "a brand new password");
    // next-auth remembers where this sign-in session set out for: the profile.
    await expect(page).toHaveURL(`${baseUrl()}/profile`);
    await expect(page.getByRole("main")).toContainText("Signed in as After Rename");
  });
});

test.describe("GitHub and Google", () => {
  test("only the configured provider has a button, and it leads to GitHub's authorize page", async ({ page, request }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in with Google" })).toHaveCount(0);

    const response = await request.post("/api/auth/signin/github", { form: { csrfToken: await csrfToken(request), callbackUrl: "/" }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    const location = new URL(response.headers().location ?? "");
    expect(`${location.origin}${location.pathname}`).toBe("https://github.com/login/oauth/authorize");
    expect(location.searchParams.get("client_id")).toBe("e2e-github-client-id");
    expect(location.searchParams.get("redirect_uri")).toBe(`${baseUrl()}/api/auth/callback/github`);
  });
});

test.describe("email", () => {
  test("a forgotten password is reset through an emailed link that works once", async ({ page }) => {
    const reader = await account();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expectAccessiblePage(page);
    const answer = "If an account exists for that email, we have sent it a link to choose a new password. The link works for one hour.";
    // By role, not label: after the client-side navigation the sign-in page is still in the document, hidden.
    await page.getByRole("textbox", { name: "Email" }).fill("no-such-reader@example.test");
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("status")).toHaveText(answer);
    await page.getByRole("textbox", { name: "Email" }).fill(reader.email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("status")).toHaveText(answer);

    const link = linkIn(await waitForMail(reader.email, { subject: "Reset your password" }), baseUrl());
    const token = new URL(link).searchParams.get("token")!;
    const { rows } = await runSql(databaseUrl(), `SELECT token, expires FROM "VerificationToken" WHERE identifier = $1`, [`password-reset:${reader.email}`]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token).not.toBe(token);
    expect(new Date(rows[0].expires).getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
    await expectAccessiblePage(page);
    await page.getByLabel("New password").fill("reset by email link");
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page.getByRole("status")).toHaveText("Your password has been changed. Sign in with the new one.");
    await expect(passwordForm(page).getByLabel("Email")).toHaveValue(reader.email);
    await signInThroughForm(page, reader.email, "reset by email link");
    await expect(page.locator(".account-status")).toContainText(`Signed in as ${reader.name}`);

    await page.goto(link);
    await expect(problem(page)).toContainText("This reset link has expired or has already been used.");
  });

  test("an emailed sign-in link signs the reader in", async ({ page }) => {
    const reader = await account({ name: "Link Reader" });
    await page.goto("/sign-in?callbackUrl=/profile");
    await page.getByLabel("Email", { exact: true }).last().fill(reader.email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
    await expectAccessiblePage(page);

    await page.goto(linkIn(await waitForMail(reader.email, { subject: "Sign in" }), baseUrl()));
    await expect(page).toHaveURL(`${baseUrl()}/profile`);
    await expect(page.getByRole("main")).toContainText(`Signed in as Link Reader (${reader.email})`);
  });
});
