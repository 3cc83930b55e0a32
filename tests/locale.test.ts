import { describe, expect, test } from "vitest";
import { formatDateHeader, formatDateTime, formatMonth, formatTime } from "../lib/dates";
import { LOCALES, messagesFor } from "../lib/messages";

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
    for (const locale of LOCALES) {
      const words = messagesFor(locale);
      expect(Object.keys(words).sort(), locale).toEqual(Object.keys(english).sort());
      for (const [key, word] of Object.entries(words)) if (typeof word === "string") expect(word.trim(), `${locale} ${key}`).not.toBe("");
    }
    expect(messagesFor("en-US")).toBe(english);
    const dutch = messagesFor("nl");
    expect(dutch.olderPosts).toBe("Oudere berichten");
    expect(dutch.saidBy("Annie")).toBe("Annie zei...");
    expect(dutch.postAComment).not.toBe(english.postAComment);
  });
});
