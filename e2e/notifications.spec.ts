import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { runSql } from "../tests/support/sql";
import { signedInPage, trackedAccounts } from "./support/accounts";
import { waitForMail } from "./support/mail-capture";

// A reader who ticks "Notify me" hears of the next comment by mail, through the blog's own queue
// and a real SMTP server, and leaves with the message's link: no sign-in, one button.
const accounts = trackedAccounts();
test.afterEach(() => accounts.removeAll());

const baseUrl = () => test.info().project.use.baseURL!;

async function publish(page: Page, permalink: string, text: string, { notify = false } = {}) {
  await page.goto(permalink);
  const form = page.locator("#comment-form");
  await form.getByLabel("Your comment").fill(text);
  if (notify) await form.getByLabel("Notify me of new comments on this post by email").check();
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/#c[a-z0-9]+$/);
  return new URL(page.url()).hash.slice(1);
}

test.setTimeout(90_000);

test("a reader who ticked “Notify me” is mailed the next comment, and unsubscribes from the message's link", async ({ browser }) => {
  const author = await accounts.make("AUTHOR", "Nell Author");
  const slug = `notify-${author.id}`;
  const permalink = `/2013/03/${slug}`;
  await runSql(
    process.env.DATABASE_URL!,
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt") VALUES ($1, 'Tides and timetables', $1, $2, '<p>Tell me.</p>', 'PUBLISHED', '2013-03-01T09:00:00Z', $3, now())`,
    [slug, permalink, author.id],
  );
  const subscriber = await accounts.make("READER", "Sam Subscriber");
  await publish(await signedInPage(browser, subscriber), permalink, "Keep me posted.", { notify: true });
  const other = await accounts.make("READER", "Olu Other");
  const answer = await publish(await signedInPage(browser, other), permalink, "The tides are early this year.");

  // The server's worker sends within seconds of the comment.
  const mail = await waitForMail(subscriber.email, { subject: "New comment on “Tides and timetables”", timeoutMs: 30_000 });
  expect(mail.text).toContain("The tides are early this year.");
  expect(mail.text).toContain(`${baseUrl()}${permalink}#${answer}`);
  const unsubscribeLink = mail.text.match(new RegExp(`${baseUrl()}/unsubscribe\\?token=\\S+`))?.[0];
  expect(unsubscribeLink).toBeDefined();
  expect(mail.listUnsubscribe).toMatch(new RegExp(`^<${baseUrl()}/api/unsubscribe\\?token=`));
  expect(mail.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");

  // Opened in a browser that never signed in: opening it changes nothing, the button does.
  const page = await (await browser.newContext()).newPage();
  await page.goto(unsubscribeLink!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unsubscribe");
  await expect(page.getByText(`Stop emails to ${subscriber.email} about new comments on “Tides and timetables”?`)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unsubscribed");
  await expect(page.getByRole("status")).toContainText(`Done: ${subscriber.email} gets no more emails about new comments on “Tides and timetables”.`);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Following the link again says so.
  await page.goto(unsubscribeLink!);
  await expect(page.getByRole("status")).toContainText("You were already unsubscribed");
});

test("an admin sees the notices the queue gave up on, with the server's answer, and sends them again", async ({ browser }) => {
  const author = await accounts.make("AUTHOR", "Gil Author");
  const slug = `given-up-${author.id}`;
  await runSql(
    process.env.DATABASE_URL!,
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt") VALUES ($1, 'Lost letters', $1, $2, '<p>Write.</p>', 'PUBLISHED', '2013-04-01T09:00:00Z', $3, now())`,
    [slug, `/2013/04/${slug}`, author.id],
  );
  await runSql(process.env.DATABASE_URL!, `INSERT INTO "Comment" (id, "postId", "userId", "bodyHtml", "idempotencyKey") VALUES ($1, $1, $2, '<p>Hello.</p>', $1)`, [slug, author.id]);
  await runSql(
    process.env.DATABASE_URL!,
    `INSERT INTO "MailNotice" (id, "commentId", "to", subject, text, attempts, "gaveUpAt", "lastError") VALUES ($1, $1, $2, 'New comment on “Lost letters”', 'Hello.', 6, now(), '550 Mailbox unavailable')`,
    [slug, author.email],
  );
  const admin = await signedInPage(browser, await accounts.make("ADMIN", "Ada Admin"));
  await admin.goto("/dashboard/comments");
  const section = admin.getByRole("region", { name: "Mail that could not be sent" });
  await expect(section.getByText(`To ${author.email}, “New comment on “Lost letters””`)).toContainText("550 Mailbox unavailable");
  expect((await new AxeBuilder({ page: admin }).analyze()).violations).toEqual([]);

  await section.getByRole("button", { name: "Try them again" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "will be sent again within seconds." })).toBeVisible();
  await waitForMail(author.email, { subject: "New comment on “Lost letters”", timeoutMs: 30_000 });
  await admin.reload();
  await expect(admin.getByRole("region", { name: "Mail that could not be sent" })).toHaveCount(0);
});
