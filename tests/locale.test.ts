import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../lib/client-address-header.mjs";
import { formatDateHeader, formatDateTime, formatMonth, formatTime } from "../lib/dates";
import { LOCALES, messagesFor, type Locale } from "../lib/messages";
import { BLOG_URL, makeAccount, makeComment, makePost, type Account, type PostRef } from "./authorization-matrix-fixtures";
import { withMigratedDatabase } from "./support/databases";
import { inNextRequest, nextRequest } from "./support/next-request";
import { sessionTokenFor } from "./support/session-cookie";

// The blog's locale (a setting): reader pages' words from lib/messages.ts, dates through Intl.
const posted = new Date("2011-09-08T08:41:00Z");
// 00:30 on 1 October 2011 in London (BST) and Amsterdam's 01:30 are still 30 September in UTC.
const lateNight = new Date("2011-09-30T23:30:00Z");

describe("dates in the blog's locale and time zone", () => {
  test("Blogger's date header, the three ways the blog offers", () => {
    expect(formatDateHeader(posted, "Europe/London", "en-GB")).toBe("Thursday, 8 September 2011");
    expect(formatDateHeader(posted, "Europe/London", "en-US")).toBe("Thursday, September 8, 2011");
    expect(formatDateHeader(posted, "Europe/Amsterdam", "nl")).toBe("donderdag 8 september 2011");
    expect(formatDateHeader(lateNight, "Europe/Amsterdam", "nl")).toBe("zaterdag 1 oktober 2011");
    expect(formatDateHeader(lateNight, "America/New_York", "en-US")).toBe("Friday, September 30, 2011");
  });

  test("times, on the blog's clock and as its locale writes them", () => {
    expect(formatTime(lateNight, "Europe/London", "en-GB")).toBe("00:30");
    // en-US writes a narrow no-break space before AM in current ICU data.
    expect(formatTime(lateNight, "Europe/London", "en-US")).toMatch(/^12:30\sAM$/);
    expect(formatTime(lateNight, "Europe/Amsterdam", "nl")).toBe("01:30");
    expect(formatDateTime(posted, "Europe/London", "en-GB")).toBe("Thursday, 8 September 2011 at 09:41");
    expect(formatDateTime(posted, "Europe/Amsterdam", "nl")).toBe("donderdag 8 september 2011 om 10:41");
    expect(formatDateTime(posted, "America/New_York", "en-US")).toMatch(/^Thursday, September 8, 2011 at 4:41\sAM$/);
  });

  test("the archive's months", () => {
    expect(formatMonth("09", "en-GB")).toBe("September");
    expect(formatMonth("2011/09", "en-US")).toBe("September 2011");
    expect(formatMonth("2011/09", "nl")).toBe("september 2011");
  });
});

describe("reader pages' words", () => {
  test("counts go through each language's plural rules", () => {
    const english = messagesFor("en-GB");
    expect([0, 1, 2, 1000].map(english.commentCount)).toEqual(["No comments", "1 comment", "2 comments", "1,000 comments"]);
    expect([0, 1, 2].map(english.commentsHeading)).toEqual(["No comments:", "1 comment:", "2 comments:"]);
    expect([1, 2].map(english.postsMatch)).toEqual(["1 post matches", "2 posts match"]);
    const dutch = messagesFor("nl");
    expect([0, 1, 2, 1000].map(dutch.commentCount)).toEqual(["Geen reacties", "1 reactie", "2 reacties", "1.000 reacties"]);
    expect([0, 1, 2].map(dutch.commentsHeading)).toEqual(["Geen reacties:", "1 reactie:", "2 reacties:"]);
    expect([1, 2].map(dutch.postsMatch)).toEqual(["1 bericht gevonden", "2 berichten gevonden"]);
  });

  test("every language has every word, and says them in its own words", () => {
    const english = messagesFor("en-GB");
    const sameWords = (words: object, inEnglish: object, where: string) => {
      expect(Object.keys(words).sort(), where).toEqual(Object.keys(inEnglish).sort());
      for (const [key, word] of Object.entries(words)) {
        if (typeof word === "string") expect(word.trim(), `${where} ${key}`).not.toBe("");
        if (typeof word === "object") sameWords(word as object, inEnglish[key as keyof typeof inEnglish], `${where} ${key}`);
      }
    };
    for (const locale of LOCALES) sameWords(messagesFor(locale), english, locale);
    expect(messagesFor("en-US")).toBe(english);
    const dutch = messagesFor("nl");
    expect(dutch.olderPosts).toBe("Oudere berichten");
    expect(dutch.saidBy("Annie")).toBe("Annie zei...");
    expect(dutch.postAComment).not.toBe(english.postAComment);
  });
});

// The comment actions against PostgreSQL, inside Next's request scope: what they answer a reader
// comes in the blog's language, read from the settings as they are at the moment of the post.
describe("the comment actions' answers, in the blog's language", () => {
  const database = withMigratedDatabase();
  const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
  let db: typeof import("../lib/db").db;
  let actions: typeof import("../lib/actions/comments");
  let describeRetry: typeof import("../lib/rate-limit").describeRetry;
  let owner: Account;
  let post: PostRef;
  let lastAddress = 0;

  beforeAll(async () => {
    Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_URL: BLOG_URL, NEXTAUTH_SECRET: SECRET });
    db = (await import("../lib/db")).db;
    actions = await import("../lib/actions/comments");
    describeRetry = (await import("../lib/rate-limit")).describeRetry;
  });

  const blog = (locale: Locale, commentPermission: "SIGNED_IN" | "ANYONE" = "ANYONE") => {
    const values = { locale, commentPermission, commentModeration: "NEVER" } as const;
    return db.setting.upsert({ where: { id: 1 }, create: { blogTitle: "Test blog", ...values }, update: values });
  };

  beforeEach(async () => {
    await blog("nl");
    owner = await makeAccount("AUTHOR");
    post = await makePost(owner, "published");
  });

  type CommentAction = "postGuestComment" | "postComment" | "saveCommentEdit" | "deleteOwnComment" | "moderate";

  /** A comment action as the page's script calls it, from an address of its own (so rate limits are each test's), signed in as `as`. */
  async function call(action: CommentAction, fields: Record<string, string>, as?: Account) {
    const headers = new Headers({ origin: BLOG_URL, "next-action": "locale-test", [CLIENT_ADDRESS_HEADER]: `10.88.0.${++lastAddress}` });
    if (as) headers.set("cookie", `next-auth.session-token=${await sessionTokenFor(as.id, SECRET)}`);
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const request = nextRequest(new URL(post.permalink, BLOG_URL), { method: "POST", headers });
    const { outcome } = await inNextRequest({ page: "lib/actions/comments", request }, () => actions[action]({ ok: false }, form));
    if (outcome.status === "rejected") throw outcome.reason;
    return outcome.value;
  }
  const comment = (fields: Record<string, string>, as?: Account) =>
    call(as ? "postComment" : "postGuestComment", { postId: post.postId, permalink: post.permalink, formKey: `form-${lastAddress}`, ...fields }, as);

  test("how long to wait before trying again", () => {
    expect([1, 40, 120, 7200].map((seconds) => describeRetry(seconds))).toEqual(["1 second", "40 seconds", "2 minutes", "2 hours"]);
    expect([1, 40, 120, 7200].map((seconds) => describeRetry(seconds, messagesFor("nl")))).toEqual(["1 seconde", "40 seconden", "2 minuten", "2 uur"]);
  });

  test("a guest's fields and text are refused in Dutch on a Dutch blog, in English on an English one", async () => {
    const guest = { authorName: "", authorUrl: "gwen.example.org", authorEmail: "gwen-at-example.org", body: "x".repeat(4097) };
    expect(await comment(guest)).toMatchObject({
      ok: false,
      message: "Verbeter de velden hieronder.",
      errors: {
        body: ["Die reactie is te lang: houd het bij 4.096 tekens (deze heeft er 4.097)."],
        authorUrl: ["Geef een webadres dat begint met http:// of https://, of laat het leeg."],
        authorEmail: ["Vul een geldig e-mailadres in."],
      },
    });
    expect(await comment({ authorName: "", body: "   " })).toMatchObject({ errors: { body: ["Schrijf eerst je reactie."] } });
    expect(await comment({ authorName: " ", body: "Hallo." })).toMatchObject({ errors: { authorName: ["Vul je naam in."] } });
    expect(await comment({ authorName: "Gwen", body: "Hallo.", notify: "on" })).toMatchObject({ errors: { authorEmail: ["Vul je e-mailadres in om nieuwe reacties te horen, of vink „Stuur mij een e-mail” uit."] } });

    await blog("en-US");
    expect(await comment(guest)).toMatchObject({
      message: "Please correct the fields below.",
      errors: { body: ["That comment is too long: keep it to 4,096 characters (this one has 4,097)."], authorEmail: ["Enter a valid email address."] },
    });
    expect(await db.comment.count({ where: { postId: post.postId } })).toBe(0);
  });

  test("the blog's policy and its rate limit say why in the blog's language", async () => {
    await blog("nl", "SIGNED_IN");
    expect(await comment({ authorName: "Gwen", body: "Hallo." })).toMatchObject({ ok: false, message: "Op deze blog kunnen alleen ingelogde lezers reageren: log in om te reageren." });
    await blog("en-GB", "SIGNED_IN");
    expect(await comment({ authorName: "Gwen", body: "Hello." })).toMatchObject({ ok: false, message: "This blog takes comments from signed-in readers only: sign in to comment." });

    await blog("nl");
    const reader = await makeAccount("READER");
    for (let n = 1; n <= 5; n++) expect((await comment({ body: `Reactie ${n}` }, reader)).ok).toBe(true);
    const refused = await comment({ body: "Reactie 6" }, reader);
    expect(refused).toMatchObject({ ok: false, body: "Reactie 6" });
    expect(refused.message).toMatch(/^Je reageert te snel\. Probeer het over \d+ seconden? opnieuw\.$/);
  });

  test("editing, deleting and moderating answer in the blog's language", async () => {
    const reader = await makeAccount("READER");
    const own = await makeComment(post.postId, reader);
    expect(await call("saveCommentEdit", { commentId: own, body: "Beter zo." }, reader)).toEqual({ ok: true, message: "Opgeslagen." });
    expect(await call("moderate", { commentId: own, decision: "hide" }, reader)).toMatchObject({ ok: false, message: "Alleen de schrijver van het bericht of een beheerder kan de reacties modereren." });
    expect(await call("moderate", { commentId: own, decision: "approve" }, owner)).toEqual({ ok: true, message: "Klaar." });

    await db.comment.update({ where: { id: own }, data: { createdAt: new Date(Date.now() - 60 * 60 * 1000) } });
    expect(await call("saveCommentEdit", { commentId: own, body: "Te laat." }, reader)).toMatchObject({ ok: false, message: "Een reactie kan tot 15 minuten na het plaatsen worden bewerkt.", body: "Te laat." });
    expect(await call("deleteOwnComment", { commentId: own })).toMatchObject({ ok: false, message: "Je sessie is verlopen: log opnieuw in en probeer het dan nog eens." });
    expect(await call("deleteOwnComment", { commentId: own }, reader)).toEqual({ ok: true, message: "Verwijderd." });
    expect(await call("deleteOwnComment", { commentId: own }, reader)).toMatchObject({ ok: false, message: "Die reactie is er niet meer." });

    await blog("en-GB");
    expect(await call("deleteOwnComment", { commentId: own }, reader)).toMatchObject({ ok: false, message: "That comment is not there any more." });
  });
});
